import { type ConnectFacade } from '../../connect';
import { type AvailabilityGrid, type PlanningWindow, type Slot, offerSlots } from '../slots';
import { addDays, type Clock, daysBetween, type IsoDate, localDateOf, weekdayOf } from '../time';
import { availabilityGridFrom, mergeGrids } from './availabilityGrid';

/** Connect answers 1 to 5 whole weeks at a time; the bot never looks further ahead than that. */
export const MAX_WEEKS = 5;
/** Two weeks cover most first offers in one call, even late on a Friday. */
const FIRST_WEEKS = 2;
const PAGE_SIZE = 5;
const MIN_OFFER = 3;

/**
 * Where a tenant is in looking for a visit, kept in conversation state between turns. Free day-windows are kept
 * as short strings ('2026-12-08/2/P') because state is stored per conversation and read on every turn.
 */
export interface SlotSearch {
  orderNumber: string;
  emergency: boolean;
  /** When moving an existing visit: Connect then counts that visit's own slot as free. */
  visitExternalId?: string;
  /** Emergencies: nothing later than this day (the order's target date). */
  latestDate?: IsoDate;
  windows: PlanningWindow[];
  free: string[];
  /** The first day not yet asked of Connect. */
  nextDate: IsoDate;
  /** The last day the bot will ask about: the end of the fifth week. */
  horizon: IsoDate;
  /** Every slot shown so far ('2026-12-08/2'), so that "none of these" pages on. */
  shown: string[];
}

export interface SlotPage {
  search: SlotSearch;
  slots: Slot[];
}

const encode = (grid: AvailabilityGrid): string[] =>
  grid.days
    .filter((d) => d.status !== 'NotAvailable')
    .map((d) => `${d.date}/${d.planningWindowId}/${d.status === 'Preferred' ? 'P' : 'A'}`);

const slotKey = (slot: Slot): string => `${slot.date}/${slot.planningWindowId}`;

function slotFromKey(key: string): Slot {
  const [date, id] = key.split('/');
  return { date, planningWindowId: Number(id) };
}

/** The slots shown so far in this search. */
export function shownSlots(search: SlotSearch): Slot[] {
  return search.shown.map(slotFromKey);
}

export function gridOf(search: SlotSearch): AvailabilityGrid {
  return {
    windows: search.windows,
    days: search.free.map((entry) => {
      const [date, id, status] = entry.split('/');
      return { date, planningWindowId: Number(id), status: status === 'P' ? 'Preferred' : 'Available' } as const;
    }),
  };
}

/** Finds slots for one order through Connect's Availability, a few weeks at a time, never more than five. */
export class SlotFinder {
  constructor(
    private readonly connect: ConnectFacade,
    private readonly clock: Clock,
    private readonly zone: string,
  ) {}

  start(
    orderNumber: string,
    options: { emergency: boolean; visitExternalId?: string; latestDate?: IsoDate },
  ): SlotSearch {
    const today = localDateOf(this.clock.now(), this.zone);
    const weekStart = addDays(today, -((weekdayOf(today) + 6) % 7)); // Monday: Connect answers whole weeks
    return {
      orderNumber,
      emergency: options.emergency,
      visitExternalId: options.visitExternalId,
      latestDate: options.latestDate,
      windows: [],
      free: [],
      nextDate: today,
      horizon: addDays(weekStart, MAX_WEEKS * 7 - 1),
      shown: [],
    };
  }

  /** Asks Connect for the weeks from `search.nextDate` up to `until` (or the next few weeks). */
  private async fetch(search: SlotSearch, until?: IsoDate): Promise<SlotSearch> {
    if (search.nextDate > search.horizon) return search;
    const weeksLeft = Math.ceil(daysBetweenInclusive(search.nextDate, search.horizon) / 7);
    const wanted = until
      ? Math.ceil(daysBetweenInclusive(search.nextDate, until) / 7)
      : search.free.length
        ? 3
        : FIRST_WEEKS;
    const weeks = Math.max(1, Math.min(MAX_WEEKS, weeksLeft, wanted));
    const response = await this.connect.getAvailability({
      primaryOrderNumber: search.orderNumber,
      date: search.nextDate,
      numberOfWeeks: weeks,
      visitExternalId: search.visitExternalId,
    });
    const fetched = availabilityGridFrom(response);
    const merged = mergeGrids(gridOf(search), fetched);
    // Connect answers whole Monday–Sunday weeks; should an answer come back short or empty, the search still moves
    // past every week it asked for, so it can never ask about the same days again.
    const askedUntil = addDays(search.nextDate, 7 - weekdayOf(search.nextDate) + (weeks - 1) * 7);
    const lastDay = fetched.days.reduce<IsoDate>((last, d) => (d.date > last ? d.date : last), askedUntil);
    return { ...search, windows: merged.windows, free: encode(merged), nextDate: addDays(lastDay, 1) };
  }

  private offer(search: SlotSearch) {
    const offer = offerSlots(gridOf(search), {
      now: this.clock.now(),
      zone: this.zone,
      emergency: search.emergency,
      count: PAGE_SIZE,
      minCount: MIN_OFFER,
      exclude: shownSlots(search),
    });
    const slots = search.latestDate ? offer.slots.filter((s) => s.date <= search.latestDate!) : offer.slots;
    return { slots, enough: slots.length >= MIN_OFFER };
  }

  private exhausted(search: SlotSearch): boolean {
    return search.nextDate > search.horizon || (search.latestDate !== undefined && search.nextDate > search.latestDate);
  }

  /** The next page of slots (earliest first); an empty page means nothing is free within five weeks. */
  async nextPage(current: SlotSearch): Promise<SlotPage> {
    let search = current;
    let offer = this.offer(search);
    while (!offer.enough && !this.exhausted(search)) {
      search = await this.fetch(search);
      offer = this.offer(search);
    }
    return { search: { ...search, shown: [...search.shown, ...offer.slots.map(slotKey)] }, slots: offer.slots };
  }

  /** Makes sure the grid reaches `date` (a day the tenant asked for), if it is within five weeks. */
  async cover(search: SlotSearch, date: IsoDate): Promise<SlotSearch> {
    if (date < search.nextDate || date > search.horizon) return search;
    return this.fetch(search, date);
  }

  /** Marks slots as shown, e.g. the ones offered because they fit the tenant's wish. */
  markShown(search: SlotSearch, slots: readonly Slot[]): SlotSearch {
    const fresh = slots.map(slotKey).filter((key) => !search.shown.includes(key));
    return { ...search, shown: [...search.shown, ...fresh] };
  }

  /** Makes slots eligible to be offered again, e.g. the still-free ones on screen when another was taken. */
  unshow(search: SlotSearch, slots: readonly Slot[]): SlotSearch {
    const keys = new Set(slots.map(slotKey));
    return { ...search, shown: search.shown.filter((key) => !keys.has(key)) };
  }

  /** Takes a slot off the search, e.g. one that was taken by someone else between the offer and the booking. */
  withoutSlot(search: SlotSearch, slot: Slot): SlotSearch {
    const prefix = `${slot.date}/${slot.planningWindowId}/`;
    return { ...search, free: search.free.filter((entry) => !entry.startsWith(prefix)) };
  }
}

const daysBetweenInclusive = (from: IsoDate, to: IsoDate): number => daysBetween(from, to) + 1;
