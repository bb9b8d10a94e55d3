import { chooseSlot, type SlotChoice } from '../../../src/repairs/slots/chooseSlot';
import { defaultAvailabilityGrid } from '../../../src/repairs/slots/defaultGrid';
import { offerSlots } from '../../../src/repairs/slots/slotOffer';
import { normaliseWish } from '../../../src/repairs/slots/wish/normaliseWish';
import { wishConstraints } from '../../../src/repairs/slots/wish/wishConstraints';
import { createWishParser } from '../../../src/repairs/slots/wish/wishParser';
import { localDateOf, wallClockAsLocalDate } from '../../../src/repairs/time/zone';
import { WINDOWS } from './slotGrid';

const ZONE = 'Europe/London';

beforeAll(() => {
  createWishParser(); // build and warm the recognizer once, outside any test's time
});

describe('normaliseWish: UK idioms the recognizer misses (today Tuesday 1 December 2026)', () => {
  it.each([
    // days of the month without a month
    ['Friday 11th', 'friday 11 december 2026'],
    ['the 14th', '14 december 2026'],
    ['the 14th am', '14 december 2026 morning'],
    ['14/12 pm', '14/12 afternoon'],
    // weeks counted the British way
    ['Tuesday week', '8 december 2026'], // said on a Tuesday: a week today
    ['friday week', '11 december 2026'],
    ['a week on Friday', '11 december 2026'],
    ['Friday fortnight', '18 december 2026'],
    ['week after next', 'from 14 december 2026 to 20 december 2026'],
    ['not the week after next', 'not from 14 december 2026 to 20 december 2026'],
    ['in a fortnight', '15 december 2026'],
    ["in a fortnight's time", '15 december 2026'],
    ['in two weeks', '15 december 2026'],
    ['in 2 weeks time', '15 december 2026'],
    ['in 3 weeks', '22 december 2026'],
    ['in 10 days', '11 december 2026'],
    ['a week today', '8 december 2026'],
    ['a week tomorrow', '9 december 2026'],
    // 'this Tuesday' is never in the past
    ['this Tuesday', '1 december 2026'],
    ['this Monday', '7 december 2026'],
    ['this coming Tuesday', '8 december 2026'],
    // parts of the day
    ['tomorrow am', 'tomorrow morning'],
    ['tomorrow pm', 'tomorrow afternoon'],
    ['tmrw pm', 'tomorrow afternoon'],
    ['pm please', 'afternoon please'],
    ['I am free', 'i am free'], // 'am' as a verb is left alone
    ['before lunch', 'morning'],
    ['after lunch', 'afternoon'],
    ['first thing friday', 'morning friday'],
    ['after the school run', 'after 9:30am'],
    // when the tenant is out
    ['I work until 3', 'after 3pm'],
    ["I'm at work till 3", 'after 3pm'],
    ['not home until 4', 'after 4pm'],
    ['I finish work at 1', 'after 1pm'],
    ['I start work at 2', 'before 2pm'],
    ['I work mornings', 'not mornings'],
    // clock times
    ['between 10 and 2', 'between 10am and 2pm'],
    ['from 3pm', 'after 3pm'],
    ['3pm onwards', 'after 3pm'],
    ['after 3 january', 'after 3 january'], // a date, not 3pm
    ['after 2 weeks', 'after 2 weeks'],
    // what the recognizer already reads is left as it is
    ['dec 14', 'dec 14'],
    ['14/12', '14/12'],
    ['weekend', 'weekend'],
    // misspellings
    ['tomorow', 'tomorrow'],
    ['tommorow morning', 'tomorrow morning'],
    ['wensday', 'wednesday'],
    ['thurs aftenoon', 'thursday afternoon'],
    ['frday mornin', 'friday morning'],
    // Christmas and New Year
    ['christmas eve', '24 december 2026'],
    ['boxing day', '26 december 2026'],
    ['after christmas', 'after 26 december 2026'],
    ['between christmas and new year', 'from 27 december 2026 to 31 december 2026'],
    ['new years day', '1 january 2027'],
    ["new year's eve", '31 december 2026'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseWish(text, { today: '2026-12-01' })).toBe(expected);
  });

  it.each([
    ['Tuesday week', '2026-12-02', '15 december 2026'], // said on a Wednesday: a week after the coming Tuesday
    ['this Tuesday', '2026-12-02', '8 december 2026'],
    ['easter monday', '2027-03-24', '29 march 2027'],
    ['good friday', '2026-03-27', '3 april 2026'],
    ['christmas', '2026-12-27', '25 december 2027'],
    ['week after next', '2026-10-23', 'from 2 november 2026 to 8 november 2026'], // across the autumn clock change
  ])('%j on %s → %j', (text, today, expected) => {
    expect(normaliseWish(text, { today })).toBe(expected);
  });
});

