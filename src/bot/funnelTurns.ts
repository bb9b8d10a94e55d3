import { type Middleware, type TurnContext } from 'botbuilder';
import { holdFunnelEvents, releaseFunnelEvents } from '../dialogs/funnel';

/**
 * Records the funnel events of a turn when the turn is over (see trackFunnel): only what the attempt whose state
 * was saved tracked, so a turn run again after a state conflict counts its steps once. A turn that fails still
 * records what happened before the failure (an order created in Connect is created).
 */
export class FunnelTurns implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    holdFunnelEvents(context);
    try {
      await next();
    } finally {
      releaseFunnelEvents(context);
    }
  }
}
