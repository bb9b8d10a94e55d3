import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { type Logger } from '../logging/logger';
import { SlowReplyNotice } from './slowReplyNotice';
import { TypingIndicator } from './typingIndicator';

export interface BotCredentials {
  appId?: string;
  appPassword?: string;
  appType: string;
  tenantId?: string;
}

/**
 * CloudAdapter with Bot Framework authentication from settings. With no app id it runs in local mode, as the
 * Emulator does: inbound requests carry no token and replies go to the caller's serviceUrl unauthenticated.
 */
export function createAdapter(
  credentials: BotCredentials,
  logger: Logger,
  fallbackPhone: string,
  options: { slowReplyNoticeMs?: number } = {},
): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  // Connect calls can take a few seconds: show "typing…" after half a second, and keep it up.
  adapter.use(new TypingIndicator(500, 2000));
  // ...and when a turn is still busy after a few seconds, say so in words (see SlowReplyNotice).
  if (options.slowReplyNoticeMs !== undefined) adapter.use(new SlowReplyNotice(options.slowReplyNoticeMs));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // A turn the bot began itself (a proactive message, ContinueConversation): its caller must hear that the
    // channel could not be reached (Connect gets a 502 and sends the update again), so then the failure is thrown.
    let proactive = false;
    try {
      proactive = context.activity.type === 'event' && context.activity.name === 'ContinueConversation';
      // The error's name and where it happened only: its message may quote what the tenant typed.
      logger.error(
        {
          err: { name: error.name, stack: error.stack?.split('\n').slice(1, 6).join('\n') },
          channel: context.activity.channelId,
        },
        'turn failed',
      );
      // State is not saved for a failed turn: the last good step stays stored, and sending the message again
      // runs that step again.
      await context.sendActivity(
        `Sorry, something went wrong on our side. What you have told me so far is kept: please send your last message again. If it keeps happening, call us on ${fallbackPhone}.`,
      );
    } catch (handlerError) {
      if (proactive) throw handlerError;
      // The channel cannot be reached, or the turn has already ended (its context revoked). Otherwise this handler
      // must not throw: the SDK's typing indicator calls it from a timer, where a rejection is unhandled and would
      // end the process (test/security/logScan.test.ts posts a turn whose channel is unreachable).
      logger.warn({ err: { name: (handlerError as Error).name } }, 'turn failed: the apology could not be sent');
    }
  };
  return adapter;
}
