import { randomUUID } from 'node:crypto';
import { type Storage } from 'botbuilder';
import { type BotStorage, createStorage } from '../../../src/bot/storage/createStorage';
import { CREATE_ONLY_ETAG, StorageConflictError } from '../../../src/bot/storage/storageConflictError';
import { tempDir } from '../../e2e/testApp';
import { type RunningAzurite, startAzurite } from '../../support/azurite';

/**
 * One contract for every STORAGE choice, so that conversation state, orders and the outbox behave the same on a
 * laptop (SQLite), in tests (memory) and on several instances (Azure Blob Storage, here the Azurite emulator).
 * Each backend gets two clients on the same data, as two bot instances would have.
 */
interface Backend {
  name: string;
  open(): Promise<{ one: Storage; two: Storage; close(): void }>;
}

let azurite: RunningAzurite;
const files = tempDir('storage-contract-');
beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(async () => {
  await azurite?.stop();
  files.remove();
});

const pair = (make: () => BotStorage, second: () => BotStorage = make) => {
  const a = make();
  const b = second === make ? make() : second();
  return { one: a.storage, two: b.storage, close: () => [a, b].forEach((s) => s.close()) };
};

const backends: Backend[] = [
  {
    name: 'memory',
    // One in-memory database: both "instances" are the same object, as they are in a test process.
    async open() {
      const s = createStorage({ kind: 'memory', sqliteFile: '' });
      return { one: s.storage, two: s.storage, close: () => s.close() };
    },
  },
  {
    name: 'sqlite',
    async open() {
      const file = `${files.dir}/${randomUUID()}.db`;
      return pair(() => createStorage({ kind: 'sqlite', sqliteFile: file }));
    },
  },
  {
    name: 'blob (Azurite)',
    async open() {
      const container = `contract-${randomUUID().slice(0, 8)}`;
      const blob = { connectionString: azurite.connectionString, container };
      return pair(() => createStorage({ kind: 'blob', sqliteFile: '', blob }));
    },
  },
];

describe.each(backends)('storage contract: $name', (backend) => {
  let one: Storage;
  let two: Storage;
  let close: () => void;
  beforeEach(async () => ({ one, two, close } = await backend.open()));
  afterEach(() => close());

  it('reads nothing for keys never written, and no error for them', async () => {
    expect(await one.read(['never/written', 'nor/this'])).toEqual({});
  });

  it('reads back what it wrote, text of any script intact, with an eTag that changes on every write', async () => {
    const value = { step: 1, text: 'Dŵr yn gollwng £20 🙂 مرحبا', nested: { list: [1, 'two'] } };
    await one.write({ 'conv/1': value });
    const first = (await two.read(['conv/1']))['conv/1'];
    expect(first).toMatchObject(value);
    expect(typeof first?.eTag).toBe('string');
    await two.write({ 'conv/1': { ...first, step: 2 } });
    const second = (await one.read(['conv/1']))['conv/1'];
    expect(second).toMatchObject({ step: 2 });
    expect(second?.eTag).not.toBe(first?.eTag);
  });

  it('accepts the eTag it read and refuses a stale one with StorageConflictError, leaving the item as it was', async () => {
    await one.write({ k: { v: 'start' } });
    const seenByOne = (await one.read(['k'])).k;
    const seenByTwo = (await two.read(['k'])).k;
    await one.write({ k: { ...seenByOne, v: 'one' } });
    const refused = two.write({ k: { ...seenByTwo, v: 'two' } });
    await expect(refused).rejects.toBeInstanceOf(StorageConflictError);
    await expect(refused).rejects.toMatchObject({ key: 'k' });
    expect((await two.read(['k'])).k).toMatchObject({ v: 'one' });
  });

  it("overwrites with eTag '*' or with none, whatever was there", async () => {
    await one.write({ k: { v: 1 } });
    await two.write({ k: { v: 2, eTag: '*' } });
    expect((await one.read(['k'])).k).toMatchObject({ v: 2 });
    await one.write({ k: { v: 3 } });
    expect((await two.read(['k'])).k).toMatchObject({ v: 3 });
  });

  it('creates with CREATE_ONLY_ETAG only when the key is free: the second of two creators gets a conflict', async () => {
    await one.write({ fresh: { by: 'one', eTag: CREATE_ONLY_ETAG } });
    await expect(two.write({ fresh: { by: 'two', eTag: CREATE_ONLY_ETAG } })).rejects.toBeInstanceOf(
      StorageConflictError,
    );
    expect((await two.read(['fresh'])).fresh).toMatchObject({ by: 'one' });
  });

  it('deletes, ignores keys that are not there, and writes an item afresh whose read eTag is now gone', async () => {
    await one.write({ a: { v: 1 }, b: { v: 2 } });
    const a = (await one.read(['a'])).a;
    await two.delete(['a', 'not-there']);
    expect(Object.keys(await one.read(['a', 'b']))).toEqual(['b']);
    await one.write({ a: { ...a, v: 'again' } });
    expect((await two.read(['a'])).a).toMatchObject({ v: 'again' });
  });

  it('lets exactly one of many simultaneous writers with the same eTag win', async () => {
    await one.write({ race: { n: 0 } });
    const read = (await one.read(['race'])).race;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? one : two).write({ race: { ...read, n: i + 1 } })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason).toBeInstanceOf(StorageConflictError);
    }
  });
});

describe('blob storage health', () => {
  it('reports a reachable container as writable and an unreachable one as not', async () => {
    const good = createStorage({
      kind: 'blob',
      sqliteFile: '',
      blob: { connectionString: azurite.connectionString, container: 'health-check' },
    });
    expect(await good.isWritable()).toBe(true);
    const unreachable = createStorage({
      kind: 'blob',
      sqliteFile: '',
      blob: {
        // A closed loopback port: nothing answers.
        connectionString: azurite.connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9'),
        container: 'health-check',
      },
    });
    expect(await unreachable.isWritable()).toBe(false);
  });
});
