import { DateTime } from 'luxon';
import { DEFAULT_ZONE } from '../time/zone';
import { type PlanningWindow, type Slot } from './slotTypes';
import { windowSpan } from './windowTimes';

/**
 * 12-hour clock in the GOV.UK style tenants know from public services: 8am, 12:30pm, midday, midnight.
 * Connect's window ends are last minutes (12:59), so a window is read out to the next minute: 8am to 1pm.
 */
export function formatClockTime(minutes: number): string {
  const dayMinutes = minutes % (24 * 60);
  if (dayMinutes === 0) return 'midnight';
  if (dayMinutes === 12 * 60) return 'midday';
  const hour = Math.floor(dayMinutes / 60);
  const minute = dayMinutes % 60;
  const twelveHour = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelveHour}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${hour < 12 ? 'am' : 'pm'}`;
}

/**
 * 'Tuesday 8 December, morning, 8am to 1pm': the weekday and month in words, the window's name as Connect gives
 * it in lower case, and its times. The year is added only when `now` is given and the slot is in another year
 * (an offer made in late December may reach into January).
 */
export function describeSlot(
  slot: Slot,
  windows: readonly PlanningWindow[],
  zone: string = DEFAULT_ZONE,
  now?: Date,
): string {
  const otherYear = now !== undefined && yearIn(now, zone) !== Number(slot.date.slice(0, 4));
  const date = dayInWords(slot.date, zone, otherYear);
  const window = windows.find((w) => w.id === slot.planningWindowId);
  if (!window) return date;
  const span = windowSpan(window);
  return `${date}, ${window.name.toLowerCase()}, ${formatClockTime(span.start)} to ${formatClockTime(span.end)}`;
}

// An offer describes a dozen slots a turn, and luxon's formatting in a zone is dear: the words of a day never
// change, so they are remembered (a bounded set, cleared when full).
const WORDS_KEPT = 2048;
const dayWords = new Map<string, string>();

function dayInWords(date: string, zone: string, withYear: boolean): string {
  const key = `${zone}|${date}|${withYear}`;
  let words = dayWords.get(key);
  if (words === undefined) {
    words = DateTime.fromISO(date, { zone, locale: 'en-GB' }).toFormat(withYear ? 'cccc d MMMM yyyy' : 'cccc d MMMM');
    if (dayWords.size >= WORDS_KEPT) dayWords.clear();
    dayWords.set(key, words);
  }
  return words;
}

let lastYear: { zone: string; minute: number; year: number } | undefined;

/** The year in `zone` at `now`; the last answer is kept for the rest of its minute. */
function yearIn(now: Date, zone: string): number {
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastYear?.zone !== zone || lastYear.minute !== minute)
    lastYear = { zone, minute, year: DateTime.fromJSDate(now, { zone }).year };
  return lastYear.year;
}
