import { type Storage, type StoreItems } from 'botbuilder';

/**
 * A store whose write answers the eTag each item now has. Bot Framework's Storage.write answers nothing, so a turn
 * that writes twice (its lease, then its state) would have to read its first write back to learn the eTag to write
 * with; SQLite knows it (the row's new version) and says so. Stores without it (Blob Storage) are read back.
 */
export interface ETagReportingStorage extends Storage {
  /** Storage.write, with the same rules, answering the new eTag of every key written. */
  writeReportingETags(changes: StoreItems): Promise<Record<string, string>>;
}

export function reportsETags(storage: Storage): storage is ETagReportingStorage {
  return typeof (storage as Partial<ETagReportingStorage>).writeReportingETags === 'function';
}
