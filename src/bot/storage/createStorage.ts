import { MemoryStorage, type Storage } from 'botbuilder';
import { SqliteStorage } from './sqliteStorage';

export interface StorageChoice {
  kind: 'sqlite' | 'memory';
  sqliteFile: string;
}

export interface BotStorage {
  storage: Storage;
  /** For /health. */
  isWritable(): Promise<boolean>;
  close(): void;
}

/** State storage by setting: SQLite (the default, survives a restart) or memory (tests only). */
export function createStorage(choice: StorageChoice): BotStorage {
  if (choice.kind === 'memory') {
    return { storage: new MemoryStorage(), isWritable: async () => true, close: () => undefined };
  }
  const sqlite = new SqliteStorage(choice.sqliteFile);
  return { storage: sqlite, isWritable: async () => sqlite.isWritable(), close: () => sqlite.close() };
}
