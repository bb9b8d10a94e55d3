import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStorage } from '../../../src/bot/storage/sqliteStorage';
import { StorageConflictError } from '../../../src/bot/storage/storageConflictError';

describe('SqliteStorage', () => {
  let dir: string;
  let file: string;
  const opened: SqliteStorage[] = [];
  const open = () => {
    const storage = new SqliteStorage(file);
    opened.push(storage);
    return storage;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-storage-'));
    file = path.join(dir, 'nested', 'state.db');
  });
  afterEach(() => {
    opened.splice(0).forEach((s) => s.close());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads back what it wrote, with an eTag, and nothing for unknown keys', async () => {
    const storage = open();
    await storage.write({ a: { step: 1, nested: { x: 'y' } } });
    const items = await storage.read(['a', 'missing']);
    expect(items.a).toEqual({ step: 1, nested: { x: 'y' }, eTag: '1' });
    expect(items).not.toHaveProperty('missing');
  });

  it('answers the eTag each write left, which the next conditional write can name', async () => {
    const storage = open();
    expect(await storage.writeReportingETags({ a: { step: 1 }, b: { step: 1, eTag: 'create-only' } })).toEqual({
      a: '1',
      b: '1',
    });
    expect(await storage.writeReportingETags({ a: { step: 2, eTag: '1' } })).toEqual({ a: '2' });
    expect((await storage.read(['a'])).a).toEqual({ step: 2, eTag: '2' });
    await expect(storage.writeReportingETags({ a: { step: 3, eTag: '1' } })).rejects.toBeInstanceOf(
      StorageConflictError,
    );
    // Gone since it was read: written afresh, as MemoryStorage does.
    await storage.delete(['a']);
    expect(await storage.writeReportingETags({ a: { step: 4, eTag: '2' } })).toEqual({ a: '1' });
  });

  it('keeps state when the process reopens the file (a restart of the bot)', async () => {
    await open().write({ conv: { dialogStack: ['report'] } });
    opened.splice(0).forEach((s) => s.close());
    expect((await open().read(['conv'])).conv).toMatchObject({ dialogStack: ['report'] });
  });

  it('overwrites with eTag "*" or none, and refuses a stale eTag', async () => {
    const storage = open();
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k'])).k;
    await storage.write({ k: { ...first, v: 2 } }); // matching eTag: accepted
    await expect(storage.write({ k: { ...first, v: 3 } })).rejects.toBeInstanceOf(StorageConflictError);
    expect((await storage.read(['k'])).k).toMatchObject({ v: 2, eTag: '2' });
    await storage.write({ k: { v: 4, eTag: '*' } });
    await storage.write({ k: { v: 5 } });
    expect((await storage.read(['k'])).k).toMatchObject({ v: 5, eTag: '4' });
  });

  it('writes a batch all or nothing', async () => {
    const storage = open();
    await storage.write({ a: { v: 1 }, b: { v: 1 } });
    const { a } = await storage.read(['a']);
    await storage.write({ a: { ...a, v: 2 } });
    await expect(storage.write({ b: { v: 9, eTag: '*' }, a: { ...a, v: 3 } })).rejects.toThrow('eTag conflict');
    expect(await storage.read(['a', 'b'])).toEqual({ a: { v: 2, eTag: '2' }, b: { v: 1, eTag: '1' } });
  });

  it('lets two processes share the file and still catches their conflicting writes', async () => {
    const one = open();
    const two = open();
    await one.write({ k: { v: 'one' } });
    const seenByTwo = (await two.read(['k'])).k;
    await one.write({ k: { ...(await one.read(['k'])).k, v: 'one again' } });
    await expect(two.write({ k: { ...seenByTwo, v: 'two' } })).rejects.toBeInstanceOf(StorageConflictError);
  });

  it('deletes', async () => {
    const storage = open();
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    await storage.delete(['a']);
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
    expect(storage.isWritable()).toBe(true);
  });
});
