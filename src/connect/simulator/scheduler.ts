import { isBankHoliday } from './bankHolidays';
import { daysOfWeeks, isWeekend } from './calendar';
import { londonWallTime } from './londonTime';
import {
  OUT_OF_HOURS_WINDOW_ID,
  PLANNING_WINDOWS,
  planningWindowById,
  windowStartMinutes,
  type PlanningWindowDefinition,
} from './planningWindows';
import { defaultCapacity, seededDayKind, seededUsage, travelTimeMinutes } from './seedCalendar';
import { slotKey, VISIT_STATUS, type SimulatorState, type Visit } from './state';

/**
 * Connect's scheduler, simplified: whether a (day, planning window) slot can be offered to an order, and why not.
 * Each window of each day has its own capacity (windows do not share a day's capacity); bookings use it up.
 */
export const AVAILABILITY = { NotAvailable: 0, Available: 1, Preferred: 2 } as const;
export type AvailabilityValue = (typeof AVAILABILITY)[keyof typeof AVAILABILITY];

export type Unavailability =
  'unknown-window' | 'past' | 'started' | 'weekend' | 'bank-holiday' | 'out-of-hours-not-allowed' | 'full';

export interface SlotVerdict {
  status: AvailabilityValue;
  reason?: Unavailability;
  travelTime: number;
}

/** What the scheduler needs to know about the order being booked. */
export interface SchedulingRequest {
  /** emergencies and out-of-hours orders may use the OUT OF HOURS window */
  outOfHoursAllowed: boolean;
  ignoreWeekends: boolean;
  /** when re-appointing, the visit being moved: its own slot counts as free */
  movingVisitExternalId?: string;
}

/** Visits that hold a slot: everything booked and not deleted, shelved or finished elsewhere. */
function holdsSlot(visit: Visit): boolean {
  return visit.VisitStatus !== VISIT_STATUS.PendingDeletion && visit.VisitStatus !== VISIT_STATUS.Shelved;
}

export class Scheduler {
  constructor(
    private readonly state: SimulatorState,
    private readonly now: () => Date,
  ) {}

  capacityOf(date: string, planningWindowId: number): number {
    return this.state.capacityOverrides.get(slotKey(date, planningWindowId)) ?? defaultCapacity(planningWindowId);
  }

  /** Visits already in a slot: other customers' (seeded) plus the simulator's own bookings. */
  usageOf(date: string, planningWindowId: number, exceptVisitExternalId?: string): number {
    const key = slotKey(date, planningWindowId);
    const overridden = this.state.capacityOverrides.has(key);
    const seeded = overridden ? 0 : seededUsage(date, planningWindowId, this.capacityOf(date, planningWindowId));
    const except = exceptVisitExternalId?.toLowerCase();
    const booked = this.state.visits
      .values()
      .filter(
        (v) =>
          holdsSlot(v) &&
          v.slot?.date === date &&
          v.slot.planningWindowId === planningWindowId &&
          v.VisitExternalId.toLowerCase() !== except,
      ).length;
    return seeded + booked;
  }

  freePlaces(date: string, planningWindowId: number, exceptVisitExternalId?: string): number {
    if (this.state.takenSlots.has(slotKey(date, planningWindowId))) return 0;
    return Math.max(
      0,
      this.capacityOf(date, planningWindowId) - this.usageOf(date, planningWindowId, exceptVisitExternalId),
    );
  }

  /** The London calendar day on the simulator clock. */
  today(): string {
    return londonWallTime(this.now()).date;
  }

  verdict(date: string, planningWindowId: number, request: SchedulingRequest): SlotVerdict {
    const window = planningWindowById(planningWindowId);
    const notAvailable = (reason: Unavailability): SlotVerdict => ({
      status: AVAILABILITY.NotAvailable,
      reason,
      travelTime: 0,
    });
    if (!window) return notAvailable('unknown-window');
    const reason = this.calendarReason(date, window, request);
    if (reason) return notAvailable(reason);
    if (this.freePlaces(date, planningWindowId, request.movingVisitExternalId) === 0) return notAvailable('full');
    const preferred = seededDayKind(date) === 'preferred' && planningWindowId !== OUT_OF_HOURS_WINDOW_ID;
    return {
      status: preferred ? AVAILABILITY.Preferred : AVAILABILITY.Available,
      travelTime: travelTimeMinutes(date, planningWindowId, preferred),
    };
  }

  /** Rules that depend on the day and the order, not on bookings. */
  private calendarReason(
    date: string,
    window: PlanningWindowDefinition,
    request: SchedulingRequest,
  ): Unavailability | undefined {
    const { date: today, minutes } = londonWallTime(this.now());
    if (date < today) return 'past';
    if (date === today && minutes >= windowStartMinutes(window)) return 'started';
    if (window.Id === OUT_OF_HOURS_WINDOW_ID && !request.outOfHoursAllowed) return 'out-of-hours-not-allowed';
    if (isBankHoliday(date)) return 'bank-holiday';
    if (isWeekend(date) && !request.ignoreWeekends) return 'weekend';
    return undefined;
  }

  /** Every planning window with a verdict for every day of the whole Monday–Sunday weeks holding `date`. */
  availability(
    date: string,
    weeks: number,
    request: SchedulingRequest,
  ): { planningWindowId: number; days: { date: string; verdict: SlotVerdict }[] }[] {
    const days = daysOfWeeks(date, weeks);
    return PLANNING_WINDOWS.map((window) => ({
      planningWindowId: window.Id,
      days: days.map((day) => ({ date: day, verdict: this.verdict(day, window.Id, request) })),
    }));
  }
}

/** Plain-English reasons, used in Booking's 400 answers. */
export const UNAVAILABILITY_TEXT: Record<Unavailability, string> = {
  'unknown-window': 'The planning window does not exist.',
  past: 'The date is in the past.',
  started: 'The planning window has already started today.',
  weekend: 'Weekend appointments are not allowed unless IgnoreWeekends is true.',
  'bank-holiday': 'No appointments are available on bank holidays.',
  'out-of-hours-not-allowed': 'The out of hours window is only available for emergency or out of hours orders.',
  full: 'The planning window is fully booked on that date.',
};
