import { type ConnectFacade, isConnectError, VisitStatus } from '../../connect';
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
 * Booking POST, never sent twice blindly. Connect answers 400 when the slot is no longer free; the spec gives no error code for it, so
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
    if (!isConnectError(error)) throw error;
    // Timeout, dropped connection, 5xx: the booking may have been made all the same. Look before saying it was not.
    const visit = await bookedVisitOn(connect, request).catch(() => undefined);
    return visit ? { kind: 'booked', visitExternalId: visit, slot: request.slot } : { kind: 'unavailable' };
  }
}

/** The order's visit booked on the slot's day, if Connect has one (BookingSummary GET by order number). */
async function bookedVisitOn(connect: ConnectFacade, request: BookVisitRequest): Promise<string | undefined> {
  const summary = await connect.getBookingSummary({ primaryOrderNumber: request.orderNumber });
  const visit = (summary.Appointments ?? []).find(
    (a) =>
      a.VisitStatus === VisitStatus.Booked &&
      a.PlanningWindowStart?.slice(0, 10) === request.slot.date &&
      (request.visitExternalId === undefined || a.VisitExternalId === request.visitExternalId),
  );
  return visit ? (visit.VisitExternalId ?? request.visitExternalId ?? '') : undefined;
}
