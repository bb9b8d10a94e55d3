import { DateTime } from 'luxon';

/**
 * A calendar day as 'yyyy-MM-dd', with no time and no zone. Working days, bank holidays, slots and target dates
 * are all whole days, so they are counted on these strings: a day is a day even when the clocks change.
 */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Days are counted in UTC, where every day has 24 hours; the zone only matters when an instant becomes a day.
// Plain Date arithmetic rather than luxon: a turn that offers slots or works out a target date counts hundreds of
// days, and this is a tenth of the cost.
const DAY_MS = 86_400_000;

function toUtcMs(date: IsoDate): number {
  if (ISO_DATE.test(date)) {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    const parsed = new Date(0);
    parsed.setUTCFullYear(year, month - 1, day);
    if (parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day)
      return parsed.getTime();
  }
  throw new Error(`Not a yyyy-MM-dd date: ${date}`);
}

const fromUtcMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return DateTime.utc(year, month, day).toISODate() as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay() || 7;
}

export function isWeekend(date: IsoDate): boolean {
  return weekdayOf(date) >= 6;
}

export function yearOf(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCFullYear();
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return DateTime.utc(year, month, 1).daysInMonth ?? 31;
}
