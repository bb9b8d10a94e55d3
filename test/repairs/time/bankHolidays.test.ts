import { BankHolidayCalendar, easterSunday } from '../../../src/repairs/time/bankHolidays';

// The published lists, copied from gov.uk/bank-holidays (England and Wales).
const PUBLISHED: Record<number, string[]> = {
  2020: [
    '2020-01-01',
    '2020-04-10',
    '2020-04-13',
    '2020-05-08',
    '2020-05-25',
    '2020-08-31',
    '2020-12-25',
    '2020-12-28',
  ],
  2022: [
    '2022-01-03',
    '2022-04-15',
    '2022-04-18',
    '2022-05-02',
    '2022-06-02',
    '2022-06-03',
    '2022-08-29',
    '2022-09-19',
    '2022-12-26',
    '2022-12-27',
  ],
  2023: [
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
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
};

describe('England and Wales bank holidays', () => {
  const calendar = new BankHolidayCalendar();

  it.each(Object.entries(PUBLISHED))('%s matches the published list exactly', (year, dates) => {
    expect(calendar.holidaysOf(Number(year)).map((holiday) => holiday.date)).toEqual(dates);
  });

  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible Easter
    [2285, '2285-03-22'], // earliest possible Easter
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it.each([
    ['2026-12-26', 'a Saturday Boxing Day moves to Monday 28', '2026-12-28', 'Boxing Day (substitute day)'],
    ['2027-12-25', 'a Saturday Christmas moves to Monday 27', '2027-12-27', 'Christmas Day (substitute day)'],
    [
      '2022-12-25',
      'a Sunday Christmas moves past Boxing Day to Tuesday 27',
      '2022-12-27',
      'Christmas Day (substitute day)',
    ],
    ['2022-01-01', "a Saturday New Year's Day moves to Monday 3", '2022-01-03', "New Year's Day (substitute day)"],
  ])('%s: %s', (_from, _why, date, name) => {
    expect(calendar.holidaysOf(Number(date.slice(0, 4)))).toContainEqual({ date, name });
  });

  it('takes a configurable list of one-off changes, and applies none when given none', () => {
    const plain = new BankHolidayCalendar([]);
    expect(plain.isBankHoliday('2023-05-08')).toBe(false);
    expect(plain.isBankHoliday('2020-05-04')).toBe(true);
    const withExtra = new BankHolidayCalendar([{ kind: 'extra', date: '2029-07-06', name: 'A made-up holiday' }]);
    expect(withExtra.isBankHoliday('2029-07-06')).toBe(true);
    expect(withExtra.isBankHoliday('2029-07-05')).toBe(false);
  });
});
