import { type BotAdapter } from 'botbuilder';
import { type Logger } from '../logging/logger';
import { FunnelTurns } from './funnelTurns';
import { TurnLogging } from './turnLogging';
import { SmsTextMiddleware } from './twilio/smsTextMiddleware';

/**
 * The middleware every turn of the Bot Framework adapter runs through, besides the adapter's own (typing, the
 * slow-reply notice: createAdapter). One place, so that the bench's echo bot (the floor) runs exactly the same.
 */
export function useTurnMiddleware(adapter: BotAdapter, logger: Logger): void {
  // A request id on every log line of a turn; the turn's funnel events recorded once its state is saved.
  adapter.use(new TurnLogging(logger.child({ component: 'turn' })), new FunnelTurns());
  // The Azure Bot Service SMS channel gets the same plain GSM-7 texts as Twilio.
  adapter.use(new SmsTextMiddleware());
}
