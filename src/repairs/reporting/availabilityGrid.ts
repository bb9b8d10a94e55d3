import { type AvailabilityResponse, AvailabilityStatus as ConnectStatus } from '../../connect';
import { type AvailabilityDay, type AvailabilityGrid, type AvailabilityStatus, type PlanningWindow } from '../slots';

const hhmm = (hour = 0, minute = 0) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

const statusOf = (value: number | undefined): AvailabilityStatus =>
  value === ConnectStatus.Preferred ? 'Preferred' : value === ConnectStatus.Available ? 'Available' : 'NotAvailable';

/** Connect's AvailabilityResponse in the domain's words: planning windows, and each day's status per window. */
export function availabilityGridFrom(response: AvailabilityResponse): AvailabilityGrid {
  const windows: PlanningWindow[] = (response.PlanningWindows ?? []).map((w) => ({
    id: w.Id ?? 0,
    name: w.Name ?? '',
    start: hhmm(w.StartHour, w.StartMinute),
    end: hhmm(w.EndHour, w.EndMinute),
  }));
  const days: AvailabilityDay[] = (response.AvailabilityPlanningWindows ?? []).flatMap((window) =>
    (window.AvailabilityDays ?? []).flatMap((day) =>
      day.Date && window.PlanningWindowId !== undefined
        ? [
            {
              date: day.Date.slice(0, 10),
              planningWindowId: window.PlanningWindowId,
              status: statusOf(day.AvailabilityStatus),
            },
          ]
        : [],
    ),
  );
  return { windows, days };
}

/** A later answer wins for the same day and window; windows are taken from whichever answer named them. */
export function mergeGrids(a: AvailabilityGrid, b: AvailabilityGrid): AvailabilityGrid {
  const key = (d: AvailabilityDay) => `${d.date}/${d.planningWindowId}`;
  const days = new Map(a.days.map((d) => [key(d), d]));
  for (const d of b.days) days.set(key(d), d);
  const windows = new Map(a.windows.map((w) => [w.id, w]));
  for (const w of b.windows) windows.set(w.id, w);
  return { windows: [...windows.values()], days: [...days.values()] };
}
