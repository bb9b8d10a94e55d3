import { easterSunday } from '../../time/bankHolidays';
import { addDays, daysInMonth, type IsoDate, isoDate, weekdayOf, yearOf } from '../../time/calendarDate';

/** The calendar arithmetic behind the normaliser's idioms ('Tuesday week', 'boxing day'), on whole days. */

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A date as the recognizer reads it without doubt: '14 december 2026'. */
export function spellDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** A run of days as the recognizer reads it: 'from 14 december 2026 to 20 december 2026' (both included). */
export function spellRange(from: IsoDate, to: IsoDate): string {
  return `from ${spellDate(from)} to ${spellDate(to)}`;
}

/** ISO weekday (1 Monday … 7 Sunday) of a day name or its usual short forms ('tues', 'thurs'); 0 if none. */
export function weekdayNumber(word: string): number {
  const prefixes = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
  return prefixes.indexOf(word.slice(0, 2)) + 1;
}

/** The first day with this weekday on or after `today` (today itself when it is that day). */
export function onOrAfter(weekday: number, today: IsoDate): IsoDate {
  return addDays(today, (weekday - weekdayOf(today) + 7) % 7);
}

/** The Monday of the week `date` is in (weeks run Monday to Sunday in the UK). */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** The next date on or after `today` with this month and day of the month. */
export function nextAnnual(month: number, day: number, today: IsoDate): IsoDate {
  const year = yearOf(today);
  const thisYear = isoDate(year, month, day);
  return thisYear >= today ? thisYear : isoDate(year + 1, month, day);
}

/** Easter Sunday of the Easter that has not yet ended (its Monday is today or later). */
export function comingEaster(today: IsoDate): IsoDate {
  const thisYear = easterSunday(yearOf(today));
  return addDays(thisYear, 1) >= today ? thisYear : easterSunday(yearOf(today) + 1);
}

/** The next date on or after `today` with this day of the month, skipping months too short to have it. */
export function nextDayOfMonth(day: number, today: IsoDate): IsoDate | null {
  if (day < 1 || day > 31) return null;
  let year = yearOf(today);
  let month = Number(today.slice(5, 7));
  if (day < Number(today.slice(8, 10))) month += 1;
  for (let tries = 0; tries < 12; tries += 1, month += 1) {
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (day <= daysInMonth(year, month)) return isoDate(year, month, day);
  }
  return null;
}
