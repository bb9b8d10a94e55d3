import { type IsoDate } from '../../time/calendarDate';

/** Which days a tenant means. Date ranges end the day before `until`, as the recognizer gives them. */
export type DayFilter =
  | { kind: 'date'; date: IsoDate }
  | { kind: 'weekday'; weekday: number } // 1 Monday … 7 Sunday
  | { kind: 'dateRange'; from: IsoDate; until: IsoDate };

/**
 * Which part of a day, in minutes since local midnight: a span (until exclusive) or one moment ("at 2pm"). A
 * span may have a narrower `heart` that a refusal uses ("not mornings"): see PART_OF_DAY.
 */
export type TimeWish =
  | { kind: 'span'; from: number; until: number; heart?: { from: number; until: number } }
  | { kind: 'at'; minute: number };

/** One thing a tenant said about when: "Thursday afternoon" is a day and a time; "school run" names a window. */
export interface WishPart {
  day?: DayFilter;
  time?: TimeWish;
  windowId?: number;
}

/** Everything a tenant said, split into what they want and what they do not ("not Monday"). */
export interface WishConstraints {
  wanted: WishPart[];
  unwanted: WishPart[];
}

export function isEmptyWish(wish: WishConstraints): boolean {
  return wish.wanted.length === 0 && wish.unwanted.length === 0;
}
