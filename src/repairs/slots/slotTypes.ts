import { type IsoDate } from '../time/calendarDate';

/**
 * Availability in our own words. Connect's AvailabilityResponse (PlanningWindows with StartHour/EndHour…, and
 * AvailabilityPlanningWindows with their AvailabilityDays) is mapped to these by the Connect adapter.
 */
export interface PlanningWindow {
  id: number;
  /** As Connect names it, e.g. 'MORNING', 'ALL DAY', 'SCHOOL RUN'. */
  name: string;
  /** 'HH:mm', local time. */
  start: string;
  /** 'HH:mm', the last minute of the window as Connect gives it: 08:00–12:59 is the morning. */
  end: string;
}

export type AvailabilityStatus = 'NotAvailable' | 'Available' | 'Preferred';

export interface AvailabilityDay {
  date: IsoDate;
  planningWindowId: number;
  status: AvailabilityStatus;
}

export interface AvailabilityGrid {
  windows: PlanningWindow[];
  days: AvailabilityDay[];
}

/** One bookable appointment: a planning window on a day. Booking sends exactly these two to Connect. */
export interface Slot {
  date: IsoDate;
  planningWindowId: number;
}

export function sameSlot(a: Slot, b: Slot): boolean {
  return a.date === b.date && a.planningWindowId === b.planningWindowId;
}
