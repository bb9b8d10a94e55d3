import { fnv1a } from './hash';
import { OUT_OF_HOURS_WINDOW_ID } from './planningWindows';

/**
 * The other customers' work, invented deterministically from the date: some weekdays are already fully booked,
 * some are Preferred (an operative is already in the area). Deterministic so tests and demos can rely on it.
 */
export type SeededDayKind = 'full' | 'preferred' | 'normal';

/** Visits a (day, window) slot can take, unless an admin capacity override says otherwise. */
export const DEFAULT_CAPACITY = 3;
export const DEFAULT_OUT_OF_HOURS_CAPACITY = 2;

/** About one weekday in five is full and one in five is Preferred. */
export function seededDayKind(date: string): SeededDayKind {
  const bucket = fnv1a(`day:${date}`) % 10;
  if (bucket < 2) return 'full';
  if (bucket < 4) return 'preferred';
  return 'normal';
}

/** Visits other customers already hold in a slot: a full day has the daytime windows used up; out of hours is never pre-booked. */
export function seededUsage(date: string, planningWindowId: number, capacity: number): number {
  if (planningWindowId === OUT_OF_HOURS_WINDOW_ID) return 0;
  return seededDayKind(date) === 'full' ? capacity : 0;
}

export function defaultCapacity(planningWindowId: number): number {
  return planningWindowId === OUT_OF_HOURS_WINDOW_ID ? DEFAULT_OUT_OF_HOURS_CAPACITY : DEFAULT_CAPACITY;
}

/** Minutes of travel the scheduler would add: short on Preferred days, since someone is nearby. */
export function travelTimeMinutes(date: string, planningWindowId: number, preferred: boolean): number {
  const spread = fnv1a(`travel:${date}:${planningWindowId}`);
  return preferred ? 5 + (spread % 10) : 15 + (spread % 31);
}
