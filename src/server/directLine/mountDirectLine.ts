import { type Activity, type CloudAdapter } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { type RepairsBot } from '../../bot/repairsBot';
import { isLoopbackRequest } from '../loopback';
import { ConversationStore, type LocalConversation, TOKEN_LIFETIME_SECONDS, tokensMatch } from './conversationStore';
import { isObject } from '../isObject';

export const DIRECT_LINE_PATH = '/v3/directline';
/** Where the bot sends its replies: this server plays the Bot Connector service for the local conversations. */
export const CONNECTOR_PATH = `${DIRECT_LINE_PATH}/connector`;

export const BOT_ACCOUNT = { id: 'repairs-bot', name: 'Repairs bot', role: 'bot' } as const;

export interface DirectLineOptions {
  adapter: CloudAdapter;
  bot: RepairsBot;
  /** Loopback only, always: the local Direct Line has no channel authentication and is for this machine's browser. */
  store?: ConversationStore;
}

function fail(res: Response, status: number, code: string, message: string): void {
  if (!res.headersSent) res.json(status, { error: { code, message } });
}

function bearer(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

function conversationJson(conversation: LocalConversation) {
  // No streamUrl: Web Chat polls (createDirectLine({ webSocket: false })).
  return {
    conversationId: conversation.id,
    token: conversation.token,
    expires_in: TOKEN_LIFETIME_SECONDS,
    streamUrl: undefined,
  };
}

/**
 * A local Direct Line 3.0 endpoint (the subset Web Chat uses, polling) for when no Bot Framework app is configured:
 * the widget on the demo page talks to the bot on this machine with no Azure Bot Service in between.
 *
 * - POST /v3/directline/tokens/generate and POST /v3/directline/conversations start a conversation (a random token
 *   of its own); POST /v3/directline/tokens/refresh answers the same token with a new lifetime.
 * - POST /v3/directline/conversations/:id/activities hands the activity to the bot through the CloudAdapter as
 *   channel 'directline', with a serviceUrl that points at CONNECTOR_PATH on this server; the bot's replies land there
 *   (the Bot Connector reply routes) and join the conversation's list.
 * - GET /v3/directline/conversations/:id/activities?watermark=N answers what came after position N.
 *
 * Every call of a conversation needs its token (Authorization: Bearer). Only loopback clients are served.
 */
export function mountDirectLine(server: Server, options: DirectLineOptions): ConversationStore {
  const store = options.store ?? new ConversationStore();
  const { adapter, bot } = options;

  const serviceUrlOf = (req: Request) => `http://127.0.0.1:${req.socket.localPort}${CONNECTOR_PATH}/`;

  async function runTurn(req: Request, conversation: LocalConversation, activity: Partial<Activity>): Promise<void> {
    const full = {
      ...activity,
      channelId: 'directline',
      serviceUrl: serviceUrlOf(req),
      conversation: { id: conversation.id },
      recipient: BOT_ACCOUNT,
      locale: activity.locale ?? 'en-GB',
    } as Activity;
    // Local mode: the adapter accepts an activity without a token and replies to serviceUrl unauthenticated.
    await adapter.processActivityDirect('', full, (context) => bot.run(context));
  }

  /** The conversation named in the URL, if the caller holds its token; otherwise answers the refusal. */
  function authorised(req: Request, res: Response): LocalConversation | undefined {
    const conversation = store.get(String(req.params.conversationId ?? ''));
    const token = bearer(req);
    if (!token) return void fail(res, 401, 'Unauthorized', 'Authorization: Bearer <token> is required.');
    if (!conversation) return void fail(res, 404, 'NotFound', 'There is no such conversation.');
    if (!tokensMatch(conversation.token, token))
      return void fail(res, 403, 'Forbidden', 'The token is not the token of this conversation.');
    return conversation;
  }

  // Loopback only, for every route under the Direct Line path.
  server.pre((req, res, next) => {
    if ((req.url ?? '').startsWith(DIRECT_LINE_PATH) && !isLoopbackRequest(req)) {
      res.json(403, { error: { code: 'Forbidden', message: 'The local Direct Line serves this machine only.' } });
      return next(false);
    }
    return next();
  });

  async function start(req: Request, res: Response, conversation: LocalConversation): Promise<void> {
    if (!conversation.started) {
      conversation.started = true;
      // As the Direct Line service does: the bot hears that the user joined, and says its welcome.
      try {
        await runTurn(req, conversation, {
          type: 'conversationUpdate',
          id: `${conversation.id}|join`,
          from: { id: `user-${conversation.id}`, role: 'user' } as Activity['from'],
          membersAdded: [BOT_ACCOUNT, { id: `user-${conversation.id}`, role: 'user' }] as Activity['membersAdded'],
          timestamp: new Date(),
        });
      } catch {
        // The welcome is a courtesy: the conversation works without it.
      }
    }
    res.json(201, conversationJson(conversation));
  }

  server.post(`${DIRECT_LINE_PATH}/tokens/generate`, async (_req: Request, res: Response) => {
    const conversation = store.create();
    res.json(200, conversationJson(conversation));
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
    const conversation = store.byToken(bearer(req) ?? '');
    if (!conversation) return fail(res, 403, 'Forbidden', 'The token is not known.');
    res.json(200, conversationJson(conversation));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations`, async (req: Request, res: Response) => {
    // A token from tokens/generate starts its own conversation; no token starts a new one (this machine only).
    const token = bearer(req);
    const conversation = token ? store.byToken(token) : store.create();
    if (!conversation) return fail(res, 403, 'Forbidden', 'The token is not known.');
    await start(req, res, conversation);
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const conversation = authorised(req, res);
    if (conversation) res.json(200, conversationJson(conversation));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const conversation = authorised(req, res);
    if (!conversation) return;
    const body: unknown = req.body;
    if (!isObject(body) || typeof body.type !== 'string')
      return fail(res, 400, 'BadArgument', 'The body must be an activity with a type.');
    if (store.isFull(conversation))
      return fail(res, 429, 'TooManyActivities', 'This conversation is full; start a new one.');
    const from = isObject(body.from) && typeof body.from.id === 'string' ? body.from : {};
    const activity = {
      ...body,
      from: { ...from, id: (from.id as string | undefined) ?? `user-${conversation.id}`, role: 'user' },
      conversation: { id: conversation.id },
      channelId: 'directline',
      timestamp: new Date().toISOString(),
      // clientActivityID stays in channelData: Web Chat matches the echo to what it sent by it.
      channelData: isObject(body.channelData) ? body.channelData : undefined,
    };
    delete (activity as Record<string, unknown>).id;
    const id = store.append(conversation, activity);
    // Answer at once; the replies come through the connector routes and the next poll picks them up.
    res.json(200, { id });
    try {
      await runTurn(req, conversation, { ...(activity as unknown as Partial<Activity>), id, timestamp: new Date() });
    } catch {
      // A failed turn is answered by the adapter's onTurnError; anything else is the activity's shape.
    }
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const conversation = authorised(req, res);
    if (!conversation) return;
    const query = isObject(req.query) ? req.query : {};
    const watermark = Number.parseInt(String(query.watermark ?? '0'), 10);
    const from = Number.isFinite(watermark) && watermark > 0 ? Math.min(watermark, conversation.activities.length) : 0;
    res.json(200, {
      activities: conversation.activities.slice(from),
      watermark: String(conversation.activities.length),
    });
  });

  // The Bot Connector reply routes, for the bot's replies to local conversations.
  const reply = async (req: Request, res: Response) => {
    const conversation = store.get(String(req.params.conversationId ?? ''));
    if (!conversation) return fail(res, 404, 'NotFound', 'There is no such conversation.');
    if (!isObject(req.body)) return fail(res, 400, 'BadArgument', 'The body must be an activity.');
    const id = store.append(conversation, {
      ...req.body,
      from: BOT_ACCOUNT,
      conversation: { id: conversation.id },
      timestamp: new Date().toISOString(),
    });
    res.json(200, { id });
  };
  server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities`, reply);
  server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities/:replyToId`, reply);

  return store;
}
