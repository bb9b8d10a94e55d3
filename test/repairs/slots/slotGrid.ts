import { addDays, weekdayOf } from '../../../src/repairs/time/calendarDate';
import {
  type AvailabilityGrid,
  type AvailabilityStatus,
  type PlanningWindow,
} from '../../../src/repairs/slots/slotTypes';

/** Connect's standard planning windows, as the adapter maps them (end = last minute, as Connect gives it). */
export const WINDOWS: PlanningWindow[] = [
  { id: 1, name: 'ALL DAY', start: '08:00', end: '16:59' },
  { id: 2, name: 'MORNING', start: '08:00', end: '12:59' },
  { id: 3, name: 'AFTERNOON', start: '12:00', end: '16:59' },
  { id: 4, name: 'SCHOOL RUN', start: '09:30', end: '14:29' },
  { id: 5, name: 'OUT OF HOURS', start: '17:00', end: '23:59' },
];
export const ALL_DAY = 1;
export const MORNING = 2;
export const AFTERNOON = 3;
export const SCHOOL_RUN = 4;
export const OUT_OF_HOURS = 5;

/** "Now" for the slot tests: Tuesday 1 December 2026, 09:00 in London (GMT, so 09:00Z). */
export const NOW = new Date('2026-12-01T09:00:00Z');

/**
 * Three weeks from Monday 30 November 2026 to Sunday 20 December. Weekdays are Available in every window, with
 * these exceptions; weekends are NotAvailable except out of hours.
 */
const EXCEPTIONS: Record<string, AvailabilityStatus> = {
  '2026-12-02/3': 'Preferred', // Wednesday afternoon
  '2026-12-02/4': 'NotAvailable', // Wednesday school run
  '2026-12-04/1': 'NotAvailable', // Friday: no all day…
  '2026-12-04/2': 'NotAvailable', // …and no morning
  '2026-12-10/3': 'Preferred', // Thursday 10th afternoon
  '2026-12-14/2': 'NotAvailable', // Monday 14th morning
};

export function grid(): AvailabilityGrid {
  const days: AvailabilityGrid['days'] = [];
  for (let date = '2026-11-30'; date <= '2026-12-20'; date = addDays(date, 1)) {
    const weekend = weekdayOf(date) >= 6;
    for (const window of WINDOWS) {
      const fallback: AvailabilityStatus = weekend && window.id !== OUT_OF_HOURS ? 'NotAvailable' : 'Available';
      days.push({ date, planningWindowId: window.id, status: EXCEPTIONS[`${date}/${window.id}`] ?? fallback });
    }
  }
  return { windows: WINDOWS, days };
}

/** 'dd/id' shorthand for a December 2026 slot, so tables stay readable: '03/2' is Thursday 3rd, morning. */
export function slot(shorthand: string): { date: string; planningWindowId: number } {
  const [day, id] = shorthand.split('/');
  return { date: `2026-12-${day}`, planningWindowId: Number(id) };
}

export function shorthand(slots: readonly { date: string; planningWindowId: number }[]): string[] {
  return slots.map((s) => `${s.date.slice(8)}/${s.planningWindowId}`);
}
