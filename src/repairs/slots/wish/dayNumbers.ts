import { type IsoDate } from '../../time/calendarDate';

/**
 * Whole-day arithmetic on 'yyyy-MM-dd' strings without building a date-time object: matching a wish compares every
 * free slot of several weeks with every day the tenant named, so this runs thousands of times a turn. Days are
 * counted in UTC, where each has 24 hours, as calendarDate does.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumberOf(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** ISO weekday, 1 Monday … 7 Sunday (day 0, 1 January 1970, was a Thursday). */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
