import { type ConnectFacade, isConnectError } from '../../connect';
import { type Slot } from '../slots';
import { MAX_ACCESS_NOTES_LENGTH } from './repairReport';

export type BookVisitOutcome =
  | { kind: 'booked'; visitExternalId?: string; slot: Slot }
  /** Connect refused the slot: someone else took it since it was offered. Offer again. */
  | { kind: 'slot-gone' }
  /** Connect did not answer; whether the visit was booked is checked before trying again. */
  | { kind: 'unavailable' };

export interface BookVisitRequest {
  orderNumber: string;
  slot: Slot;
  /** Moving an existing visit rather than booking a new one. */
  visitExternalId?: string;
  accessNotes?: string;
}

/**
 * Booking POST. Connect answers 400 when the slot is no longer free; the spec gives no error code for it, so
 * any refusal of a slot that was free a moment ago is treated as "just taken" and the tenant is offered others.
 */
export async function bookVisit(connect: ConnectFacade, request: BookVisitRequest): Promise<BookVisitOutcome> {
  try {
    const booked = await connect.book({
      PrimaryOrderNumber: request.orderNumber,
      Date: request.slot.date,
      PlanningWindowId: request.slot.planningWindowId,
      VisitExternalId: request.visitExternalId,
      VisitInstructions: request.accessNotes?.slice(0, MAX_ACCESS_NOTES_LENGTH),
    });
    return { kind: 'booked', visitExternalId: booked.VisitExternalId ?? request.visitExternalId, slot: request.slot };
  } catch (error) {
    if (isConnectError(error) && error.isBadRequest()) return { kind: 'slot-gone' };
    if (isConnectError(error)) return { kind: 'unavailable' };
    throw error;
  }
}
