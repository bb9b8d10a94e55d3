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

export function isStorageConflict(error: unknown): boolean {
  return (
    error instanceof StorageConflictError ||
    (error instanceof Error && /eTag conflict|precondition|ConditionNotMet|412/i.test(error.message))
  );
}
