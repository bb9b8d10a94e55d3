import { randomUUID } from 'node:crypto';
import { type RecordStore } from '../orders/recordStore';
import { type Clock, DEFAULT_ZONE, type IsoDate, localDateOf } from '../time';
import { redact } from './redact';

/** How the matcher read the message: a few repair types to choose from, or none it could offer. */
export type LearningDecision = 'few' | 'none';

/**
 * How it ended: the tenant chose a repair type; could not book it online ("Something else" → call us); or never
 * finished (the entry stays 'abandoned' until a resolution is recorded).
 */
export type LearningOutcome = 'chosen' | 'handed-off' | 'abandoned';

/** One message the bot understood poorly, and what the tenant chose in the end. No personal data. */
export interface LearningEntry {
  id: string;
  /** ISO instant. */
  at: string;
  /** The tenant's words with personal details replaced by markers (see redact). */
  text: string;
  decision: LearningDecision;
  /** The catalogue codes offered for the message, best first (empty when none were). */
  offered: string[];
  /** The catalogue code the tenant chose, or null. */
  chosen: string | null;
  outcome: LearningOutcome;
}

/** Where an entry is kept: the dialog carries this in its options until the tenant has chosen. */
export interface LearningRef {
  day: IsoDate;
  id: string;
}

export interface UnclearMessage {
  text: string;
  decision: LearningDecision;
  offered: readonly string[];
}

export interface Resolution {
  chosen: string | null;
  outcome: Exclude<LearningOutcome, 'abandoned'>;
}

export interface LearningLogOptions {
  clock: Clock;
  /** The zone whose calendar day an entry is filed under. */
  zone?: string;
  /** Learning never costs a tenant their turn: a failed write is reported here and otherwise ignored. */
  onError?: (error: unknown) => void;
}

export const LEARNING_KEY_PREFIX = 'repairs/learning/';
const DAYS_KEY = `${LEARNING_KEY_PREFIX}days`;
const dayKey = (day: IsoDate): string => `${LEARNING_KEY_PREFIX}${day}`;
/** A day's record is read and written whole on every entry, so it is kept to a size that stays quick. */
export const MAX_ENTRIES_PER_DAY = 500;
/** Longer messages are cut: what matters for a synonym is in the first words. */
export const MAX_TEXT_LENGTH = 300;

/**
 * The learning loop's log: each message the matcher was unsure of (a few candidates, or none), redacted, and
 * the repair type the tenant finally chose, kept per day in the bot's record store (`repairs/learning/2026-12-01`)
 * with the list of days (`repairs/learning/days`) so `repairs-bot review` can read them back.
 */
export class LearningLog {
  private readonly zone: string;

  constructor(
    private readonly store: RecordStore,
    private readonly options: LearningLogOptions,
  ) {
    this.zone = options.zone ?? DEFAULT_ZONE;
  }

  /** Keeps a poorly understood message; the reference finds it again for recordResolution. */
  async recordUnclear(message: UnclearMessage): Promise<LearningRef | undefined> {
    const now = this.options.clock.now();
    const day = localDateOf(now, this.zone);
    const entry: LearningEntry = {
      id: randomUUID(),
      at: now.toISOString(),
      text: redact(message.text.trim()).slice(0, MAX_TEXT_LENGTH),
      decision: message.decision,
      offered: [...message.offered],
      chosen: null,
      outcome: 'abandoned',
    };
    return this.safely(async () => {
      let kept = false;
      await this.store.update<LearningEntry[]>(dayKey(day), (entries = []) => {
        kept = entries.length < MAX_ENTRIES_PER_DAY;
        return kept ? [...entries, entry] : entries;
      });
      if (!kept) return undefined;
      await this.store.update<IsoDate[]>(DAYS_KEY, (days = []) => (days.includes(day) ? days : [...days, day].sort()));
      return { day, id: entry.id };
    });
  }

  /** Records what the tenant chose for a message kept by recordUnclear. A missing reference is ignored. */
  async recordResolution(ref: LearningRef | undefined, resolution: Resolution): Promise<void> {
    if (!ref) return;
    await this.safely(() =>
      this.store.update<LearningEntry[]>(dayKey(ref.day), (entries = []) =>
        entries.map((entry) =>
          entry.id === ref.id ? { ...entry, chosen: resolution.chosen, outcome: resolution.outcome } : entry,
        ),
      ),
    );
  }

  /** The days that have entries, oldest first. */
  async days(): Promise<IsoDate[]> {
    return (await this.store.get<IsoDate[]>(DAYS_KEY)) ?? [];
  }

  /** Every entry from `since` (a day, inclusive) on, oldest first. */
  async entries(filter: { since?: IsoDate } = {}): Promise<LearningEntry[]> {
    const days = (await this.days()).filter((day) => filter.since === undefined || day >= filter.since);
    const perDay = await Promise.all(
      days.map(async (day) => (await this.store.get<LearningEntry[]>(dayKey(day))) ?? []),
    );
    return perDay.flat().sort((a, b) => a.at.localeCompare(b.at));
  }

  private async safely<T>(write: () => Promise<T>): Promise<T | undefined> {
    try {
      return await write();
    } catch (error) {
      this.options.onError?.(error);
      return undefined;
    }
  }
}
