/**
 * A small key-value store the domain keeps records in (orders raised, events handled). The bot's state storage
 * implements it, so records live wherever conversations do and any instance can read them. `update` is atomic
 * for one key: it reads, applies the change and writes back only if nobody wrote in between, trying again if so.
 */
export interface RecordStore {
  get<T>(key: string): Promise<T | undefined>;
  update<T>(key: string, change: (current: T | undefined) => T): Promise<T>;
}

/** For tests and tools: the same contract in memory. */
export class MemoryRecordStore implements RecordStore {
  private readonly items = new Map<string, string>();

  async get<T>(key: string): Promise<T | undefined> {
    const item = this.items.get(key);
    return item === undefined ? undefined : (JSON.parse(item) as T);
  }

  async update<T>(key: string, change: (current: T | undefined) => T): Promise<T> {
    const next = change(await this.get<T>(key));
    this.items.set(key, JSON.stringify(next));
    return next;
  }

  clear(): void {
    this.items.clear();
  }
}
