import { type Slot } from '../../../src/repairs/slots';
import { gridOf, MAX_WEEKS, shownSlots, SlotFinder, type SlotSearch } from '../../../src/repairs/reporting/slotSearch';
import { addDays, targetDate, weekdayOf } from '../../../src/repairs/time';
import { clock, NOW, type Reporting, startReporting, ZONE } from './reportingHarness';

/** Tuesday 1 December 2026, 09:00 in London: the Monday of this week is 30 November. */
const TODAY = '2026-12-01';
const WEEK_START = '2026-11-30';
const HORIZON = addDays(WEEK_START, MAX_WEEKS * 7 - 1); // Sunday 3 January 2027
/**
 * Bytes of a search in conversation state once all five weeks have been fetched and shown: `free` and `shown` are
 * kept as short strings ('2026-12-08/2/P', '2026-12-08/2'), so even a tenant who pages through every slot carries
 * well under the 4 KB a whole conversation may use.
 */
const SIZE_LIMIT = 2500;

describe('SlotFinder: free slots from Connect, a few weeks at a time, never beyond five', () => {
  let r: Reporting;
  let finder: SlotFinder;
  beforeAll(async () => {
    r = await startReporting('reporting-slot-search@simulator.local');
    finder = new SlotFinder(r.connect, clock, ZONE);
  });
  afterAll(() => r.close());

  async function newOrder(options: { emergency?: boolean; code?: string } = {}): Promise<string> {
    const order = r.orderFor({ code: options.code ?? 'BATH001', emergency: options.emergency ?? false });
    await r.connect.createOrder(order);
    return order.PrimaryOrderNumber;
  }

  const availabilityCalls = (since: number) =>
    r
      .calls('getAvailability', since)
      .map((c) => ({ Date: c.query.Date, NumberOfWeeks: Number(c.query.NumberOfWeeks) }));
  /** Connect answers whole Monday-to-Sunday weeks from the week holding Date: the last day any call covered. */
  const lastDayAsked = (since: number) =>
    availabilityCalls(since).reduce((last, c) => {
      const monday = addDays(String(c.Date), -((weekdayOf(String(c.Date)) + 6) % 7));
      const end = addDays(monday, c.NumberOfWeeks * 7 - 1);
      return end > last ? end : last;
    }, '');
  const key = (slot: Slot) => `${slot.date}/${slot.planningWindowId}`;

  it('starts from today with nothing fetched and a horizon at the end of the fifth week', () => {
    const search = finder.start('RB-261201-ABCDEFGH', { emergency: false });
    expect(search).toMatchObject({ nextDate: TODAY, horizon: HORIZON, free: [], shown: [], windows: [] });
    expect(HORIZON).toBe('2027-01-03');
  });

  it('offers the first page from ONE Availability call of two weeks', async () => {
    const orderNumber = await newOrder();
    const since = r.mark();

    const page = await finder.nextPage(finder.start(orderNumber, { emergency: false }));

    expect(availabilityCalls(since)).toEqual([{ Date: TODAY, NumberOfWeeks: 2 }]);
    expect(page.slots).toHaveLength(5);
    expect(page.slots.every((slot) => slot.date >= TODAY && slot.date <= '2026-12-13')).toBe(true);
    // Earliest first; out of hours never offered for a routine repair; today's started windows are gone.
    expect(page.slots.map((s) => s.date)).toEqual([...page.slots.map((s) => s.date)].sort());
    expect(page.slots.some((s) => s.planningWindowId === 5)).toBe(false);
    expect(page.slots.some((s) => s.date === TODAY && [1, 2].includes(s.planningWindowId))).toBe(false);
    expect(page.search.nextDate).toBe('2026-12-14');
    expect(shownSlots(page.search)).toEqual(page.slots);
    expect(page.search.windows.map((w) => w.name)).toEqual(
      expect.arrayContaining(['ALL DAY', 'MORNING', 'AFTERNOON', 'SCHOOL RUN', 'OUT OF HOURS']),
    );
  });

  it('"none of these" pages on without asking Connect while the fetched weeks still hold slots', async () => {
    const orderNumber = await newOrder();
    const first = await finder.nextPage(finder.start(orderNumber, { emergency: false }));
    const since = r.mark();

    const second = await finder.nextPage(first.search);

    expect(availabilityCalls(since)).toEqual([]);
    expect(second.slots).toHaveLength(5);
    const seen = new Set(first.slots.map(key));
    expect(second.slots.some((slot) => seen.has(key(slot)))).toBe(false);
    expect(second.slots[0]!.date >= first.slots.at(-1)!.date).toBe(true);
  });

  it('fetches further weeks only when needed, never beyond five weeks, and the state stays compact', async () => {
    const orderNumber = await newOrder();
    const since = r.mark();
    let search: SlotSearch = finder.start(orderNumber, { emergency: false });
    const pages: Slot[][] = [];
    const callsBeforePage: number[] = [];
    const sizes: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      callsBeforePage.push(availabilityCalls(since).length);
      const page = await finder.nextPage(search);
      search = page.search;
      sizes.push(JSON.stringify(search).length);
      if (page.slots.length === 0) break;
      pages.push(page.slots);
    }
    const calls = availabilityCalls(since);
    const size = JSON.stringify(search).length;
    const fiveWeeksFetchedAt = callsBeforePage.findIndex((count) => count === 2) - 1;
    const sizeWhenFiveWeeksFetched = sizes[fiveWeeksFetchedAt]!;
    process.stdout.write(
      `SlotFinder paging through ${MAX_WEEKS} weeks: ${pages.length} pages, ${search.shown.length} slots shown, ` +
        `${calls.length} Availability calls ${JSON.stringify(calls)}; JSON.stringify(search).length: ` +
        `${sizes[0]} bytes after the first page, ${sizeWhenFiveWeeksFetched} when the fifth week was fetched ` +
        `(page ${fiveWeeksFetchedAt + 1}), ${size} after the last page ` +
        `(free ${JSON.stringify(search.free).length}, shown ${JSON.stringify(search.shown).length}, ` +
        `windows ${JSON.stringify(search.windows).length})\n`,
    );

    // Two weeks first, then the three that are left: five weeks in two calls, nothing after the horizon.
    expect(calls).toEqual([
      { Date: TODAY, NumberOfWeeks: 2 },
      { Date: '2026-12-14', NumberOfWeeks: 3 },
    ]);
    expect(calls.reduce((weeks, c) => weeks + c.NumberOfWeeks, 0)).toBeLessThanOrEqual(MAX_WEEKS);
    expect(lastDayAsked(since)).toBe(HORIZON);
    // The second call came only once the first two weeks had run out of slots to show.
    const pageOfSecondCall = callsBeforePage.findIndex((count) => count === 2) - 1;
    expect(pageOfSecondCall).toBeGreaterThan(1);
    expect(
      pages
        .slice(0, pageOfSecondCall - 1)
        .flat()
        .every((s) => s.date <= '2026-12-13'),
    ).toBe(true);
    // Every free slot offered once, all within the five weeks, and never offered twice.
    const all = pages.flat();
    expect(new Set(all.map(key)).size).toBe(all.length);
    expect(all.every((slot) => slot.date >= TODAY && slot.date <= HORIZON)).toBe(true);
    expect(all.some((slot) => slot.date > '2026-12-27')).toBe(true);
    // Bank holidays (25 and 28 December) and weekends are never offered.
    expect(all.some((slot) => ['2026-12-25', '2026-12-28', '2026-12-05', '2026-12-06'].includes(slot.date))).toBe(
      false,
    );
    // A further page after the last asks Connect nothing more.
    const more = r.mark();
    expect((await finder.nextPage(search)).slots).toEqual([]);
    expect(availabilityCalls(more)).toEqual([]);
    // Conversation state is read and written on every turn: it must stay small, and it stops growing at the horizon.
    expect(sizes[0]).toBeLessThan(1500);
    expect(sizeWhenFiveWeeksFetched).toBeLessThan(SIZE_LIMIT);
    expect(size).toBeLessThan(SIZE_LIMIT);
    expect(JSON.stringify((await finder.nextPage(search)).search).length).toBe(size);
  });

  it('an emergency search stops at the latest date and offers OUT OF HOURS', async () => {
    const orderNumber = await newOrder({ code: 'TOIL001', emergency: true });
    const latestDate = targetDate({ hours: 24 }, new Date(NOW), ZONE); // 2026-12-02
    const since = r.mark();
    let search = finder.start(orderNumber, { emergency: true, latestDate });
    const offered: Slot[] = [];
    for (let i = 0; i < 10; i += 1) {
      const page = await finder.nextPage(search);
      search = page.search;
      if (page.slots.length === 0) break;
      offered.push(...page.slots);
    }

    expect(latestDate).toBe('2026-12-02');
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((slot) => slot.date <= latestDate)).toBe(true);
    const outOfHours = search.windows.find((w) => w.name === 'OUT OF HOURS');
    expect(outOfHours).toBeDefined();
    expect(offered.filter((slot) => slot.planningWindowId === outOfHours!.id).map((s) => s.date)).toEqual([
      '2026-12-01',
      '2026-12-02',
    ]);
    // One call: nothing beyond the latest date is ever asked for.
    expect(availabilityCalls(since)).toHaveLength(1);
  });

  it('cover fetches the week of a wished date, and only when it is not fetched yet and within five weeks', async () => {
    const orderNumber = await newOrder();
    const first = await finder.nextPage(finder.start(orderNumber, { emergency: false }));
    const since = r.mark();

    const alreadyThere = await finder.cover(first.search, '2026-12-10');
    expect(alreadyThere).toBe(first.search);
    const tooFar = await finder.cover(first.search, '2027-01-20');
    expect(tooFar).toBe(first.search);
    expect(availabilityCalls(since)).toEqual([]);

    const covered = await finder.cover(first.search, '2026-12-22');

    expect(availabilityCalls(since)).toEqual([{ Date: '2026-12-14', NumberOfWeeks: 2 }]);
    expect(covered.nextDate).toBe('2026-12-28');
    const days = new Set(gridOf(covered).days.map((d) => d.date));
    expect(days.has('2026-12-22')).toBe(true);
    expect(covered.shown).toEqual(first.search.shown);
  });

  it('withoutSlot and markShown keep the search consistent', async () => {
    const orderNumber = await newOrder();
    const page = await finder.nextPage(finder.start(orderNumber, { emergency: false }));
    const slot = page.slots[0]!;

    const without = finder.withoutSlot(page.search, slot);
    expect(gridOf(without).days.some((d) => d.date === slot.date && d.planningWindowId === slot.planningWindowId)).toBe(
      false,
    );
    const marked = finder.markShown(page.search, [slot]);
    expect(marked.shown).toHaveLength(page.search.shown.length);
  });
});
