import { type CloudAdapter } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { type RepairsBot } from '../../bot/repairsBot';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/** A type and a conversation id: the least a turn needs (the state of a conversation is stored under its id). */
function looksLikeActivity(body: unknown): boolean {
  return isObject(body) && isText(body.type) && isObject(body.conversation) && isText(body.conversation.id);
}

function badRequest(res: Response, message: string): void {
  if (!res.headersSent) res.json(400, { code: 'BadRequest', message });
}

/** POST /api/messages: Bot Framework activities from the channels (Web Chat, Teams, the Azure SMS channel). */
export function mountMessages(server: Server, adapter: CloudAdapter, bot: RepairsBot): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    // Without these the adapter throws, or the turn fails, and the channel gets a 500 quoting the SDK.
    if (!looksLikeActivity(req.body))
      return badRequest(res, 'The body must be a Bot Framework activity with a type and a conversation.');
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch {
      // Errors of a turn are answered by the adapter (onTurnError, or its own 500); what escapes is the SDK's
      // check of the activity's shape, which fails before any turn runs: the request is at fault.
      badRequest(res, 'The body is not a valid Bot Framework activity.');
    }
  });
}
