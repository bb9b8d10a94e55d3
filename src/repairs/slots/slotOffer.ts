import { addDays, type IsoDate } from '../time/calendarDate';
import { type FreeSlotRules, freeSlots } from './freeSlots';
import { type AvailabilityGrid, sameSlot, type Slot } from './slotTypes';

export interface SlotOfferOptions extends FreeSlotRules {
  /** How many slots to offer at once. */
  count?: number;
  /** Slots already offered in this conversation: the next page starts after them. */
  exclude?: readonly Slot[];
  /** Fewer than this is too thin an offer: ask Connect for later weeks first. */
  minCount?: number;
}

export interface SlotOffer {
  /** The earliest free slots, in the order to show them. */
  slots: Slot[];
  /** More free slots remain in this grid after these, so "other dates" can page on without asking Connect. */
  moreInGrid: boolean;
  /** Fewer than minCount slots: fetch later weeks from `nextGridDate` and offer again before showing these. */
  needsMore: boolean;
  /** The day after the last day the grid covers: where a request for later weeks starts (null for an empty grid). */
  nextGridDate: IsoDate | null;
}

/** The earliest slots to offer a tenant, with what the dialog needs to page on or fetch more. */
export function offerSlots(grid: AvailabilityGrid, options: SlotOfferOptions): SlotOffer {
  const { count = 5, exclude = [], minCount = 3 } = options;
  const remaining = freeSlots(grid, options).filter((free) => !exclude.some((slot) => sameSlot(slot, free.slot)));
  const slots = remaining.slice(0, count).map((free) => free.slot);
  const lastDate = grid.days.reduce<IsoDate | null>(
    (last, day) => (last === null || day.date > last ? day.date : last),
    null,
  );
  return {
    slots,
    moreInGrid: remaining.length > slots.length,
    needsMore: slots.length < minCount,
    nextGridDate: lastDate === null ? null : addDays(lastDate, 1),
  };
}
