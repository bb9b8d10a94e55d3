import { type IsoDate } from './calendarDate';
import { englandAndWales, type WorkingCalendar } from './workingDays';
import { DEFAULT_ZONE, instantAt, localDateOf } from './zone';

/** How long a priority gives the landlord: elapsed hours (immediate, emergency) or working days (urgent, routine). */
export type PriorityTarget = { hours: number } | { workingDays: number };

const END_OF_DAY_MINUTES = 23 * 60 + 59;

/**
 * The date Connect's TargetDateUTC carries: 'yyyy-MM-dd', a day in UTC. Both kinds of target first become a
 * deadline instant, and the answer is that instant's UTC calendar day:
 *
 * - `{ hours }` counts real elapsed hours from `raisedAt`, weekends and bank holidays included (an emergency does
 *   not wait for Monday): 24 hours from Friday 16:00 is Saturday 16:00, so Saturday. Across a clock change the
 *   hours stay real hours. Near midnight in summer the UTC day can be the London day before (00:30 BST on a
 *   Tuesday is 23:30 UTC on Monday); the UTC day is what the field asks for, and it is the stricter reading.
 * - `{ workingDays }` counts whole working days in `zone` after the day the order was raised (the raising day
 *   never counts, whatever the hour): the deadline is the end of that day on the landlord's wall clock. London is
 *   never ahead of UTC by a whole day, so the UTC day of 23:59 London is the same calendar day.
 *   Routine 28 working days from 1 December 2026 step over 25 and 28 December (Boxing Day's substitute) and 1
 *   January.
 */
export function targetDate(
  target: PriorityTarget,
  raisedAt: Date,
  zone: string = DEFAULT_ZONE,
  calendar: WorkingCalendar = englandAndWales,
): IsoDate {
  const deadline =
    'hours' in target
      ? new Date(raisedAt.getTime() + target.hours * 3_600_000)
      : instantAt(calendar.addWorkingDays(localDateOf(raisedAt, zone), target.workingDays), END_OF_DAY_MINUTES, zone);
  return deadline.toISOString().slice(0, 10);
}
