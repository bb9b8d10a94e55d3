import { randomUUID } from 'node:crypto';
import { type RecordStore } from '../orders/recordStore';
import { type RepairReport } from '../reporting/repairReport';

/**
 * A report as the tenant confirmed it, without the tenant's directory entry (looked up again by property id when
 * it is sent, so names and addresses are not copied into one more place). Everything else the tenant gave is here:
 * nothing they said is lost while Connect is down.
 */
export type KeptReport = Omit<RepairReport, 'tenant' | 'raisedAt'> & { propertyId: string; raisedAt: string };

/** A report waiting to be sent, with where to tell the tenant once it has gone. */
export interface OutboxEntry {
  state: 'waiting';
  report: KeptReport;
  /** Where the tenant reported from, e.g. 'directline', 'msteams', 'sms'. */
  channelId: string;
  /** The channel's conversation reference, as the channel gave it: for the message sent once the report has gone. */
  conversation?: unknown;
  /** ISO instant. */
  savedAt: string;
  attempts: number;
  /** ISO instant of the last try, for whoever looks at the storage. */
  lastAttemptAt?: string;
  /** A sender (of any instance) working on it until this wall-clock time (ms), and which one. */
  lease?: { id: string; until: number };
}

/**
 * What is left once the report has gone (or Connect refused it): the order number and the outcome, no contact
 * details. Kept so that a late save of the same report (a retried message) does not queue it again.
 */
export interface OutboxTombstone {
  state: 'sent' | 'refused';
  orderNumber: string;
  /** ISO instant. */
  doneAt: string;
}

type Stored = OutboxEntry | OutboxTombstone;

const INDEX_KEY = 'repairs/outbox/waiting';
const entryKey = (orderNumber: string) => `repairs/outbox/entries/${orderNumber}`;

/**
 * The durable outbox: reports Connect could not take, kept in the bot's storage (the RecordStore beside the
 * conversations, so any instance can send them and a restart loses nothing). One record per order number, plus
 * an index of those waiting, because the store can be read by key only.
 */
export class Outbox {
  constructor(private readonly store: RecordStore) {}

  /** Keeps a report to send later. Saving the same order number again changes nothing (one order, one entry). */
  async save(entry: Omit<OutboxEntry, 'state' | 'attempts'>): Promise<void> {
    const orderNumber = entry.report.orderNumber;
    const saved = await this.store.update<Stored>(
      entryKey(orderNumber),
      (current) => current ?? { ...entry, state: 'waiting', attempts: 0 },
    );
    if (saved.state !== 'waiting') return;
    await this.store.update<string[]>(INDEX_KEY, (numbers = []) =>
      numbers.includes(orderNumber) ? numbers : [...numbers, orderNumber],
    );
  }

  /** Order numbers of the reports waiting, oldest first. */
  async waiting(): Promise<string[]> {
    return (await this.store.get<string[]>(INDEX_KEY)) ?? [];
  }

  /**
   * A report for this home and repair type still waiting to be sent: while Connect is down the duplicate check
   * cannot find it there, and a tenant who reports again must not get a second order.
   */
  async waitingFor(propertyId: string, code: string): Promise<OutboxEntry | undefined> {
    for (const orderNumber of await this.waiting()) {
      const entry = await this.find(orderNumber);
      if (entry?.state === 'waiting' && entry.report.propertyId === propertyId && entry.report.code === code)
        return entry;
    }
    return undefined;
  }

  async find(orderNumber: string): Promise<Stored | undefined> {
    return this.store.get<Stored>(entryKey(orderNumber));
  }

  /**
   * Takes a waiting report for one sender for `leaseMs`: two instances (or two ticks) never send the same report
   * at once. A lease that ran out (its sender died) can be taken again. Undefined: not waiting, or taken.
   */
  async claim(orderNumber: string, leaseMs: number, nowMs: number = Date.now()): Promise<OutboxEntry | undefined> {
    const id = randomUUID();
    const after = await this.store.update<Stored | undefined>(entryKey(orderNumber), (current) => {
      if (current?.state !== 'waiting') return current;
      if (current.lease && current.lease.until > nowMs) return current;
      return { ...current, lease: { id, until: nowMs + leaseMs } };
    });
    return after?.state === 'waiting' && after.lease?.id === id ? after : undefined;
  }

  /** Connect is still not taking it: give it back for the next round. */
  async release(orderNumber: string, attemptedAt: string): Promise<void> {
    await this.store.update<Stored | undefined>(entryKey(orderNumber), (current) =>
      current?.state === 'waiting'
        ? { ...current, attempts: current.attempts + 1, lastAttemptAt: attemptedAt, lease: undefined }
        : current,
    );
  }

  /** The report has gone (or was refused): drop the contact details and take it off the waiting list. */
  async finish(orderNumber: string, state: OutboxTombstone['state'], doneAt: string): Promise<void> {
    await this.store.update<Stored>(entryKey(orderNumber), () => ({ state, orderNumber, doneAt }));
    await this.store.update<string[]>(INDEX_KEY, (numbers = []) => numbers.filter((n) => n !== orderNumber));
  }
}

/** The report as kept: the tenant's entry is left out (see KeptReport). */
export function keptReport(report: RepairReport): KeptReport {
  const { tenant, raisedAt, ...rest } = report;
  return { ...rest, propertyId: tenant.propertyId, raisedAt: raisedAt.toISOString() };
}
