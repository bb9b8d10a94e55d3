import { randomUUID } from 'node:crypto';
import { type RecordStore } from '../orders/recordStore';

/**
 * Which events the bot has handled, kept through the RecordStore so every instance sees them: the same event
 * delivered twice, to one instance or two, is acted on once. An event is claimed before it is acted on; a claim
 * left by an instance that stopped half-way lapses after a while, and a failed attempt is released, so a later
 * delivery of that event tries again.
 */
export interface EventEntry {
  state: 'processing' | 'done' | 'failed';
  /** ISO instant of the last change. */
  at: string;
  /** Who holds or held the claim. */
  claim: string;
  /** The StatusCode reported to Connect. */
  statusCode?: number;
}

/** Long enough for the slowest handling (a Connect call and a message, with retries), short enough to recover. */
export const CLAIM_LEASE_MS = 10 * 60_000;

const entryKey = (key: string) => `repairs/connect-events/${key}`;

export type Claim = { kind: 'claimed'; claim: string } | { kind: 'seen'; entry: EventEntry };

export class EventLedger {
  constructor(private readonly store: RecordStore) {}

  async claim(key: string, now: Date): Promise<Claim> {
    const claim = randomUUID();
    const entry = await this.store.update<EventEntry>(entryKey(key), (current) => {
      if (current?.state === 'done') return current;
      if (current?.state === 'processing' && now.getTime() - Date.parse(current.at) < CLAIM_LEASE_MS) return current;
      return { state: 'processing', at: now.toISOString(), claim };
    });
    return entry.claim === claim && entry.state === 'processing' ? { kind: 'claimed', claim } : { kind: 'seen', entry };
  }

  /** The event is handled (told, or nothing to tell): later deliveries of it change nothing. */
  async done(key: string, claim: string, statusCode: number, now: Date): Promise<void> {
    await this.store.update<EventEntry>(entryKey(key), (current) =>
      current && current.claim !== claim ? current : { state: 'done', at: now.toISOString(), claim, statusCode },
    );
  }

  /** It could not be handled now: a later delivery may try again. */
  async failed(key: string, claim: string, statusCode: number, now: Date): Promise<void> {
    await this.store.update<EventEntry>(entryKey(key), (current) =>
      current && current.claim !== claim ? current : { state: 'failed', at: now.toISOString(), claim, statusCode },
    );
  }

  find(key: string): Promise<EventEntry | undefined> {
    return this.store.get<EventEntry>(entryKey(key));
  }
}
