import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type StoreItem, type StoreItems } from 'botbuilder';
import { type ETagReportingStorage } from './eTagReportingStorage';
import { CREATE_ONLY_ETAG, StorageConflictError } from './storageConflictError';

/**
 * Bot state in an SQLite file, so that a conversation survives a restart of the bot with nothing to install.
 * Optimistic concurrency as Bot Framework's stores define it: a write whose eTag is '*' or absent overwrites;
 * a write that names an eTag succeeds only if the stored item still has it, and CREATE_ONLY_ETAG only if there is
 * none. WAL mode and a busy timeout let
 * several processes on one machine share the file.
 */
export class SqliteStorage implements ETagReportingStorage {
  private readonly db: Database.Database;
  private readonly selectOne: Database.Statement<[string], { value: string; version: number }>;
  private readonly selectVersion: Database.Statement<[string], { version: number }>;
  private readonly upsert: Database.Statement<[string, string], { version: number }>;
  private readonly updateIfVersion: Database.Statement<[string, string, number], { version: number }>;
  private readonly remove: Database.Statement<[string]>;
  /** One transaction for a batch (compiled once: better-sqlite3 builds a wrapper per db.transaction call). */
  private readonly writeBatch: (changes: StoreItems) => Record<string, string>;

  constructor(filePath: string) {
    if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    this.db = new Database(filePath);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    // With WAL, NORMAL syncs at checkpoints rather than on every commit: a crash of the bot loses nothing, a power
    // cut of the machine may lose the last commits (SQLite's documented trade-off). The bench profile showed the
    // per-commit fsync as a tenth of a turn's cost.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL)',
    );
    this.selectOne = this.db.prepare('SELECT value, version FROM bot_state WHERE key = ?');
    this.selectVersion = this.db.prepare('SELECT version FROM bot_state WHERE key = ?');
    this.upsert = this.db.prepare(
      `INSERT INTO bot_state (key, value, version) VALUES (?, ?, 1)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = bot_state.version + 1 RETURNING version`,
    );
    this.updateIfVersion = this.db.prepare(
      'UPDATE bot_state SET value = ?, version = version + 1 WHERE key = ? AND version = ? RETURNING version',
    );
    this.remove = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
    // A conflict on one key throws, and the transaction leaves none of the others half-written.
    this.writeBatch = this.db.transaction((changes: StoreItems) => {
      const eTags: Record<string, string> = {};
      for (const [key, item] of Object.entries(changes)) eTags[key] = String(this.writeOne(key, item as StoreItem));
      return eTags;
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectOne.get(key);
      if (row) items[key] = { ...JSON.parse(row.value), eTag: String(row.version) };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.writeReportingETags(changes);
  }

  async writeReportingETags(changes: StoreItems): Promise<Record<string, string>> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    return this.writeBatch(changes);
  }

  /** Writes one item by the eTag rules above and answers its new version. */
  private writeOne(key: string, item: StoreItem): number {
    const { eTag, ...value } = item as { eTag?: string };
    const json = JSON.stringify(value);
    if (!eTag || eTag === '*') return this.upsert.get(key, json)!.version;
    if (eTag === CREATE_ONLY_ETAG) {
      if (this.selectVersion.get(key)) throw new StorageConflictError(key);
      return this.upsert.get(key, json)!.version;
    }
    const updated = this.updateIfVersion.get(json, key, Number(eTag));
    if (updated) return updated.version;
    // Matches MemoryStorage: an item that is gone is written afresh; one with another version is a conflict.
    if (this.selectVersion.get(key)) throw new StorageConflictError(key);
    return this.upsert.get(key, json)!.version;
  }

  async delete(keys: string[]): Promise<void> {
    this.db.transaction(() => keys.forEach((key) => this.remove.run(key)))();
  }

  /** For /health: can we still write? */
  isWritable(): boolean {
    try {
      this.db.prepare('SELECT 1').get();
      return !this.db.readonly;
    } catch {
      return false;
    }
  }

  close(): void {
    this.db.close();
  }
}
