import { addDays, type IsoDate, isoDate, isWeekend, weekdayOf, yearOf, daysInMonth } from './calendarDate';

/**
 * Bank holidays in England and Wales, computed from the standing rules so any year works, plus the one-off
 * changes a proclamation makes (a holiday moved or added). Nobody books a repair visit or counts a working day on
 * a bank holiday; keep the list of one-off changes up to date from gov.uk/bank-holidays.
 */
export interface BankHoliday {
  date: IsoDate;
  name: string;
}

export type OneOffHolidayChange =
  { kind: 'extra'; date: IsoDate; name: string } | { kind: 'moved'; from: IsoDate; to: IsoDate; name: string };

export const ENGLAND_AND_WALES_ONE_OFF_CHANGES: readonly OneOffHolidayChange[] = [
  { kind: 'moved', from: '2020-05-04', to: '2020-05-08', name: 'Early May bank holiday (VE day)' },
  { kind: 'moved', from: '2022-05-30', to: '2022-06-02', name: 'Spring bank holiday' },
  { kind: 'extra', date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { kind: 'extra', date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { kind: 'extra', date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
];

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDate(year, month, 1);
  return addDays(first, (8 - weekdayOf(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = isoDate(year, month, daysInMonth(year, month));
  return addDays(last, -(weekdayOf(last) - 1));
}

/**
 * Fixed-date holidays that fall at a weekend are observed on the next weekdays not already holidays. Those on a
 * weekday keep their day first, so a Sunday Christmas gives Boxing Day its own Monday and Christmas the Tuesday;
 * a Saturday Christmas gives Monday 27 and Tuesday 28 December.
 */
function observedFixedHolidays(fixed: readonly BankHoliday[]): BankHoliday[] {
  const observed = fixed.filter((holiday) => !isWeekend(holiday.date));
  for (const holiday of fixed.filter((h) => isWeekend(h.date))) {
    let day = holiday.date;
    while (isWeekend(day) || observed.some((h) => h.date === day)) day = addDays(day, 1);
    observed.push({ date: day, name: `${holiday.name} (substitute day)` });
  }
  return observed;
}

/** The holidays the standing rules give for a year, before one-off changes. */
function statutoryHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const movable: BankHoliday[] = [
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
  ];
  const newYear = observedFixedHolidays([{ date: isoDate(year, 1, 1), name: "New Year's Day" }]);
  const christmas = observedFixedHolidays([
    { date: isoDate(year, 12, 25), name: 'Christmas Day' },
    { date: isoDate(year, 12, 26), name: 'Boxing Day' },
  ]);
  return [...newYear, ...movable, ...christmas];
}

export class BankHolidayCalendar {
  private readonly byYear = new Map<number, readonly BankHoliday[]>();

  constructor(private readonly changes: readonly OneOffHolidayChange[] = ENGLAND_AND_WALES_ONE_OFF_CHANGES) {}

  /** The bank holidays of a year, in date order. */
  holidaysOf(year: number): readonly BankHoliday[] {
    const cached = this.byYear.get(year);
    if (cached) return cached;
    let holidays = statutoryHolidays(year);
    for (const change of this.changes) {
      if (change.kind === 'moved') {
        holidays = holidays.filter((holiday) => holiday.date !== change.from);
        if (yearOf(change.to) === year) holidays.push({ date: change.to, name: change.name });
      } else if (yearOf(change.date) === year) {
        holidays.push({ date: change.date, name: change.name });
      }
    }
    const sorted = holidays.sort((a, b) => a.date.localeCompare(b.date));
    this.byYear.set(year, sorted);
    return sorted;
  }

  isBankHoliday(date: IsoDate): boolean {
    return this.holidaysOf(yearOf(date)).some((holiday) => holiday.date === date);
  }
}
