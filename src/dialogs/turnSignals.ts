import { type TurnContext } from 'botbuilder';
import { type EmergencyMatch } from '../repairs/emergencies';

/**
 * What an interruption asks the main dialog to do once the stack has been cleared: start again, or deal with an
 * emergency first. Kept in turn state (this turn only), read by MainDialog.run.
 */
export interface TurnSignals {
  restart?: boolean;
  emergency?: EmergencyMatch;
}

const KEY = Symbol('repairs.turnSignals');

export function turnSignals(context: TurnContext): TurnSignals {
  let signals = context.turnState.get(KEY) as TurnSignals | undefined;
  if (!signals) {
    signals = {};
    context.turnState.set(KEY, signals);
  }
  return signals;
}
