import { describeSlot, formatClockTime, windowSpan } from '../slots';
import { type IsoDate, isIsoDate } from '../time';

/** When a visit is, as Connect's BookingSummary gives it: local date-times 'yyyy-MM-ddTHH:mm:ss' (UK wall clock). */
export interface VisitTime {
  date: IsoDate;
  /** 'HH:mm' */
  start: string;
  /** 'HH:mm', the window's last minute as Connect gives it (12:59). */
  end: string;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/;

/** The visit's day and window, or undefined when Connect gave no window (a shelved visit holds no slot). */
export function visitTimeOf(start: string | undefined, end: string | undefined): VisitTime | undefined {
  const from = LOCAL.exec(start ?? '');
  const to = LOCAL.exec(end ?? '');
  if (!from?.[1] || !from[2] || !to?.[2] || !isIsoDate(from[1])) return undefined;
  return { date: from[1], start: from[2], end: to[2] };
}

/**
 * The window's everyday name, from its hours alone: BookingSummary gives times, not the planning window's name.
 * A window that is none of these (a school run, 9:30 to 2:30) is read out by its times only.
 */
function windowName(start: number, end: number): string | undefined {
  if (start >= 17 * 60) return 'evening';
  if (end - start >= 8 * 60) return 'all day';
  if (start < 12 * 60 && end <= 13 * 60) return 'morning';
  if (start >= 12 * 60 && end <= 18 * 60) return 'afternoon';
  return undefined;
}

/** 'Thursday 3 December, morning, 8am to 1pm', or 'Thursday 3 December, 9:30am to 2:30pm' for an unnamed window. */
export function describeVisitTime(time: VisitTime, zone: string, now: Date): string {
  const span = windowSpan({ id: 0, name: '', start: time.start, end: time.end });
  const name = windowName(span.start, span.end);
  const slot = { date: time.date, planningWindowId: 0 };
  if (name) return describeSlot(slot, [{ id: 0, name, start: time.start, end: time.end }], zone, now);
  return `${describeSlot(slot, [], zone, now)}, ${formatClockTime(span.start)} to ${formatClockTime(span.end)}`;
}

/** The times part of a description ('8am to 1pm'), to tell whether words said earlier still fit the visit. */
export function timesOf(time: VisitTime): string {
  const span = windowSpan({ id: 0, name: '', start: time.start, end: time.end });
  return `${formatClockTime(span.start)} to ${formatClockTime(span.end)}`;
}
