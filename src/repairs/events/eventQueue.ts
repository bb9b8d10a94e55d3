/**
 * A small in-process queue for work done after the HTTP answer. Items with the same key (the order) are done one
 * at a time, in the order they came, so two updates about one order (a visit moved, then shelved) are handled in
 * Connect's order; items for different orders run side by side, up to `concurrency`, so one slow tenant channel
 * does not hold up everyone else's updates. Bounded: when full, `offer` says no and the caller answers 503, so a
 * flood does not fill memory. Work accepted but not done when the process stops is lost: Connect, not having had
 * its ResponseCallback, sends it again.
 */
export interface EventQueueOptions<T> {
  work(item: T): Promise<unknown>;
  keyOf(item: T): string;
  concurrency?: number;
  capacity?: number;
}

export class EventQueue<T> {
  private readonly waiting: T[] = [];
  private readonly busyKeys = new Set<string>();
  private active = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly capacity: number;

  constructor(private readonly options: EventQueueOptions<T>) {
    this.concurrency = options.concurrency ?? 4;
    this.capacity = options.capacity ?? 1000;
  }

  /** False when the queue is full or closed: the item was not taken. */
  offer(item: T): boolean {
    if (this.closed || this.waiting.length >= this.capacity) return false;
    this.waiting.push(item);
    this.pump();
    return true;
  }

  /** Items taken and not yet finished. */
  get size(): number {
    return this.waiting.length + this.active;
  }

  /** Takes nothing more and waits, at most `timeoutMs`, for what was taken to be done. */
  async close(timeoutMs = 10_000): Promise<void> {
    this.closed = true;
    if (this.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.idleWaiters.push(resolve);
      timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
  }

  private pump(): void {
    while (this.active < this.concurrency) {
      const index = this.waiting.findIndex((item) => !this.busyKeys.has(this.options.keyOf(item)));
      if (index < 0) return;
      const [item] = this.waiting.splice(index, 1) as [T];
      this.start(item);
    }
  }

  private start(item: T): void {
    const key = this.options.keyOf(item);
    this.active += 1;
    this.busyKeys.add(key);
    // The work reports its own failures; one failing item must not stop those behind it.
    void Promise.resolve()
      .then(() => this.options.work(item))
      .catch(() => undefined)
      .finally(() => {
        this.active -= 1;
        this.busyKeys.delete(key);
        this.pump();
        if (this.size === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
      });
  }
}
