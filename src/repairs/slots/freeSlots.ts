import { type IsoDate } from '../time/calendarDate';
import { DEFAULT_ZONE, instantAt } from '../time/zone';
import { type AvailabilityGrid, type AvailabilityStatus, type PlanningWindow, type Slot } from './slotTypes';
import { isOutOfHours, type WindowSpan, windowSpan } from './windowTimes';

/** A slot a tenant may be offered, with what ordering and matching need to know about it. */
export interface FreeSlot {
  slot: Slot;
  window: PlanningWindow;
  span: WindowSpan;
  status: Exclude<AvailabilityStatus, 'NotAvailable'>;
}

export interface FreeSlotRules {
  now: Date;
  zone?: string;
  /** Out-of-hours windows are offered only to emergencies. */
  emergency: boolean;
}

/**
 * The order slots are offered in: earliest day first; on a day, the slots Connect prefers (its routing likes
 * them) first; then narrower windows before wider ones, because a tenant waits in for less time (ALL DAY comes
 * after MORNING, AFTERNOON and SCHOOL RUN); then the earlier start.
 */
export function offerOrder(a: FreeSlot, b: FreeSlot): number {
  return (
    a.slot.date.localeCompare(b.slot.date) ||
    Number(b.status === 'Preferred') - Number(a.status === 'Preferred') ||
    a.span.end - a.span.start - (b.span.end - b.span.start) ||
    a.span.start - b.span.start ||
    a.window.id - b.window.id
  );
}

/**
 * Every slot of the grid that can still be booked, in offer order: marked Available or Preferred, in a window
 * the grid describes, not yet started (a window that began at 08:00 is gone at 08:00), and out of hours only
 * for emergencies.
 */
export function freeSlots(grid: AvailabilityGrid, rules: FreeSlotRules): FreeSlot[] {
  const zone = rules.zone ?? DEFAULT_ZONE;
  const windows = new Map(grid.windows.map((window) => [window.id, window]));
  const seen = new Set<string>();
  const free: FreeSlot[] = [];
  for (const day of grid.days) {
    const window = windows.get(day.planningWindowId);
    const key = `${day.date}/${day.planningWindowId}`;
    if (day.status === 'NotAvailable' || !window || seen.has(key)) continue;
    if (isOutOfHours(window) && !rules.emergency) continue;
    const span = windowSpan(window);
    if (hasStarted(day.date, span.start, rules.now, zone)) continue;
    seen.add(key);
    free.push({ slot: { date: day.date, planningWindowId: window.id }, window, span, status: day.status });
  }
  return free.sort(offerOrder);
}

function hasStarted(date: IsoDate, startMinutes: number, now: Date, zone: string): boolean {
  return instantAt(date, startMinutes, zone).getTime() <= now.getTime();
}
