import { type ConnectFacade, isConnectError, VisitStatus } from '../../connect';
import { type Slot } from '../slots';
import { MAX_ACCESS_NOTES_LENGTH } from './repairReport';

export type BookVisitOutcome =
  | { kind: 'booked'; visitExternalId?: string; slot: Slot }
  /** Connect refused the slot: someone else took it since it was offered. Offer again. */
  | { kind: 'slot-gone' }
  /**
   * Connect did not book it as far as can be told (BookingSummary shows no such visit). `uncertain`: the Booking
   * POST timed out, so Connect may still be working on it and the visit may appear later.
   */
  | { kind: 'unavailable'; uncertain: boolean };

export interface BookVisitRequest {
  orderNumber: string;
  slot: Slot;
  /** Moving an existing visit rather than booking a new one. */
  visitExternalId?: string;
  accessNotes?: string;
  /**
   * An earlier attempt may have booked it already (this turn is being run again after losing a state conflict,
   * or the bot stopped mid-call): BookingSummary is checked first, so the visit is not booked twice.
   */
  mayAlreadyExist?: boolean;
}

/**
 * Booking POST, never sent twice blindly. Connect answers 400 when the slot is no longer free; the spec gives no error code for it, so
 * any refusal of a slot that was free a moment ago is treated as "just taken" and the tenant is offered others.
 */
export async function bookVisit(connect: ConnectFacade, request: BookVisitRequest): Promise<BookVisitOutcome> {
  if (request.mayAlreadyExist) {
    // If the look-up fails, Connect is not answering and the booking below will say so.
    const visit = await bookedVisitOn(connect, request).catch(() => undefined);
    if (visit !== undefined)
      return { kind: 'booked', visitExternalId: visit || request.visitExternalId, slot: request.slot };
  }
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
    // A dropped connection or a 5xx ends the request; a timeout only ends our wait, and Connect may finish it after.
    return visit
      ? { kind: 'booked', visitExternalId: visit, slot: request.slot }
      : { kind: 'unavailable', uncertain: error.kind === 'timeout' };
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
