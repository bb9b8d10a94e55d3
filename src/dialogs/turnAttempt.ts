import { type TurnContext } from 'botbuilder';

const RERUN = Symbol('repairs.turnRerun');

/**
 * Whether this turn is being run again: an earlier attempt of it lost a state conflict to another instance, and
 * may already have made its Connect calls. Dialogs pass it on as "may already exist", so a booking or an order
 * is looked up before it is made again. Set by the bot's turn runner; kept in turn state (this attempt only).
 */
export function isRerun(context: TurnContext): boolean {
  return context.turnState.get(RERUN) === true;
}

export function markRerun(context: TurnContext): void {
  context.turnState.set(RERUN, true);
}
