/**
 * Thrown when a write names the eTag it read but someone else has written since. The turn that read stale state
 * must be run again rather than overwrite another turn's step (Bot Framework's own stores write with '*').
 */
export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

/**
 * The eTag of a write that may only create the item: it fails with a conflict when the key already exists. Bot
 * Framework's Storage interface has no "create if absent", yet without one two instances starting the same
 * conversation at the same instant could both write its first state. No store ever hands out this value as an
 * eTag, so MemoryStorage and SqliteStorage refuse it for an existing key and write it for a missing one; the blob
 * store maps it to If-None-Match: *.
 */
export const CREATE_ONLY_ETAG = 'create-only';

export function isStorageConflict(error: unknown): boolean {
  return (
    error instanceof StorageConflictError ||
    // MemoryStorage and BlobsStorage throw a plain Error with this text; Azure's own answer is a 412 or a 409.
    (error instanceof Error && /eTag conflict|precondition|ConditionNotMet|412/i.test(error.message))
  );
}
