import { daysBetween, type IsoDate } from '../time';
import { type VisitState } from './visitState';

export type RebookDecision =
  | { allowed: true }
  /** Booked, but due today or within the next `minDays` days: the visit is planned, so the team moves it. */
  | { allowed: false; reason: 'too-soon' }
  /** Not at Booked (planned, on the way, done, cancelled, on hold…), or with no date to move from. */
  | { allowed: false; reason: 'not-booked' };

/**
 * "Any appointments at a status of booked not due within the next n days can be re-appointed" (Connect's
 * integration guide). The next n days are the n calendar days after today, and today always counts: with n = 1
 * (the default) a visit today or tomorrow is too soon, one the day after can be moved; with n = 0 only today's is.
 */
export function rebookDecision(
  visit: { state: VisitState; date?: IsoDate },
  today: IsoDate,
  minDays: number,
): RebookDecision {
  if (visit.state !== 'booked' || !visit.date) return { allowed: false, reason: 'not-booked' };
  if (daysBetween(today, visit.date) <= Math.max(0, minDays)) return { allowed: false, reason: 'too-soon' };
  return { allowed: true };
}
