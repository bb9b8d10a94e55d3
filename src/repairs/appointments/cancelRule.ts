import { type VisitState } from './visitState';

export type CancelDecision =
  | { allowed: true }
  /** Connect has cancelled it already (its visits are pending deletion). */
  | { allowed: false; reason: 'cancelled' }
  /** The operative is on the way or at work: too late to cancel here. */
  | { allowed: false; reason: 'started' }
  /** Every visit has happened: the repair is done. */
  | { allowed: false; reason: 'completed' };

/**
 * Whether the tenant may cancel an order here, from the states of its visits (none: not booked yet, which can be
 * cancelled). A completed visit with another still to come (a follow-on) leaves the order open to cancel.
 */
export function cancelDecision(states: readonly VisitState[]): CancelDecision {
  if (states.includes('cancelled')) return { allowed: false, reason: 'cancelled' };
  if (states.includes('started')) return { allowed: false, reason: 'started' };
  if (states.length > 0 && states.every((state) => state === 'completed'))
    return { allowed: false, reason: 'completed' };
  return { allowed: true };
}
