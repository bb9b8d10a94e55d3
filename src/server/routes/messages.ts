import { type CloudAdapter } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { type RepairsBot } from '../../bot/repairsBot';
import { isLoopbackRequest } from '../loopback';
import { isObject } from '../isObject';

export const MESSAGES_PATH = '/api/messages';

export interface MessagesRouteOptions {
  /**
   * Local mode (no MicrosoftAppId): the adapter accepts activities without a token, so only callers on this machine
   * (the Emulator, the tests' channel) are served; anyone else gets a 403 before the body is read. With an app id
   * the CloudAdapter checks the Bot Framework JWT of every request (401 without a valid one).
   */
  loopbackOnly: boolean;
}

const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * The least a turn needs: a type; a channel and a conversation id (the state of a conversation is stored under
 * both: the SDK throws on a missing channel id, and the tenant would get "something went wrong"); and an http(s)
 * serviceUrl, where the replies go. Every Bot Framework channel sends all four.
 */
function looksLikeActivity(body: unknown): boolean {
  return (
    isObject(body) &&
    isText(body.type) &&
    isText(body.channelId) &&
    isObject(body.conversation) &&
    isText(body.conversation.id) &&
    isHttpUrl(body.serviceUrl)
  );
}

function badRequest(res: Response, message: string): void {
  if (!res.headersSent) res.json(400, { code: 'BadRequest', message });
}

/** POST /api/messages: Bot Framework activities from the channels (Web Chat, Teams, the Azure SMS channel). */
export function mountMessages(
  server: Server,
  adapter: CloudAdapter,
  bot: RepairsBot,
  options: MessagesRouteOptions,
): void {
  if (options.loopbackOnly) {
    server.pre((req, res, next) => {
      if (req.getPath().replace(/\/+$/, '') !== MESSAGES_PATH || isLoopbackRequest(req)) return next();
      res.json(403, {
        code: 'Forbidden',
        message: 'This bot runs without Bot Framework credentials and serves this machine only.',
      });
      return next(false);
    });
  }
  server.post(MESSAGES_PATH, async (req: Request, res: Response) => {
    // Without these the adapter throws, or the turn fails, and the channel gets a 500 quoting the SDK.
    if (!looksLikeActivity(req.body))
      return badRequest(
        res,
        'The body must be a Bot Framework activity with a type, a channelId, a conversation and a serviceUrl.',
      );
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch {
      // Errors of a turn are answered by the adapter (onTurnError, or its own 500); what escapes is the SDK's
      // check of the activity's shape, which fails before any turn runs: the request is at fault.
      badRequest(res, 'The body is not a valid Bot Framework activity.');
    }
  });
}
