import { ConnectApiError } from '../apiError';
import { planningWindowById } from '../planningWindows';
import { operativeFor } from '../resources';
import { AVAILABILITY, UNAVAILABILITY_TEXT } from '../scheduler';
import { VISIT_STATUS, type Visit } from '../state';
import { requireOpenOrder, requireRealDate, requireVisitOfOrder } from './lookups';
import { outOfHoursAllowed } from './schedulingRules';
import type { OperationHandler } from './types';

/**
 * Booking POST: books a visit in a slot that is available for the order right now (another customer may have
 * taken it since the Availability call), re-books an existing visit when VisitExternalId is given (its old slot is
 * freed), or shelves a visit without a slot when ShelveAppointment is true.
 */
export const SLOT_GONE_MESSAGE = 'The selected slot is no longer available.';

/** Visits that can still be moved: not started, finished or being deleted. */
const MOVABLE = new Set<number>([
  VISIT_STATUS.Planned,
  VISIT_STATUS.Accepted,
  VISIT_STATUS.Booked,
  VISIT_STATUS.Shelved,
]);

export const postBooking: OperationHandler<'postBooking'> = ({ body, office }) => {
  const { state, scheduler, clock } = office;
  const stored = requireOpenOrder(state, body.PrimaryOrderNumber);
  requireRealDate('request.Date', body.Date);
  const window = planningWindowById(body.PlanningWindowId);
  if (!window) {
    throw ConnectApiError.invalid(
      'request.PlanningWindowId',
      `No planning window with Id ${body.PlanningWindowId} exists.`,
    );
  }
  const moving =
    body.VisitExternalId === undefined
      ? undefined
      : requireVisitOfOrder(state, stored, body.VisitExternalId, 'request.VisitExternalId');
  if (moving && !MOVABLE.has(moving.VisitStatus)) {
    throw ConnectApiError.invalid(
      'request.VisitExternalId',
      `The visit '${moving.VisitExternalId}' can no longer be re-appointed.`,
    );
  }
  const shelve = body.ShelveAppointment === true;
  if (!shelve) {
    const verdict = scheduler.verdict(body.Date, window.Id, {
      outOfHoursAllowed: outOfHoursAllowed(stored),
      ignoreWeekends: body.IgnoreWeekends === true,
      movingVisitExternalId: moving?.VisitExternalId,
    });
    if (verdict.status === AVAILABILITY.NotAvailable) {
      const why = verdict.reason ? UNAVAILABILITY_TEXT[verdict.reason] : 'The slot is not available.';
      throw ConnectApiError.badRequest(SLOT_GONE_MESSAGE, {
        'request.Date': [why],
        'request.PlanningWindowId': [`Planning window ${window.Id} (${window.Name}) is not available on ${body.Date}.`],
      });
    }
  }

  const visitExternalId = moving?.VisitExternalId ?? state.nextVisitExternalId();
  const visit: Visit = {
    VisitExternalId: visitExternalId,
    PrimaryOrderNumber: stored.order.PrimaryOrderNumber,
    VisitStatus: shelve ? VISIT_STATUS.Shelved : VISIT_STATUS.Booked,
    ...(shelve
      ? {}
      : {
          slot: { date: body.Date, planningWindowId: window.Id },
          Resource: operativeFor(body.Date, window.Id, visitExternalId),
        }),
    VisitInstructions: body.VisitInstructions ?? moving?.VisitInstructions,
    MessagingPreference: body.MessagingPreference ?? moving?.MessagingPreference,
    bookedAt: clock.now().toISOString(),
  };
  state.visits.set(visitExternalId, visit); // replacing the moved visit frees its old slot

  return {
    status: 200,
    body: {
      PrimaryOrderNumber: stored.order.PrimaryOrderNumber,
      Date: body.Date,
      PlanningWindow: { ...window },
      Duration: body.Duration ?? 60,
      IgnoreWeekends: body.IgnoreWeekends ?? false,
      TwoToAttend: body.TwoToAttend ?? false,
      VisitExternalId: visitExternalId,
      ...(visit.VisitInstructions !== undefined ? { VisitInstructions: visit.VisitInstructions } : {}),
      ...(visit.MessagingPreference !== undefined ? { MessagingPreference: visit.MessagingPreference } : {}),
      LimitByPreferredSkills: body.LimitByPreferredSkills ?? false,
      LimitByPreferredZones: body.LimitByPreferredZones ?? false,
      LimitByValidZoneDays: body.LimitByValidZoneDays ?? false,
      OverrideTargetDate: body.OverrideTargetDate ?? false,
      ...(body.OverrideTargetDateReason !== undefined
        ? { OverrideTargetDateReason: body.OverrideTargetDateReason }
        : {}),
    },
  };
};
