import { formatReference, newPrimaryOrderNumber, ORDER_NUMBER_PREFIX, type RandomBytes } from '../orders/orderNumber';
import { type Clock } from '../time/clock';
import { DEFAULT_ZONE } from '../time/zone';

/**
 * The reference a tenant is given for a hand-off, e.g. 'HO-261201-7KQ4MZ8P': the day and the random part are made
 * exactly as a works order number's (see orderNumber.ts: readable, collision-resistant), with a prefix of its own
 * so that nobody looks for it in Connect, where it does not exist.
 */
export const HAND_OFF_PREFIX = 'HO';

export function newHandOffReference(clock: Clock, random?: RandomBytes, zone: string = DEFAULT_ZONE): string {
  return `${HAND_OFF_PREFIX}${newPrimaryOrderNumber(clock, random, zone).slice(ORDER_NUMBER_PREFIX.length)}`;
}

/** As the tenant reads it out and the team searches for it: 'HO 261201 7KQ4 MZ8P'. Anything else is returned as is. */
export function formatHandOffReference(reference: string): string {
  if (!reference.startsWith(`${HAND_OFF_PREFIX}-`)) return reference;
  const asOrder = formatReference(`${ORDER_NUMBER_PREFIX}${reference.slice(HAND_OFF_PREFIX.length)}`);
  return asOrder ? `${HAND_OFF_PREFIX}${asOrder.slice(ORDER_NUMBER_PREFIX.length)}` : reference;
}
