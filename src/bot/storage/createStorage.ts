import type * as BlobStorageModule from './blobStateStorage';
import { type Storage } from 'botbuilder';
import { SqliteStorage } from './sqliteStorage';

export interface StorageChoice {
  kind: 'sqlite' | 'memory' | 'blob';
  sqliteFile: string;
  blob?: { connectionString: string; container: string };
}

export interface BotStorage {
  storage: Storage;
  /** For /health. */
  isWritable(): Promise<boolean>;
  close(): void;
}

/**
 * State storage by setting: SQLite (the default, survives a restart), Azure Blob Storage (shared by several
 * instances) or memory (tests only). Memory is SQLite's ':memory:' database rather than Bot Framework's
 * MemoryStorage, so that tests run the same conflict and create-only rules as a deployment.
 */
export function createStorage(choice: StorageChoice): BotStorage {
  if (choice.kind === 'blob') {
    if (!choice.blob) throw new Error('STORAGE=blob needs STORAGE_BLOB_CONNECTION_STRING');
    // Loaded only when chosen: the Azure SDK costs about half a second of start-up that SQLite users need not pay.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { BlobStateStorage } = require('./blobStateStorage') as typeof BlobStorageModule;
    const blob = new BlobStateStorage(choice.blob.connectionString, choice.blob.container);
    return { storage: blob, isWritable: () => blob.isWritable(), close: () => undefined };
  }
  const sqlite = new SqliteStorage(choice.kind === 'memory' ? ':memory:' : choice.sqliteFile);
  return { storage: sqlite, isWritable: async () => sqlite.isWritable(), close: () => sqlite.close() };
}
