import {
  type LearningEntry,
  LearningLog,
  MAX_ENTRIES_PER_DAY,
  MAX_TEXT_LENGTH,
  reviewGroups,
} from '../../../src/repairs/learning';
import { MemoryRecordStore, type RecordStore } from '../../../src/repairs/orders/recordStore';

function logAt(iso: string, store: RecordStore = new MemoryRecordStore()) {
  const clock = { instant: new Date(iso), now: () => clock.instant };
  const log = new LearningLog(store, { clock, zone: 'Europe/London' });
  return { log, store, clock, setNow: (next: string) => (clock.instant = new Date(next)) };
}

describe('LearningLog', () => {
  it('keeps a poorly understood message redacted, under its day in London, and what the tenant chose', async () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time): the entry belongs to 1 July.
    const { log, store } = logAt('2026-06-30T23:30:00Z');
    const ref = await log.recordUnclear({
      text: '  water under the bath, call 07700 900123 ',
      decision: 'few',
      offered: ['BATH001', 'LEAK001'],
    });
    expect(ref).toEqual({ day: '2026-07-01', id: expect.any(String) });
    expect(await store.get('repairs/learning/2026-07-01')).toEqual([
      {
        id: ref?.id,
        at: '2026-06-30T23:30:00.000Z',
        text: 'water under the bath, call [phone]',
        decision: 'few',
        offered: ['BATH001', 'LEAK001'],
        chosen: null,
        outcome: 'abandoned',
      },
    ]);
    expect(await store.get('repairs/learning/days')).toEqual(['2026-07-01']);

    await log.recordResolution(ref, { chosen: 'BATH001', outcome: 'chosen' });
    expect(await log.entries()).toEqual([
      expect.objectContaining({ id: ref?.id, chosen: 'BATH001', outcome: 'chosen' }),
    ]);
  });

  it('resolves only the entry it is given, and ignores a missing reference', async () => {
    const { log } = logAt('2026-12-01T10:00:00Z');
    const first = await log.recordUnclear({ text: 'thing broke', decision: 'none', offered: [] });
    const second = await log.recordUnclear({ text: 'other thing broke', decision: 'none', offered: [] });
    await log.recordResolution(second, { chosen: null, outcome: 'handed-off' });
    await log.recordResolution(undefined, { chosen: 'X', outcome: 'chosen' });
    const entries = await log.entries();
    expect(entries.map((e) => [e.id, e.outcome])).toEqual([
      [first?.id, 'abandoned'],
      [second?.id, 'handed-off'],
    ]);
  });

  it('lists the days with entries, in order, and reads from a day on', async () => {
    const { log, setNow } = logAt('2026-12-03T10:00:00Z');
    await log.recordUnclear({ text: 'c', decision: 'none', offered: [] });
    setNow('2026-12-01T10:00:00Z');
    await log.recordUnclear({ text: 'a', decision: 'none', offered: [] });
    setNow('2026-12-02T10:00:00Z');
    await log.recordUnclear({ text: 'b', decision: 'none', offered: [] });
    await log.recordUnclear({ text: 'b2', decision: 'none', offered: [] });
    expect(await log.days()).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect((await log.entries()).map((e) => e.text)).toEqual(['a', 'b', 'b2', 'c']);
    expect((await log.entries({ since: '2026-12-02' })).map((e) => e.text)).toEqual(['b', 'b2', 'c']);
  });

  it('cuts long messages and keeps at most MAX_ENTRIES_PER_DAY a day', async () => {
    const { log, store } = logAt('2026-12-01T10:00:00Z');
    await store.update<LearningEntry[]>('repairs/learning/2026-12-01', () =>
      Array.from({ length: MAX_ENTRIES_PER_DAY - 1 }, (_, i) => ({
        id: `old-${i}`,
        at: '2026-12-01T09:00:00.000Z',
        text: 'x',
        decision: 'none' as const,
        offered: [],
        chosen: null,
        outcome: 'abandoned' as const,
      })),
    );
    const last = await log.recordUnclear({ text: 'word '.repeat(200), decision: 'none', offered: [] });
    expect(last).toBeDefined();
    expect((await log.entries()).at(-1)?.text).toHaveLength(MAX_TEXT_LENGTH);
    expect(await log.recordUnclear({ text: 'one too many', decision: 'none', offered: [] })).toBeUndefined();
    expect(await store.get<LearningEntry[]>('repairs/learning/2026-12-01')).toHaveLength(MAX_ENTRIES_PER_DAY);
  });

  it('never fails a turn: a store that cannot write is reported to onError and the call resolves', async () => {
    const broken: RecordStore = {
      get: async () => undefined,
      update: async () => {
        throw new Error('disk full');
      },
    };
    const errors: unknown[] = [];
    const log = new LearningLog(broken, {
      clock: { now: () => new Date('2026-12-01T10:00:00Z') },
      onError: (e) => errors.push(e),
    });
    const ref = await log.recordUnclear({ text: 'leak', decision: 'few', offered: ['A', 'B'] });
    expect(ref).toBeUndefined();
    await log.recordResolution({ day: '2026-12-01', id: 'x' }, { chosen: 'A', outcome: 'chosen' });
    expect(errors.map((e) => (e as Error).message)).toEqual(['disk full', 'disk full']);
  });
});

describe('reviewGroups', () => {
  const entry = (id: string, at: string, chosen: string | null, outcome: LearningEntry['outcome']): LearningEntry => ({
    id,
    at,
    text: id,
    decision: 'none',
    offered: [],
    chosen,
    outcome,
  });

  it('groups by the code chosen, most frequent first, then handed off, then abandoned; oldest first within', () => {
    const groups = reviewGroups([
      entry('a1', '2026-12-02T10:00:00Z', 'A', 'chosen'),
      entry('h1', '2026-12-01T10:00:00Z', null, 'handed-off'),
      entry('b1', '2026-12-03T10:00:00Z', 'B', 'chosen'),
      entry('x1', '2026-12-01T10:00:00Z', null, 'abandoned'),
      entry('b2', '2026-12-01T10:00:00Z', 'B', 'chosen'),
      entry('x2', '2026-12-01T11:00:00Z', null, 'abandoned'),
      entry('x3', '2026-12-01T12:00:00Z', null, 'abandoned'),
      entry('c1', '2026-12-01T10:00:00Z', 'C', 'chosen'),
    ]);
    expect(groups.map((g) => [g.chosen ?? g.outcome, g.entries.map((e) => e.id)])).toEqual([
      ['B', ['b2', 'b1']],
      ['A', ['a1']],
      ['C', ['c1']],
      ['handed-off', ['h1']],
      ['abandoned', ['x1', 'x2', 'x3']],
    ]);
  });

  it('is empty for no entries', () => {
    expect(reviewGroups([])).toEqual([]);
  });
});
