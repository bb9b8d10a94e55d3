import { randomUUID } from 'node:crypto';
import { type Middleware, type TurnContext } from 'botbuilder';
import { type Logger } from '../logging/logger';
import { withLogContext } from '../logging/logContext';

const TURN_LOGGER = Symbol('repairs.turnLogger');

/**
 * Gives every turn a request id (`turnId`, random: the channel's activity id can carry the conversation id) and
 * runs the turn inside it, so every line logged during the turn, by the bot, the dialogs or the Connect client,
 * carries it without being handed a logger. Logs the turn's end with its duration and outcome: ids, channel and
 * activity type only, never the tenant's text.
 */
export class TurnLogging implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const turnId = randomUUID();
    const started = Date.now();
    const fields = { channel: context.activity.channelId, activityType: context.activity.type };
    await withLogContext({ turnId }, async () => {
      context.turnState.set(TURN_LOGGER, this.logger);
      try {
        await next();
        this.logger.debug({ ...fields, durationMs: Date.now() - started }, 'turn done');
      } catch (error) {
        this.logger.warn(
          { ...fields, durationMs: Date.now() - started, err: { name: (error as Error)?.name } },
          'turn failed',
        );
        throw error;
      }
    });
  }
}

/** The logger for code that logs during a turn; its lines carry the turn's id. */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(TURN_LOGGER) as Logger | undefined) ?? fallback;
}
