import { availabilityAnswer } from './availabilityDays';
import { requireRealDate, today } from './lookups';
import type { OperationHandler } from './types';

/**
 * AvailabilityByTrade POST: availability without an order (skills and postcode are accepted but every operative
 * is assumed to have them). With no order there is no emergency, so OUT OF HOURS is never offered.
 */
export const postAvailabilityByTrade: OperationHandler<'postAvailabilityByTrade'> = ({ body, office }) => {
  requireRealDate('request.Date', body.Date);
  requireRealDate('request.TargetDate', body.TargetDate);
  const date = body.Date ?? today(office);
  const weeks = body.NumberOfWeeks ?? 1;
  const answer = availabilityAnswer(office.scheduler, date, weeks, { outOfHoursAllowed: false, ignoreWeekends: false });
  return { status: 200, body: { Availability: { ...body, Date: date, NumberOfWeeks: weeks }, ...answer } };
};
