import { type Storage } from 'botbuilder';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { type RecordStore } from '../../repairs/orders/recordStore';
import { isStorageConflict } from './storageConflictError';

/** Writers that collide re-read and try again, spread out by a jittered backoff so they stop colliding. */
const onConflict = retry(handleWhen(isStorageConflict), {
  maxAttempts: 12,
  backoff: new ExponentialBackoff({ initialDelay: 2, maxDelay: 100 }),
});

/**
 * The domain's RecordStore over Bot Framework storage (SQLite, memory, Blob): records sit beside conversation
 * state, so every instance sees them. Updates write with the eTag they read and start again on a conflict, so
 * two instances appending to the same list never lose an entry.
 */
export class StorageRecordStore implements RecordStore {
  constructor(private readonly storage: Storage) {}

  async get<T>(key: string): Promise<T | undefined> {
    const items = await this.storage.read([key]);
    return (items[key] as { value?: T } | undefined)?.value;
  }

  update<T>(key: string, change: (current: T | undefined) => T): Promise<T> {
    return onConflict.execute(async () => {
      const items = await this.storage.read([key]);
      const item = items[key] as { value?: T; eTag?: string } | undefined;
      const next = change(item?.value);
      // Bot Framework storage has no "create only if absent": the first write of a key goes with '*', so two
      // instances creating the same key in the same instant could both win. Every later write is checked.
      await this.storage.write({ [key]: { value: next, eTag: item?.eTag ?? '*' } });
      return next;
    });
  }
}
