import { type IsoDate } from '../../time/calendarDate';
import { dayNumberOf, weekdayOfDay } from './dayNumbers';
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

/** A day filter with its days as day numbers, computed once per wish. */
type DayTest =
  | { kind: 'date'; day: number }
  | { kind: 'weekday'; weekday: number; first: number }
  | { kind: 'dateRange'; from: number; until: number };

/** `today` (a day number) places a weekday: its first occurrence on or after today. */
function dayTest(filter: DayFilter, today: number): DayTest {
  switch (filter.kind) {
    case 'date':
      return { kind: 'date', day: dayNumberOf(filter.date) };
    case 'weekday':
      return {
        kind: 'weekday',
        weekday: filter.weekday,
        first: today + ((filter.weekday - weekdayOfDay(today) + 7) % 7),
      };
    case 'dateRange':
      return { kind: 'dateRange', from: dayNumberOf(filter.from), until: dayNumberOf(filter.until) };
  }
}

function dayMatches(test: DayTest, day: number): boolean {
  switch (test.kind) {
    case 'date':
      return test.day === day;
    case 'weekday':
      return weekdayOfDay(day) === test.weekday;
    case 'dateRange':
      return test.from <= day && day < test.until;
  }
}

/**
 * Days from `day` to the nearest day the filter allows (0 when it allows it). A weekday counts only from its
 * next occurrence on or after today: for 'Sunday afternoon' said on a Monday, Friday and the next Monday are near,
 * today (the day after last Sunday) is not.
 */
function dayDistance(test: DayTest, day: number): number {
  switch (test.kind) {
    case 'date':
      return Math.abs(day - test.day);
    case 'weekday': {
      const apart = day - test.first;
      if (apart < 0) return -apart;
      return Math.min(apart % 7, 7 - (apart % 7));
    }
    case 'dateRange':
      if (dayMatches(test, day)) return 0;
      return day < test.from ? test.from - day : day - test.until + 1;
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

interface UnwantedTest {
  day?: DayTest;
  time?: TimeWish;
  windowId?: number;
}

interface CombinedWish {
  namedDays: DayTest[];
  ranges: DayTest[];
  times: TimeWish[];
  windowIds: number[];
  unwanted: UnwantedTest[];
}

function combine(wish: WishConstraints, today: number): CombinedWish {
  const days = wish.wanted.flatMap((part) => (part.day ? [part.day] : []));
  const test = (filter: DayFilter) => dayTest(filter, today);
  return {
    namedDays: days.filter((day) => day.kind !== 'dateRange').map(test),
    ranges: days.filter((day) => day.kind === 'dateRange').map(test),
    times: wish.wanted.flatMap((part) => (part.time ? [part.time] : [])),
    windowIds: wish.wanted.flatMap((part) => (part.windowId !== undefined ? [part.windowId] : [])),
    unwanted: wish.unwanted.map((part: WishPart) => ({ ...part, day: part.day && test(part.day) })),
  };
}

function isRefused(wish: CombinedWish, free: FreeSlot, day: number): boolean {
  return wish.unwanted.some(
    (part) =>
      (part.day === undefined || dayMatches(part.day, day)) &&
      (part.time === undefined || timeTouches(part.time, free.span)) &&
      (part.windowId === undefined || part.windowId === free.window.id),
  );
}

/** 0 for a perfect fit; otherwise how far off, days weighing far more than minutes. */
function distance(
  wish: CombinedWish,
  free: FreeSlot,
  day: number,
  windowSpans: ReadonlyMap<number, WindowSpan>,
): number {
  const nearestOf = <T>(items: readonly T[], measure: (item: T) => number) =>
    items.length === 0 ? 0 : Math.min(...items.map(measure));
  const days =
    nearestOf(wish.namedDays, (test) => dayDistance(test, day)) +
    nearestOf(wish.ranges, (test) => dayDistance(test, day));
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
 * the tenant refused are never offered as nearest either. `today` (the bot's wall-clock day) places weekdays;
 * it defaults to the first free slot's day.
 */
export function matchWish(
  wish: WishConstraints,
  free: readonly FreeSlot[],
  windows: readonly PlanningWindow[],
  nearestCount = 3,
  today: IsoDate = free[0]?.slot.date ?? '1970-01-01',
): WishMatch {
  const combined = combine(wish, dayNumberOf(today));
  const windowSpans = new Map(windows.map((window) => [window.id, windowSpan(window)]));
  const dayNumbers = new Map<IsoDate, number>();
  const dayOf = (date: IsoDate): number => {
    let day = dayNumbers.get(date);
    if (day === undefined) dayNumbers.set(date, (day = dayNumberOf(date)));
    return day;
  };
  const scored = free.flatMap((slot) => {
    const day = dayOf(slot.slot.date);
    return isRefused(combined, slot, day) ? [] : [{ slot, distance: distance(combined, slot, day, windowSpans) }];
  });
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
