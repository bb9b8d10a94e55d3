/**
 * Inbound activity ids already handled in a conversation, kept in the conversation's own state so that every
 * instance sees them and the record is saved in the same write as the step it guards. A channel that delivers a
 * message twice (a retry after a timeout, a duplicate from a load balancer) gets one answer.
 */
export const HANDLED_PROPERTY = 'handledActivities';

/** Enough to cover any redelivery window; older ids fall off so the state stays small. */
export const HANDLED_LIMIT = 50;

/** An activity id and the turn that took it on: a re-run of that same turn must not count as a duplicate. */
export interface HandledActivity {
  id: string;
  turn: string;
}

type WithHandled = { [HANDLED_PROPERTY]?: HandledActivity[] };

/** Whether another turn already handled (or, in a saved mid-turn step, is handling) this activity. */
export function handledByAnotherTurn(state: object, activityId: string, turn: string): boolean {
  const handled = (state as WithHandled)[HANDLED_PROPERTY] ?? [];
  return handled.some((entry) => entry.id === activityId && entry.turn !== turn);
}

/** Records the activity as taken on by this turn; saved with the turn's state. */
export function markHandled(state: object, activityId: string, turn: string): void {
  const target = state as WithHandled;
  const handled = (target[HANDLED_PROPERTY] ?? []).filter((entry) => entry.id !== activityId);
  handled.push({ id: activityId, turn });
  target[HANDLED_PROPERTY] = handled.slice(-HANDLED_LIMIT);
}
