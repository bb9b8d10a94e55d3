/**
 * The simulator's one clock. Every date rule (today, tokens' expiry, order raised dates) asks it, so a test or the
 * admin API can pin "now" and get the same answers on every run.
 */
export class SimulatorClock {
  /** Set through the admin API: a pinned instant, optionally ticking on from when it was set. */
  private override: { at: number; setAt: number; frozen: boolean } | undefined;

  constructor(private readonly base: () => Date = () => new Date()) {}

  now(): Date {
    if (!this.override) return this.base();
    const { at, setAt, frozen } = this.override;
    return new Date(frozen ? at : at + (Date.now() - setAt));
  }

  /** Pin the clock to `instant`; `frozen: false` lets it run on from there in real time. */
  set(instant: Date, frozen = true): void {
    this.override = { at: instant.getTime(), setAt: Date.now(), frozen };
  }

  /** Back to the clock the simulator was created with (real time unless the creator passed `now`). */
  restore(): void {
    this.override = undefined;
  }

  describe(): { now: string; pinned: boolean; frozen: boolean } {
    return {
      now: this.now().toISOString(),
      pinned: this.override !== undefined,
      frozen: this.override?.frozen ?? false,
    };
  }
}
