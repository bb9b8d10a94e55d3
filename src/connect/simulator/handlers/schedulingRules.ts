import { EMERGENCY_PRIORITY } from '../seed';
import type { StoredOrder } from '../state';

/** The OUT OF HOURS window is for emergencies and for orders the diagnosis marked out of hours. */
export function outOfHoursAllowed(stored: StoredOrder): boolean {
  return stored.order.PriorityExternalId.toUpperCase() === EMERGENCY_PRIORITY || stored.order.OutOfHours === true;
}
