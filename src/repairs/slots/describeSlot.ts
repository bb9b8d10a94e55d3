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
  const day = DateTime.fromISO(slot.date, { zone, locale: 'en-GB' });
  const otherYear = now !== undefined && DateTime.fromJSDate(now, { zone }).year !== day.year;
  const date = day.toFormat(otherYear ? 'cccc d MMMM yyyy' : 'cccc d MMMM');
  const window = windows.find((w) => w.id === slot.planningWindowId);
  if (!window) return date;
  const span = windowSpan(window);
  return `${date}, ${window.name.toLowerCase()}, ${formatClockTime(span.start)} to ${formatClockTime(span.end)}`;
}
