import type { AvailabilityPlanningWindow, PlanningWindow } from '../connectTypes';
import { PLANNING_WINDOWS } from '../planningWindows';
import type { Scheduler, SchedulingRequest } from '../scheduler';

/** The scheduler's verdicts in the shape Availability and AvailabilityByTrade answer. */
export function availabilityAnswer(
  scheduler: Scheduler,
  date: string,
  weeks: number,
  request: SchedulingRequest,
): { PlanningWindows: PlanningWindow[]; AvailabilityPlanningWindows: AvailabilityPlanningWindow[] } {
  return {
    PlanningWindows: PLANNING_WINDOWS.map((w) => ({ ...w })),
    AvailabilityPlanningWindows: scheduler.availability(date, weeks, request).map((window) => ({
      PlanningWindowId: window.planningWindowId,
      AvailabilityDays: window.days.map(({ date: day, verdict }) => ({
        Date: day,
        AvailabilityStatus: verdict.status,
        TravelTime: verdict.travelTime,
      })),
    })),
  };
}
