import { bankHolidaysOf } from '../../../src/connect/simulator/bankHolidays';
import { daysOfWeeks, isIsoDate, mondayOf } from '../../../src/connect/simulator/calendar';
import { londonWallTime } from '../../../src/connect/simulator/londonTime';

/** The calendar facts the scheduler stands on: England and Wales bank holidays, whole weeks, London wall time. */
test.each([
  [
    2025,
    ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  ],
  [
    2026,
    ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  ],
  [
    2027,
    ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  ],
  [
    2028,
    ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
  ],
  [
    2023,
    [
      '2023-01-02',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-08-28',
      '2023-12-25',
      '2023-12-26',
    ],
  ],
])('bank holidays of %i', (year, expected) => {
  expect([...bankHolidaysOf(year)].sort()).toEqual(expected);
});

test.each([
  ['2026-12-01', '2026-11-30'],
  ['2026-11-30', '2026-11-30'],
  ['2026-12-06', '2026-11-30'],
  ['2027-01-01', '2026-12-28'],
])('the week of %s starts on Monday %s', (date, monday) => {
  expect(mondayOf(date)).toBe(monday);
});

test('whole weeks of days', () => {
  const days = daysOfWeeks('2026-12-31', 2);
  expect(days).toHaveLength(14);
  expect([days[0], days[13]]).toEqual(['2026-12-28', '2027-01-10']);
});

test.each([
  ['2026-12-01T09:00:00Z', '2026-12-01', 9 * 60],
  ['2026-06-02T07:45:00Z', '2026-06-02', 8 * 60 + 45],
  ['2026-03-28T23:30:00Z', '2026-03-28', 23 * 60 + 30], // the night before the clocks go forward
  ['2026-06-01T23:30:00Z', '2026-06-02', 30], // already tomorrow in London
])('London wall time of %s', (instant, date, minutes) => {
  expect(londonWallTime(new Date(instant))).toMatchObject({ date, minutes });
});

test.each([
  ['2026-02-28', true],
  ['2026-02-29', false],
  ['2028-02-29', true],
  ['2026-13-01', false],
  ['26-12-01', false],
])('isIsoDate(%s) is %s', (text, valid) => {
  expect(isIsoDate(text)).toBe(valid);
});
