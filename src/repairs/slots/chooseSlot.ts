import { addDays, type IsoDate, weekdayOf } from '../time/calendarDate';
import { DEFAULT_ZONE, localDateOf, wallClockAsLocalDate } from '../time/zone';
import { plainChoice, pickedPosition, turnsAllDown, wantsEarliest } from './choiceWords';
import { freeSlots } from './freeSlots';
import { type AvailabilityGrid, type PlanningWindow, type Slot } from './slotTypes';
import { windowSpan } from './windowTimes';
import { matchWish } from './wish/matchWish';
import { normaliseWish } from './wish/normaliseWish';
import { wishConstraints } from './wish/wishConstraints';
import { createWishParser, type WishParser } from './wish/wishParser';
import { type DayFilter, isEmptyWish, type WishConstraints } from './wish/wishTypes';

export type SlotChoice =
  | { kind: 'chosen'; slot: Slot }
  | { kind: 'none-of-these' }
  /**
   * The tenant said when they want the visit. `fits` satisfy the whole wish (earliest first); when none do,
   * `nearest` are the closest free slots. `wishedFrom` is the first day the wish names, so the caller can ask
   * Connect for that week when the grid does not reach it (null when the wish names no day, e.g. 'mornings').
   */
  | { kind: 'wish'; fits: Slot[]; nearest: Slot[]; wishedFrom: IsoDate | null; constraints: WishConstraints }
  | { kind: 'unclear' };

export interface ChooseSlotOptions {
  now: Date;
  zone?: string;
  /** Out-of-hours windows may fit a wish only for emergencies, as in offers. */
  emergency?: boolean;
  /** How many fitting slots to return at most. */
  limit?: number;
  /** How many nearest slots to return when nothing fits. */
  nearestCount?: number;
  /** Defaults to the process's shared parser. */
  parser?: WishParser;
}

function startOf(slot: Slot, windows: readonly PlanningWindow[]): number {
  const window = windows.find((w) => w.id === slot.planningWindowId);
  return window ? windowSpan(window).start : 0;
}

function earliestOf(offered: readonly Slot[], windows: readonly PlanningWindow[]): Slot | undefined {
  return [...offered].sort((a, b) => a.date.localeCompare(b.date) || startOf(a, windows) - startOf(b, windows))[0];
}

/** The first day on or after today that the wish names. */
function firstDayOf(wish: WishConstraints, today: IsoDate): IsoDate | null {
  const firstDay = (day: DayFilter): IsoDate => {
    switch (day.kind) {
      case 'date':
        return day.date;
      case 'dateRange':
        return day.from > today ? day.from : today;
      case 'weekday':
        return addDays(today, (day.weekday - weekdayOf(today) + 7) % 7);
    }
  };
  const days = wish.wanted.flatMap((part) => (part.day ? [firstDay(part.day)] : []));
  return days.sort()[0] ?? null;
}

/**
 * What the tenant's answer to a list of offered slots means. In order: a position in the list ('2', 'the
 * second one'), 'the earliest', a refusal of them all ('none of these', 'later'), else a wish in their own words
 * ('Thursday afternoon', 'not Monday'), which goes through normalise → recognise → constraints → match.
 */
export function chooseSlot(
  text: string,
  offered: readonly Slot[],
  grid: AvailabilityGrid,
  options: ChooseSlotOptions,
): SlotChoice {
  const choice = plainChoice(text);
  const position = pickedPosition(choice);
  if (position !== undefined) {
    const slot = position === 'last' ? offered[offered.length - 1] : offered[position - 1];
    return slot ? { kind: 'chosen', slot } : { kind: 'unclear' };
  }
  if (wantsEarliest(choice)) {
    const slot = earliestOf(offered, grid.windows);
    return slot ? { kind: 'chosen', slot } : { kind: 'unclear' };
  }
  if (turnsAllDown(choice)) return { kind: 'none-of-these' };

  const zone = options.zone ?? DEFAULT_ZONE;
  const today = localDateOf(options.now, zone);
  const normalised = normaliseWish(text, { today });
  if (normalised === '') return { kind: 'unclear' };
  const phrases = (options.parser ?? createWishParser()).recognise(normalised, wallClockAsLocalDate(options.now, zone));
  const wish = wishConstraints(normalised, phrases, grid.windows, today);
  if (isEmptyWish(wish)) return { kind: 'unclear' };

  const free = freeSlots(grid, { now: options.now, zone, emergency: options.emergency ?? false });
  const { fits, nearest } = matchWish(wish, free, grid.windows, options.nearestCount ?? 3, today);
  return {
    kind: 'wish',
    fits: fits.slice(0, options.limit ?? 5).map((f) => f.slot),
    nearest: nearest.map((f) => f.slot),
    wishedFrom: firstDayOf(wish, today),
    constraints: wish,
  };
}
