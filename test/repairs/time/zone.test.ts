import { addDays, daysBetween, weekdayOf } from '../../../src/repairs/time/calendarDate';
import { fixedClock, systemClock } from '../../../src/repairs/time/clock';
import { instantAt, localDateOf, wallClock, wallClockAsLocalDate } from '../../../src/repairs/time/zone';

const LONDON = 'Europe/London';

describe('clocks', () => {
  it('a fixed clock always tells the same instant, and hands out copies', () => {
    const clock = fixedClock('2026-12-01T09:00:00Z');
    const first = clock.now();
    first.setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('refuses a fixed clock that is not an instant', () => {
    expect(() => fixedClock('next Tuesday')).toThrow(/not an ISO instant/);
  });

  it('the system clock tells the real time', () => {
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe('Europe/London across the clock changes (29 March and 25 October 2026)', () => {
  it.each([
    ['2026-03-29T00:30:00Z', '2026-03-29', 30, 'GMT, before the spring change'],
    ['2026-03-29T01:30:00Z', '2026-03-29', 2 * 60 + 30, 'BST, just after the spring change'],
    ['2026-03-29T23:30:00Z', '2026-03-30', 30, 'BST: 23:30 UTC is already Monday'],
    ['2026-10-25T00:30:00Z', '2026-10-25', 60 + 30, 'BST, first 01:30'],
    ['2026-10-25T01:30:00Z', '2026-10-25', 60 + 30, 'GMT, the repeated 01:30'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 30, 'BST: 23:30 UTC on Saturday is Sunday'],
    ['2026-10-25T23:30:00Z', '2026-10-25', 23 * 60 + 30, 'GMT again'],
  ])('%s is %s at minute %i (%s)', (iso, date, minutes) => {
    expect(wallClock(new Date(iso), LONDON)).toEqual({ date, minutes });
  });

  it.each([
    ['2026-03-28', 8 * 60, '2026-03-28T08:00:00.000Z'],
    ['2026-03-29', 8 * 60, '2026-03-29T07:00:00.000Z'],
    ['2026-03-29', 60 + 30, '2026-03-29T01:30:00.000Z'], // 01:30 does not exist: the clocks read 02:30 BST
    ['2026-10-24', 8 * 60, '2026-10-24T07:00:00.000Z'],
    ['2026-10-25', 8 * 60, '2026-10-25T08:00:00.000Z'],
  ])('08:00-style wall times on %s at minute %i are %s', (date, minutes, iso) => {
    expect(instantAt(date, minutes, LONDON).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-10-24', 1, '2026-10-25'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-03-01', 31, '2026-04-01'],
  ])('%s + %i days = %s (calendar days, not 24-hour blocks)', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it('a day-by-day walk over both changes meets every calendar day once, at 08:00 local', () => {
    const seen: string[] = [];
    for (let date = '2026-03-27'; date <= '2026-03-31'; date = addDays(date, 1)) {
      const eight = instantAt(date, 8 * 60, LONDON);
      expect(wallClock(eight, LONDON)).toEqual({ date, minutes: 8 * 60 });
      seen.push(localDateOf(eight, LONDON));
    }
    expect(seen).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
    expect(weekdayOf('2026-10-25')).toBe(7);
  });

  it('wallClockAsLocalDate copies the London wall clock into local fields, whatever the machine zone', () => {
    const reference = wallClockAsLocalDate(new Date('2026-06-01T08:00:00Z'), LONDON);
    expect([reference.getFullYear(), reference.getMonth(), reference.getDate(), reference.getHours()]).toEqual([
      2026, 5, 1, 9,
    ]);
  });
});
