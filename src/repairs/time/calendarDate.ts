import { DateTime } from 'luxon';

/**
 * A calendar day as 'yyyy-MM-dd', with no time and no zone. Working days, bank holidays, slots and target dates
 * are all whole days, so they are counted on these strings: a day is a day even when the clocks change.
 */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Days are counted in UTC, where every day has 24 hours; the zone only matters when an instant becomes a day.
function toDateTime(date: IsoDate): DateTime {
  const parsed = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : DateTime.invalid('format');
  if (!parsed.isValid) throw new Error(`Not a yyyy-MM-dd date: ${date}`);
  return parsed;
}

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return DateTime.utc(year, month, day).toISODate() as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toDateTime(date).plus({ days }).toISODate() as IsoDate;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(toDateTime(to).diff(toDateTime(from), 'days').days);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayOf(date: IsoDate): number {
  return toDateTime(date).weekday;
}

export function isWeekend(date: IsoDate): boolean {
  return weekdayOf(date) >= 6;
}

export function yearOf(date: IsoDate): number {
  return toDateTime(date).year;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return DateTime.utc(year, month, 1).daysInMonth ?? 31;
}
