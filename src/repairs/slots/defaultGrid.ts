import { addDays, type IsoDate } from '../time/calendarDate';
import { englandAndWales, type WorkingCalendar } from '../time/workingDays';
import { DEFAULT_ZONE, localDateOf } from '../time/zone';
import { type AvailabilityDay, type AvailabilityGrid, type PlanningWindow } from './slotTypes';

/** Connect's five standard planning windows, as the adapter maps them (end = last minute, as Connect gives it). */
export const DEFAULT_PLANNING_WINDOWS: readonly PlanningWindow[] = [
  { id: 1, name: 'ALL DAY', start: '08:00', end: '16:59' },
  { id: 2, name: 'MORNING', start: '08:00', end: '12:59' },
  { id: 3, name: 'AFTERNOON', start: '12:00', end: '16:59' },
  { id: 4, name: 'SCHOOL RUN', start: '09:30', end: '14:29' },
  { id: 5, name: 'OUT OF HOURS', start: '17:00', end: '23:59' },
];

/** How far the default grid reaches: today and the 34 days after it. */
export const DEFAULT_GRID_DAYS = 35;

/**
 * A grid with every planning window Available on each working day (weekdays that are not bank holidays in England
 * and Wales) of the next five weeks from today on the bot's wall clock, and NotAvailable on the other days, so the
 * grid still covers them. Used where no scheduler answers (the CLI's `when`, the language benchmark); windows that
 * have already started today are dropped later, by freeSlots.
 */
export function defaultAvailabilityGrid(
  now: Date,
  zone: string = DEFAULT_ZONE,
  calendar: WorkingCalendar = englandAndWales,
): AvailabilityGrid {
  const today = localDateOf(now, zone);
  const days: AvailabilityDay[] = [];
  for (let offset = 0; offset < DEFAULT_GRID_DAYS; offset += 1) {
    const date: IsoDate = addDays(today, offset);
    const status = calendar.isWorkingDay(date) ? 'Available' : 'NotAvailable';
    for (const window of DEFAULT_PLANNING_WINDOWS) days.push({ date, planningWindowId: window.id, status });
  }
  return { windows: DEFAULT_PLANNING_WINDOWS.map((window) => ({ ...window })), days };
}
