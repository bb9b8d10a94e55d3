import { type TurnContext } from 'botbuilder';
import { type FunnelDetails, type FunnelEvent, type FunnelEventName } from '../repairs/telemetry';
import { type RepairServices } from '../repairs/repairServices';

/** Set by the turn middleware (src/bot/funnelTurns.ts): events wait for the end of the turn. */
const HOLDING = Symbol('repairs.funnel.holding');
/** Created on first use in each attempt of a turn, so a lost attempt's events go with its turn state. */
const PENDING = Symbol('repairs.funnel.pending');

/**
 * Records a funnel event for this conversation: `trackFunnel(step.context, this.deps.services, 'booked')`.
 *
 * Under the turn middleware the event waits in turn state until the turn is over: a turn that loses a state
 * conflict is run again from the turn state the middleware left (TurnRunner), which drops the events of the lost
 * attempt with it, so a step is counted once however often its turn ran. Without the middleware (dialog tests) the
 * event is recorded at once.
 */
export function trackFunnel<N extends FunnelEventName>(
  context: TurnContext,
  services: Pick<RepairServices, 'funnel'>,
  name: N,
  ...detail: FunnelDetails[N] extends Record<string, never> ? [] : [FunnelDetails[N]]
): void {
  const conversation = { channel: context.activity.channelId, id: context.activity.conversation?.id ?? '' };
  const event = services.funnel.event(conversation, name, ...detail);
  if (!context.turnState.get(HOLDING)) {
    services.funnel.record(event);
    return;
  }
  let pending = context.turnState.get(PENDING) as
    { funnel: RepairServices['funnel']; events: FunnelEvent[] } | undefined;
  if (!pending) {
    pending = { funnel: services.funnel, events: [] };
    context.turnState.set(PENDING, pending);
  }
  pending.events.push(event);
}

/** Called by the middleware before the turn: hold this turn's events until `releaseFunnelEvents`. */
export function holdFunnelEvents(context: TurnContext): void {
  context.turnState.set(HOLDING, true);
}

/** Called by the middleware after the turn: records what the turn's last (saved) attempt tracked. */
export function releaseFunnelEvents(context: TurnContext): void {
  const pending = context.turnState.get(PENDING) as
    { funnel: RepairServices['funnel']; events: FunnelEvent[] } | undefined;
  context.turnState.delete(PENDING);
  context.turnState.delete(HOLDING);
  for (const event of pending?.events ?? []) pending?.funnel.record(event);
}
