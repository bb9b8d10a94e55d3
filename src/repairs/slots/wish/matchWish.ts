import { daysBetween, type IsoDate, weekdayOf } from '../../time/calendarDate';
import { type FreeSlot, offerOrder } from '../freeSlots';
import { type PlanningWindow } from '../slotTypes';
import { type WindowSpan, windowSpan } from '../windowTimes';
import { type DayFilter, type TimeWish, type WishConstraints, type WishPart } from './wishTypes';

/**
 * The last stage: which free slots fit the wish, and which come nearest when none does.
 *
 * A window fits only when the whole window satisfies the wish: 'after 2pm' fits no standard window (the
 * afternoon starts at 12), 'morning' fits MORNING 08:00–12:59 but not SCHOOL RUN 09:30–14:29. A moment ('at
 * 2pm') fits every window it falls in. An unwanted part rules a slot out when it touches it at all: 'not
 * mornings' rules out ALL DAY and SCHOOL RUN too (but not AFTERNOON: see the heart of a part in timexMeaning).
 *
 * What the tenant said is combined by kind: the days they named are alternatives ('Wednesday or Thursday'), as
 * are the times; ranges of days narrow the named days ('Monday or Tuesday next week'); days, times and window
 * names must all hold together ('Thursday afternoon').
 */
const MINUTES_PER_DAY = 24 * 60;

function dayMatches(filter: DayFilter, date: IsoDate): boolean {
  switch (filter.kind) {
    case 'date':
      return filter.date === date;
    case 'weekday':
      return weekdayOf(date) === filter.weekday;
    case 'dateRange':
      return filter.from <= date && date < filter.until;
  }
}

/** Days from `date` to the nearest day the filter allows (0 when it allows `date`). */
function dayDistance(filter: DayFilter, date: IsoDate): number {
  switch (filter.kind) {
    case 'date':
      return Math.abs(daysBetween(filter.date, date));
    case 'weekday': {
      const apart = Math.abs(weekdayOf(date) - filter.weekday);
      return Math.min(apart, 7 - apart);
    }
    case 'dateRange':
      if (dayMatches(filter, date)) return 0;
      return date < filter.from ? daysBetween(date, filter.from) : daysBetween(filter.until, date) + 1;
  }
}

function timeWithin(wish: TimeWish, span: WindowSpan): boolean {
  return wish.kind === 'at'
    ? span.start <= wish.minute && wish.minute < span.end
    : wish.from <= span.start && span.end <= wish.until;
}

function timeTouches(wish: TimeWish, span: WindowSpan): boolean {
  if (wish.kind === 'at') return timeWithin(wish, span);
  const { from, until } = wish.heart ?? wish;
  return from < span.end && span.start < until;
}

/** Minutes of the window outside the wish (or, for a moment, how far the window is from it). */
function timeDistance(wish: TimeWish, span: WindowSpan): number {
  if (wish.kind === 'at') return Math.max(0, span.start - wish.minute, wish.minute - span.end + 1);
  return Math.max(0, wish.from - span.start) + Math.max(0, span.end - wish.until);
}

interface CombinedWish {
  namedDays: DayFilter[];
  ranges: DayFilter[];
  times: TimeWish[];
  windowIds: number[];
  unwanted: WishPart[];
}

function combine(wish: WishConstraints): CombinedWish {
  const days = wish.wanted.flatMap((part) => (part.day ? [part.day] : []));
  return {
    namedDays: days.filter((day) => day.kind !== 'dateRange'),
    ranges: days.filter((day) => day.kind === 'dateRange'),
    times: wish.wanted.flatMap((part) => (part.time ? [part.time] : [])),
    windowIds: wish.wanted.flatMap((part) => (part.windowId !== undefined ? [part.windowId] : [])),
    unwanted: wish.unwanted,
  };
}

function isRefused(wish: CombinedWish, free: FreeSlot): boolean {
  return wish.unwanted.some(
    (part) =>
      (part.day === undefined || dayMatches(part.day, free.slot.date)) &&
      (part.time === undefined || timeTouches(part.time, free.span)) &&
      (part.windowId === undefined || part.windowId === free.window.id),
  );
}

/** 0 for a perfect fit; otherwise how far off, days weighing far more than minutes. */
function distance(wish: CombinedWish, free: FreeSlot, windowSpans: ReadonlyMap<number, WindowSpan>): number {
  const nearestOf = <T>(items: readonly T[], measure: (item: T) => number) =>
    items.length === 0 ? 0 : Math.min(...items.map(measure));
  const days =
    nearestOf(wish.namedDays, (day) => dayDistance(day, free.slot.date)) +
    nearestOf(wish.ranges, (day) => dayDistance(day, free.slot.date));
  const minutes =
    nearestOf(wish.times, (time) => timeDistance(time, free.span)) +
    nearestOf(wish.windowIds, (id) => {
      const named = windowSpans.get(id);
      if (id === free.window.id) return 0;
      // A different window than the one named is never a fit, however alike their times.
      return (
        1 + (named ? Math.abs(named.start - free.span.start) + Math.abs(named.end - free.span.end) : MINUTES_PER_DAY)
      );
    });
  return days * MINUTES_PER_DAY + minutes;
}

export interface WishMatch {
  fits: FreeSlot[];
  nearest: FreeSlot[];
}

/**
 * `free` must be in offer order (freeSlots gives it so); fits keep that order, nearest are closest first. Slots
 * the tenant refused are never offered as nearest either.
 */
export function matchWish(
  wish: WishConstraints,
  free: readonly FreeSlot[],
  windows: readonly PlanningWindow[],
  nearestCount = 3,
): WishMatch {
  const combined = combine(wish);
  const windowSpans = new Map(windows.map((window) => [window.id, windowSpan(window)]));
  const scored = free
    .filter((slot) => !isRefused(combined, slot))
    .map((slot) => ({ slot, distance: distance(combined, slot, windowSpans) }));
  const fits = scored.filter((s) => s.distance === 0).map((s) => s.slot);
  const nearest =
    fits.length > 0
      ? []
      : scored
          .sort((a, b) => a.distance - b.distance || offerOrder(a.slot, b.slot))
          .slice(0, nearestCount)
          .map((s) => s.slot);
  return { fits, nearest };
}
