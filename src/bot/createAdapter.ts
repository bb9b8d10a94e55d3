import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ShowTypingMiddleware,
  type TurnContext,
} from 'botbuilder';
import { type Logger } from '../logging/logger';

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
export function createAdapter(credentials: BotCredentials, logger: Logger, fallbackPhone: string): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  // Connect calls can take a few seconds: show "typing…" after half a second, and keep it up.
  adapter.use(new ShowTypingMiddleware(500, 2000));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
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
  };
  return adapter;
}