/** The first slot the bot offers for a wish, on the CLI's default grid, and whether it said nothing fits exactly. */
function firstOffer(nowIso: string, text: string): { slot: string; exact: boolean } | SlotChoice['kind'] {
  const now = new Date(nowIso);
  const grid = defaultAvailabilityGrid(now, ZONE);
  const offered = offerSlots(grid, { now, zone: ZONE, emergency: false }).slots;
  const choice = chooseSlot(text, offered, grid, { now, zone: ZONE });
  const name = (slot: { date: string; planningWindowId: number } | undefined) =>
    slot ? `${slot.date}/${slot.planningWindowId}` : 'nothing';
  if (choice.kind === 'chosen') return { slot: name(choice.slot), exact: true };
  if (choice.kind !== 'wish') return choice.kind;
  return { slot: name(choice.fits[0] ?? choice.nearest[0]), exact: choice.fits.length > 0 };
}

describe('wishes end to end on the default grid (windows 1 all day, 2 morning, 3 afternoon, 4 school run)', () => {
  const TUESDAY = '2026-12-01T09:00:00Z'; // today's morning and all-day windows have started
  it.each([
    [TUESDAY, 'Friday 11th', '2026-12-11/2', true],
    [TUESDAY, 'the 14th', '2026-12-14/2', true],
    [TUESDAY, 'dec 14', '2026-12-14/2', true],
    [TUESDAY, '14/12', '2026-12-14/2', true],
    [TUESDAY, 'Tuesday week', '2026-12-08/2', true],
    [TUESDAY, 'week after next', '2026-12-14/2', true],
    [TUESDAY, 'in a fortnight', '2026-12-15/2', true],
    [TUESDAY, 'in two weeks', '2026-12-15/2', true],
    [TUESDAY, 'this monday', '2026-12-07/2', true],
    [TUESDAY, 'tomorrow am', '2026-12-02/2', true],
    [TUESDAY, 'tomorrow pm', '2026-12-02/3', true],
    [TUESDAY, 'before lunch', '2026-12-02/2', true],
    [TUESDAY, 'tomorow', '2026-12-02/2', true],
    [TUESDAY, 'wensday', '2026-12-02/2', true],
    [TUESDAY, 'thurs aftenoon', '2026-12-03/3', true],
    [TUESDAY, 'school run', '2026-12-01/4', true],
    [TUESDAY, 'earliest', '2026-12-01/4', true],
    [TUESDAY, "earliest you've got", '2026-12-01/4', true],
    [TUESDAY, 'whenever', '2026-12-01/4', true],
    // After 15:00 fits no daytime window: the bot says so and offers the nearest, the afternoon.
    [TUESDAY, 'I work until 3', '2026-12-01/3', false],
    [TUESDAY, 'after 2pm', '2026-12-01/3', false],
    [TUESDAY, 'weekend', '2026-12-04/2', false],
    [TUESDAY, 'monday morning before 10', '2026-12-07/2', false], // 8–10 only: no window is that narrow
    [TUESDAY, 'any day but monday, mornings', '2026-12-02/2', true],
    [TUESDAY, 'from the 16th to the 18th, afternoons', '2026-12-16/3', true],
    [TUESDAY, 'after the 20th', '2026-12-21/2', true],
    // 'this Tuesday' on a Wednesday is next week's
    ['2026-12-02T10:00:00Z', 'this tuesday', '2026-12-08/2', true],
    // Weekdays are placed from today: 'Sunday afternoon' on a Monday is next Sunday's, so the nearest is the Monday
    // after it, not this afternoon (the day after last Sunday).
    ['2026-11-16T11:00:00Z', 'sunday afternoon', '2026-11-23/3', false],
    ['2026-11-16T11:00:00Z', 'saturday', '2026-11-20/2', false],
  ])('at %s %j → first offer %s (fits exactly: %s)', (now, text, slot, exact) => {
    expect(firstOffer(now, text)).toEqual({ slot, exact });
  });

  describe('bank holidays: Christmas Day Friday 25th, Boxing Day substitute Monday 28th, New Year Friday 1st', () => {
    const FRIDAY = '2026-12-18T15:30:00Z'; // nothing left today
    it.each([
      [FRIDAY, 'monday 28th', '2026-12-29/2', false],
      [FRIDAY, 'the 28th', '2026-12-29/2', false],
      [FRIDAY, 'boxing day', '2026-12-24/2', false], // Saturday 26th: Thursday 24th is nearest
      [FRIDAY, 'christmas day', '2026-12-24/2', false],
      [FRIDAY, 'after christmas', '2026-12-29/2', true],
      [FRIDAY, 'between christmas and new year', '2026-12-29/2', true],
      [FRIDAY, 'new years day', '2026-12-31/2', false],
      [FRIDAY, 'new years eve pm', '2026-12-31/3', true],
      [FRIDAY, '4/1', '2027-01-04/2', true],
      [FRIDAY, 'the 5th', '2027-01-05/2', true],
      [FRIDAY, 'tomorrow', '2026-12-21/2', false], // Saturday
      [FRIDAY, 'earliest', '2026-12-21/2', true],
    ])('at %s %j → first offer %s (fits exactly: %s)', (now, text, slot, exact) => {
      expect(firstOffer(now, text)).toEqual({ slot, exact });
    });
  });

  describe('clock changes: Sunday 29 March 2026, Sunday 25 October 2026, Sunday 28 March 2027', () => {
    it.each([
      // 23:30 GMT on Saturday 28 March 2026: tomorrow is the Sunday the clocks go forward
      ['2026-03-28T23:30:00Z', 'tomorrow', '2026-03-30/2', false],
      ['2026-03-28T23:30:00Z', 'monday am', '2026-03-30/2', true],
      // 23:30 UTC on Sunday 29 March is 00:30 BST on Monday 30 March
      ['2026-03-29T23:30:00Z', 'today', '2026-03-30/2', true],
      ['2026-03-29T23:30:00Z', 'tomorrow morning', '2026-03-31/2', true],
      ['2026-03-29T23:30:00Z', 'this afternoon', '2026-03-30/3', true],
      // 23:30 UTC on Saturday 24 October is 00:30 BST on Sunday 25 October, before the clocks go back
      ['2026-10-24T23:30:00Z', 'today', '2026-10-26/2', false],
      ['2026-10-24T23:30:00Z', 'tomorrow', '2026-10-26/2', true],
      ['2026-10-25T23:30:00Z', 'tomorrow', '2026-10-26/2', true],
      ['2026-10-23T14:00:00Z', 'week after next', '2026-11-02/2', true],
      // Easter 2027 is the weekend the clocks go forward: Good Friday 26, Easter Monday 29 March
      ['2027-03-24T09:00:00Z', 'tuesday week', '2027-04-06/2', true],
      ['2027-03-24T09:00:00Z', '29/3', '2027-03-30/2', false],
      ['2027-03-24T09:00:00Z', 'good friday', '2027-03-25/2', false],
      ['2027-03-28T23:30:00Z', 'today', '2027-03-30/2', false], // 00:30 BST on Easter Monday
      ['2027-03-28T23:30:00Z', 'tomorrow morning', '2027-03-30/2', true],
    ])('at %s %j → first offer %s (fits exactly: %s)', (now, text, slot, exact) => {
      expect(firstOffer(now, text)).toEqual({ slot, exact });
    });
  });
});

