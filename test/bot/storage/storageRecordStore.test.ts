import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { SqliteStorage } from '../../../src/bot/storage/sqliteStorage';
import { StorageRecordStore } from '../../../src/bot/storage/storageRecordStore';
import { OrderRegistry } from '../../../src/repairs/orders/orderRegistry';

describe('StorageRecordStore', () => {
  let dir: string;
  const opened: SqliteStorage[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-store-'));
  });
  afterEach(() => {
    opened.splice(0).forEach((s) => s.close());
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const sqlite = () => {
    const storage = new SqliteStorage(path.join(dir, 'state.db'));
    opened.push(storage);
    return storage;
  };

  it.each([
    ['memory', () => new MemoryStorage()],
    ['sqlite', () => sqlite()],
  ])('keeps records in Bot Framework storage (%s)', async (_name, make) => {
    const store = new StorageRecordStore(make());
    expect(await store.get('k')).toBeUndefined();
    await store.update<number[]>('k', (list = []) => [...list, 1]);
    await store.update<number[]>('k', (list = []) => [...list, 2]);
    expect(await store.get('k')).toEqual([1, 2]);
  });

  it('loses no entry when two instances append to the same list at once (eTag conflicts are retried)', async () => {
    // Two processes sharing one SQLite file: each has its own connection.
    const one = new StorageRecordStore(sqlite());
    const two = new StorageRecordStore(sqlite());
    await one.update<number[]>('list', () => []);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).update<number[]>('list', (list = []) => [...list, i])),
    );
    expect(((await one.get<number[]>('list')) ?? []).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it('serves the order registry across instances, as two bots on one storage', async () => {
    const first = new OrderRegistry(new StorageRecordStore(sqlite()));
    const second = new OrderRegistry(new StorageRecordStore(sqlite()));
    await first.record({
      orderNumber: 'RB-1',
      propertyId: 'PROP-0001',
      code: 'BATH001',
      raisedAt: '2026-12-01T09:00:00.000Z',
      status: 'open',
      channelId: 'sms',
    });
    expect((await second.forProperty('PROP-0001')).map((o) => o.orderNumber)).toEqual(['RB-1']);
  });
});
