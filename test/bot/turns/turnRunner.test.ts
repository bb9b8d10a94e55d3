import { type Activity, TestAdapter, TurnContext } from 'botbuilder';
import { SqliteStorage } from '../../../src/bot/storage/sqliteStorage';
import { StorageConflictError } from '../../../src/bot/storage/storageConflictError';
import { CheckedConversationState } from '../../../src/bot/turns/checkedConversationState';
import { ConversationLock } from '../../../src/bot/turns/conversationLock';
import { HANDLED_LIMIT, HANDLED_PROPERTY } from '../../../src/bot/turns/dedupe';
import { TurnRunner } from '../../../src/bot/turns/retryOnConflict';
import { LEASE_PROPERTY } from '../../../src/bot/turns/turnLease';
import { isRerun } from '../../../src/dialogs/turnAttempt';

const GIVE_UP = 'please send that again';
const STATE_KEY = 'test/conversations/c1/';

/** A gate a turn waits at, opened by the test: makes "at the same time" exact rather than a matter of timing. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/**
 * Two bot instances over one storage: each has its own CheckedConversationState and TurnRunner, as two processes
 * would; only the SQLite database is shared. Replies land in each TestAdapter's queue.
 */
function instance(storage: SqliteStorage, backoff = 5) {
  const state = new CheckedConversationState(storage);
  const runner = new TurnRunner({ state, giveUpText: GIVE_UP, backoffMs: () => backoff });
  const adapter = new TestAdapter(async () => undefined);
  const steps = state.createProperty<string[]>('steps');
  const context = (id: string, text: string) =>
    new TurnContext(adapter, {
      type: 'message',
      id,
      text,
      channelId: 'test',
      conversation: { id: 'c1' },
      from: { id: 'tenant' },
      recipient: { id: 'bot' },
      serviceUrl: 'http://127.0.0.1:9',
    } as Activity);
  /** A turn that appends the text to the stored steps and says which step it was, optionally pausing first. */
  const say = (id: string, text: string, hooks: { pause?: Promise<void>; onRun?: () => void } = {}) => {
    const ctx = context(id, text);
    return runner.run(ctx, async () => {
      hooks.onRun?.();
      const list = await steps.get(ctx, []);
      await hooks.pause;
      list.push(text);
      await steps.set(ctx, list);
      await ctx.sendActivity(`step ${list.length}: ${text}`);
    });
  };
  const replies = () => adapter.activeQueue.splice(0).map((a) => a.text);
  return { state, runner, say, replies, context };
}

