/**
 * A claim on a conversation by the turn running it, written into the conversation's own state (with the eTag it was
 * read with) before the turn starts, so that a message of the same conversation arriving at another instance waits
 * for this turn instead of running on the same state and calling Connect a second time. It lapses on its own if
 * the instance dies mid-turn, and the turn's final save removes it.
 */
export const LEASE_PROPERTY = 'turnLease';

/** Longer than any turn takes (Connect's timeout is 10 s a call), short enough that a crash blocks little. */
export const LEASE_MS = 30_000;

export interface TurnLease {
  turn: string;
  /** Wall-clock ms (not the bot's business clock, which tests fix). */
  until: number;
}

/** Another turn of the conversation is running (or its instance died less than LEASE_MS ago): wait and retry. */
export class ConversationBusyError extends Error {
  constructor() {
    super('Another turn of this conversation is running');
    this.name = 'ConversationBusyError';
  }
}

type WithLease = { [LEASE_PROPERTY]?: TurnLease };

export function heldByAnotherTurn(state: object, turn: string, now: number): boolean {
  const lease = (state as WithLease)[LEASE_PROPERTY];
  return lease !== undefined && lease.turn !== turn && lease.until > now;
}

export function takeLease(state: object, turn: string, now: number): void {
  (state as WithLease)[LEASE_PROPERTY] = { turn, until: now + LEASE_MS };
}

export function dropLease(state: object): void {
  delete (state as WithLease)[LEASE_PROPERTY];
}
