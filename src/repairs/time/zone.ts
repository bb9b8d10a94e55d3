import { DateTime } from 'luxon';
import { type IsoDate } from './calendarDate';

/**
 * The bot's zone. Tenants, landlords and Connect's planning windows all live on UK wall-clock time, whatever the
 * zone of the machine running the bot; callers pass another zone only to serve a landlord elsewhere.
 */
export const DEFAULT_ZONE = 'Europe/London';

/** The wall clock in `zone` at an instant: the calendar day and the minutes since local midnight. */
export interface WallClock {
  date: IsoDate;
  minutes: number;
}

function inZone(instant: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new Error(`Unknown time zone: ${zone}`);
  return local;
}

export function wallClock(instant: Date, zone: string = DEFAULT_ZONE): WallClock {
  const local = inZone(instant, zone);
  return { date: local.toISODate() as IsoDate, minutes: local.hour * 60 + local.minute };
}

/** The calendar day of an instant in `zone`. */
export function localDateOf(instant: Date, zone: string = DEFAULT_ZONE): IsoDate {
  return wallClock(instant, zone).date;
}

/**
 * The instant at which the wall clock in `zone` shows `minutes` past midnight on `date`. A wall time that the
 * spring clock change skips (01:00–01:59 in London) resolves to the same moment one hour later, as clocks do.
 */
export function instantAt(date: IsoDate, minutes: number, zone: string = DEFAULT_ZONE): Date {
  // Every slot of every offer asks this (has its window started?), and luxon's zone arithmetic is the dearest part
  // of a turn that offers slots: the answers, which never change, are remembered (a bounded set, cleared when full).
  const key = `${zone}|${date}|${minutes}`;
  const known = instants.get(key);
  if (known !== undefined) return new Date(known);
  const midnight = DateTime.fromISO(date, { zone });
  if (!midnight.isValid) throw new Error(`Not a date in ${zone}: ${date}`);
  const instant = midnight.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toJSDate();
  if (instants.size >= INSTANTS_KEPT) instants.clear();
  instants.set(key, instant.getTime());
  return instant;
}

const INSTANTS_KEPT = 4096;
const instants = new Map<string, number>();

/**
 * A JS Date whose *local* fields (getFullYear, getHours, …) equal the wall clock in `zone` at `instant`. Only for
 * libraries that read a reference time through the machine's local fields (the date-time recognizer does); never
 * compare it with real instants.
 */
export function wallClockAsLocalDate(instant: Date, zone: string = DEFAULT_ZONE): Date {
  const local = inZone(instant, zone);
  return new Date(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}