describe('TurnRunner and CheckedConversationState', () => {
  let storage: SqliteStorage;
  beforeEach(() => (storage = new SqliteStorage(':memory:')));
  afterEach(() => storage.close());
  const stored = async () => (await storage.read([STATE_KEY]))[STATE_KEY] as Record<string, unknown> | undefined;

  it('saves with the eTag it read: of two turns that read the same state, the second save is refused', async () => {
    const one = instance(storage);
    const two = instance(storage);
    const [a, b] = [one.context('a', 'x'), two.context('b', 'y')];
    const [sa, sb] = [await one.state.load(a), await two.state.load(b)];
    sa.v = 'one';
    sb.v = 'two';
    await one.state.saveChanges(a);
    await expect(two.state.saveChanges(b)).rejects.toBeInstanceOf(StorageConflictError);
    expect(await stored()).toMatchObject({ v: 'one' });
  });

  it('saves twice in one turn (mid-turn, then at the end) and still refuses a write made in between', async () => {
    const one = instance(storage);
    const ctx = one.context('a', 'x');
    const state = await one.state.load(ctx);
    state.v = 1;
    await one.state.saveChanges(ctx);
    state.v = 2;
    await one.state.saveChanges(ctx);
    expect(await stored()).toMatchObject({ v: 2 });
    state.v = 3;
    await storage.write({ [STATE_KEY]: { v: 'someone else', eTag: '*' } });
    await expect(one.state.saveChanges(ctx)).rejects.toBeInstanceOf(StorageConflictError);
  });

  it('with SQLite, saves again on the eTag its own write reported, without reading it back', async () => {
    const reads: string[][] = [];
    const read = storage.read.bind(storage);
    storage.read = (keys) => (reads.push(keys), read(keys));
    const one = instance(storage);
    const ctx = one.context('a', 'x');
    const state = await one.state.load(ctx);
    state.v = 1;
    await one.state.saveChanges(ctx, true);
    state.v = 2;
    await one.state.saveChanges(ctx, true);
    expect(reads).toEqual([[STATE_KEY]]);
    expect(await stored()).toMatchObject({ v: 2, eTag: '2' });
  });

  it('with a store that does not report eTags, reads its own write back and still refuses a write in between', async () => {
    // Bot Framework's Storage alone (as Blob Storage is): read, write, delete, no writeReportingETags.
    const plain = {
      read: (keys: string[]) => storage.read(keys),
      write: (changes: Record<string, unknown>) => storage.write(changes),
      delete: (keys: string[]) => storage.delete(keys),
    };
    const state = new CheckedConversationState(plain);
    const ctx = instance(storage).context('a', 'x');
    const values = await state.load(ctx);
    values.v = 1;
    await state.saveChanges(ctx, true);
    values.v = 2;
    await state.saveChanges(ctx, true);
    expect(await stored()).toMatchObject({ v: 2 });
    values.v = 3;
    await storage.write({ [STATE_KEY]: { v: 'someone else', eTag: '*' } });
    await expect(state.saveChanges(ctx, true)).rejects.toBeInstanceOf(StorageConflictError);
  });

  it("creates a conversation's first state only once: the second creator gets a conflict", async () => {
    const [one, two] = [instance(storage), instance(storage)];
    const [a, b] = [one.context('a', 'x'), two.context('b', 'y')];
    (await one.state.load(a)).v = 'one';
    (await two.state.load(b)).v = 'two';
    await one.state.saveChanges(a);
    await expect(two.state.saveChanges(b)).rejects.toBeInstanceOf(StorageConflictError);
  });

  it('makes a turn arriving at another instance wait for the running one, then run on its result', async () => {
    // The waiting instance must outlast the 50 ms look below: ten tries 40 ms apart, not ten 5 ms apart.
    const [one, two] = [instance(storage), instance(storage, 40)];
    const hold = gate();
    const started = gate();
    const first = one.say('m1', 'first', { pause: hold.opened, onRun: started.open });
    await started.opened;
    const second = two.say('m2', 'second');
    await new Promise((r) => setTimeout(r, 50));
    expect(two.replies()).toEqual([]); // still waiting for the first turn's lease
    hold.open();
    await Promise.all([first, second]);
    expect(one.replies()).toEqual(['step 1: first']);
    expect(two.replies()).toEqual(['step 2: second']);
    expect(await stored()).toMatchObject({ steps: ['first', 'second'] });
    expect((await stored())?.[LEASE_PROPERTY]).toBeUndefined();
  });

  it('runs a turn again when another writer saved first, and sends only what the winning attempt said', async () => {
    const one = instance(storage);
    const runs: boolean[] = [];
    const ctx = one.context('m1', 'mine');
    await one.runner.run(ctx, async () => {
      runs.push(isRerun(ctx));
      const steps = (await one.state.load(ctx)) as { steps?: string[] };
      if (runs.length === 1) {
        // A writer that ignored the lease (say, one whose lease had lapsed) saves in the middle of this turn.
        const current = await stored();
        await storage.write({
          [STATE_KEY]: { ...current, steps: ['theirs'], [LEASE_PROPERTY]: undefined, writeId: 'theirs' },
        });
      }
      steps.steps = [...(steps.steps ?? []), 'mine'];
      await ctx.sendActivity(`attempt ${runs.length}`);
    });
    expect(runs).toEqual([false, true]);
    expect(one.replies()).toEqual(['attempt 2']);
    expect(await stored()).toMatchObject({ steps: ['theirs', 'mine'] });
  });

  it('gives up after its attempts with a plain "send it again", saying nothing of the lost attempts', async () => {
    const one = instance(storage);
    let attempts = 0;
    const ctx = one.context('m1', 'x');
    await one.runner.run(ctx, async () => {
      attempts += 1;
      (await one.state.load(ctx)).n = attempts;
      await ctx.sendActivity('never sent');
      await storage.write({ [STATE_KEY]: { n: 'other', eTag: '*' } });
    });
    expect(attempts).toBe(10);
    expect(one.replies()).toEqual([GIVE_UP]);
  });

  it('a turn that gives up while holding its lease lets it go: the next message elsewhere does not wait', async () => {
    const [one, two] = [instance(storage), instance(storage)];
    const ctx = one.context('m1', 'x');
    // A conflict on another key each time (say, an order record others keep changing): the lease stays this turn's.
    await one.runner.run(ctx, async () => Promise.reject(new StorageConflictError('repairs/orders/X')));
    expect(one.replies()).toEqual([GIVE_UP]);
    expect((await stored())?.[LEASE_PROPERTY]).toBeUndefined();
    const startedAt = Date.now();
    await two.say('m2', 'next');
    expect(two.replies()).toEqual(['step 1: next']);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });

  it('handles an activity id once, whichever instance gets it, and remembers only the last ids', async () => {
    const [one, two] = [instance(storage), instance(storage)];
    await one.say('same', 'hello');
    await two.say('same', 'hello');
    await one.say('same', 'hello');
    expect(one.replies()).toEqual(['step 1: hello']);
    expect(two.replies()).toEqual([]);
    for (let i = 0; i < HANDLED_LIMIT + 10; i += 1) await one.say(`id-${i}`, 'more');
    expect((await stored())?.[HANDLED_PROPERTY]).toHaveLength(HANDLED_LIMIT);
  });

  it('lets a failed turn go: its replies and the error come out, and the next turn does not wait for its lease', async () => {
    const [one, two] = [instance(storage), instance(storage)];
    const ctx = one.context('m1', 'x');
    await expect(
      one.runner.run(ctx, async () => {
        await ctx.sendActivity('said before failing');
        throw new Error('Connect said no');
      }),
    ).rejects.toThrow('Connect said no');
    expect(one.replies()).toEqual(['said before failing']);
    const startedAt = Date.now();
    await two.say('m2', 'next');
    expect(two.replies()).toEqual(['step 1: next']);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });
});

describe('ConversationLock', () => {
  it('runs turns of one conversation one at a time, others side by side, and keeps nothing once idle', async () => {
    const lock = new ConversationLock();
    const order: string[] = [];
    const hold = gate();
    const a1 = lock.runExclusive('c1', async () => {
      order.push('a1 start');
      await hold.opened;
      order.push('a1 end');
    });
    const a2 = lock.runExclusive('c1', async () => void order.push('a2'));
    const b1 = lock.runExclusive('c2', async () => void order.push('b1'));
    await b1;
    expect(order).toEqual(['a1 start', 'b1']);
    expect(lock.size).toBe(1);
    hold.open();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
    expect(lock.size).toBe(0);
  });

  it('frees the conversation when a turn throws', async () => {
    const lock = new ConversationLock();
    await expect(lock.runExclusive('c1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.runExclusive('c1', async () => 'next')).resolves.toBe('next');
    expect(lock.size).toBe(0);
  });
});