describe('wishConstraints: narrowing and lists', () => {
  const TODAY = '2026-12-01';
  const REFERENCE = wallClockAsLocalDate(new Date('2026-12-01T09:00:00Z'), ZONE);
  function constraints(text: string) {
    const normalised = normaliseWish(text, { today: TODAY });
    return wishConstraints(normalised, createWishParser().recognise(normalised, REFERENCE), WINDOWS, TODAY);
  }

  it('narrows two times said one after the other', () => {
    expect(constraints('monday morning before 10').wanted).toEqual([
      { day: { kind: 'weekday', weekday: 1 }, time: { kind: 'span', from: 0, until: 600 } },
    ]);
  });

  it('carries a refusal over a list of days, not over to a time', () => {
    const wish = constraints('any day but monday, mornings');
    expect(wish.unwanted).toEqual([{ day: { kind: 'weekday', weekday: 1 } }]);
    expect(wish.wanted).toHaveLength(1);
    expect(wish.wanted[0]?.time).toMatchObject({ kind: 'span', from: 0, until: 780 });
  });

  it('includes the last day of a range the tenant names', () => {
    expect(constraints('14/12 to 18/12').wanted).toEqual([
      { day: { kind: 'dateRange', from: '2026-12-14', until: '2026-12-19' } },
    ]);
  });

  it('reads an open range after a day from the next day on', () => {
    expect(constraints('after christmas').wanted).toEqual([
      { day: { kind: 'dateRange', from: '2026-12-27', until: '9999-12-31' } },
    ]);
  });

  it('reads the day of the bot’s wall clock, not the server’s', () => {
    expect(localDateOf(new Date('2026-03-29T23:30:00Z'), ZONE)).toBe('2026-03-30');
  });
});
