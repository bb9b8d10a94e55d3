import { type PlanningWindow } from './slotTypes';

/**
 * A planning window's times as minutes since local midnight, with an exclusive end. Connect gives a window's
 * last minute (08:00–12:59, 16:59, 14:29), so an end on a minute ending in 9 means "up to the next minute": the
 * morning runs 08:00 to 13:00. An end given on a round minute (13:00) is taken as exclusive already.
 */
export interface WindowSpan {
  start: number;
  end: number;
}

function minutesOf(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`Not an HH:mm time: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function windowSpan(window: PlanningWindow): WindowSpan {
  const end = minutesOf(window.end);
  return { start: minutesOf(window.start), end: end % 10 === 9 ? end + 1 : end };
}

export const OUT_OF_HOURS_WINDOW_ID = 5;
const EVENING_STARTS = 17 * 60;

/** Out-of-hours windows are kept for emergencies: Connect's window 5, or any window starting at 17:00 or later. */
export function isOutOfHours(window: PlanningWindow): boolean {
  return window.id === OUT_OF_HOURS_WINDOW_ID || windowSpan(window).start >= EVENING_STARTS;
}
