/**
 * Every call the simulator answered (or dropped), in order, so tests and demos can see exactly what a client sent.
 * Passwords never enter it: the token call is recorded with the user name only.
 */
export interface JournalEntry {
  seq: number;
  /** ISO instant on the simulator clock */
  at: string;
  method: string;
  /** the path as the client sent it, without the query string */
  path: string;
  operationId: string | null;
  /** 0 when a `drop` fault destroyed the socket without an answer */
  status: number;
  version: number | null;
  query: Record<string, string | string[]>;
  /** the request body as received: parsed JSON, the form fields of a token call (no password), or raw text */
  body: unknown;
}

export class Journal {
  private entries: JournalEntry[] = [];
  private nextSeq = 1;

  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const full = { seq: this.nextSeq, ...entry };
    this.nextSeq += 1;
    this.entries.push(full);
    return full;
  }

  /** Entries with a sequence number greater than `since` (all when omitted). */
  list(since = 0): JournalEntry[] {
    return this.entries.filter((e) => e.seq > since);
  }

  /** Forget the entries but keep counting, so a client's `since` stays meaningful. */
  clear(): void {
    this.entries = [];
  }

  /** Back to an empty journal numbered from 1 (simulator reset). */
  reset(): void {
    this.entries = [];
    this.nextSeq = 1;
  }
}
