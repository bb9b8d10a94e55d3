import { VisitStatus } from '../../connect';

/** A visit's status in the bot's words: Connect's VisitStatus, one name each. */
export type VisitState =
  'planned' | 'accepted' | 'started' | 'completed' | 'cancelled' | 'booked' | 'on-hold' | 'unknown';

const STATES: Record<number, VisitState> = {
  [VisitStatus.Planned]: 'planned',
  [VisitStatus.Accepted]: 'accepted',
  [VisitStatus.Started]: 'started',
  [VisitStatus.Completed]: 'completed',
  [VisitStatus.PendingDeletion]: 'cancelled',
  [VisitStatus.Booked]: 'booked',
  [VisitStatus.Shelved]: 'on-hold',
};

export function visitStateOf(status: number | undefined): VisitState {
  return (status !== undefined && STATES[status]) || 'unknown';
}

/** What the tenant reads as the visit's status. */
export const VISIT_STATE_WORDS: Record<VisitState, string> = {
  booked: 'Booked',
  planned: 'Planned',
  accepted: 'Confirmed by the engineer',
  started: 'On the way',
  completed: 'Completed',
  cancelled: 'Cancelled',
  'on-hold': 'On hold',
  unknown: 'Status not known',
};

/** A visit that is over or will not happen: nothing more can be done with it. */
export function isHistory(state: VisitState): boolean {
  return state === 'completed' || state === 'cancelled';
}
