import { availabilityAnswer } from './availabilityDays';
import { requireOpenOrder, requireRealDate, requireVisitOfOrder, today } from './lookups';
import { outOfHoursAllowed } from './schedulingRules';
import type { OperationHandler } from './types';

/** Availability GET: every planning window of whole Monday–Sunday weeks, judged for this order. */
export const getAvailability: OperationHandler<'getAvailability'> = ({ query, office }) => {
  const { state, scheduler } = office;
  const stored = requireOpenOrder(state, query.PrimaryOrderNumber);
  requireRealDate('request.Date', query.Date);
  if (query.VisitExternalId !== undefined) {
    requireVisitOfOrder(state, stored, query.VisitExternalId, 'request.VisitExternalId');
  }
  const date = query.Date ?? today(office);
  const weeks = query.NumberOfWeeks ?? 1;
  const answer = availabilityAnswer(scheduler, date, weeks, {
    outOfHoursAllowed: outOfHoursAllowed(stored),
    ignoreWeekends: query.IgnoreWeekends === true,
    movingVisitExternalId: query.VisitExternalId,
  });
  return { status: 200, body: { Availability: { ...query, Date: date, NumberOfWeeks: weeks }, ...answer } };
};
