import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { type Logger } from '../../logging/logger';
import { isObject } from '../isObject';

export const DIRECT_LINE_TOKEN_PATH = '/api/directline/token';

export interface DirectLineTokenOptions {
  /** The Direct Line channel's secret: sent to Direct Line only, never to a browser. */
  secret: string;
  /** Direct Line's base URL, e.g. https://europe.directline.botframework.com/v3/directline. */
  domain: string;
  /** Origins allowed to use the tokens (the housing website); Direct Line refuses a token used elsewhere. */
  trustedOrigins: string[];
  /** Tokens a caller may get per minute. */
  tokensPerMinute: number;
  logger: Logger;
  /** How long Direct Line gets to answer before the widget is told to try later. */
  timeoutMs?: number;
}

/** What the widget gets: a token for one conversation, and where to use it. */
interface TokenAnswer {
  token: string;
  conversationId: string;
  expires_in: number;
  domain: string;
}

/**
 * The caller to count against the limit. App Service's front end appends the client's address to
 * X-Forwarded-For, so the last entry is the one a client cannot choose; without a proxy it is the socket's peer.
 */
function callerOf(req: Request): string {
  const forwarded = req.headers['x-forwarded-for'];
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',');
  const last = list[list.length - 1]?.trim();
  // App Service adds the port ("203.0.113.9:51234"); IPv6 comes in brackets ("[2001:db8::1]:51234").
  const address = last ? last.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^([\d.]+):\d+$/, '$1') : '';
  return address || req.socket.remoteAddress || 'unknown';
}

/**
 * POST /api/directline/token: trades the Direct Line secret for a token good for one new conversation
 * (Direct Line's tokens/generate), with a fresh `dl_` user id so that Direct Line's enhanced authentication
 * accepts it and no two visitors share an id. Rate-limited per caller and overall, so a script cannot spend the
 * channel's quota or open conversations in bulk.
 */
export function mountDirectLineToken(server: Server, options: DirectLineTokenOptions): void {
  const perCaller = new RateLimiterMemory({ points: options.tokensPerMinute, duration: 60 });
  // Everyone together: a storm brings many tenants at once, but not thousands of new chats a minute.
  const overall = new RateLimiterMemory({ points: Math.max(600, options.tokensPerMinute * 60), duration: 60 });
  const timeoutMs = options.timeoutMs ?? 5000;

  server.post(DIRECT_LINE_TOKEN_PATH, async (req: Request, res: Response) => {
    try {
      await perCaller.consume(callerOf(req));
      await overall.consume('all');
    } catch (limit) {
      const wait = limit instanceof RateLimiterRes ? Math.ceil(limit.msBeforeNext / 1000) : 60;
      res.header('Retry-After', String(Math.max(1, wait)));
      res.json(429, { code: 'TooManyRequests', message: 'Too many chats started from here; try again in a minute.' });
      return;
    }
    const userId = `dl_${randomUUID()}`;
    let answer: TokenAnswer;
    try {
      const response = await fetch(`${options.domain}/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          user: { id: userId },
          ...(options.trustedOrigins.length > 0 ? { trustedOrigins: options.trustedOrigins } : {}),
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`Direct Line answered ${response.status}`);
      const body: unknown = await response.json();
      if (!isObject(body) || typeof body.token !== 'string' || typeof body.conversationId !== 'string')
        throw new Error('Direct Line answered without a token');
      answer = {
        token: body.token,
        conversationId: body.conversationId,
        expires_in: typeof body.expires_in === 'number' ? body.expires_in : 3600,
        domain: options.domain,
      };
    } catch (error) {
      // Never the secret, never the token: which failure it was is enough to act on.
      options.logger.warn(
        { err: { name: (error as Error).name, message: (error as Error).message } },
        'no Direct Line token',
      );
      res.json(502, { code: 'DirectLineUnavailable', message: 'The chat service is not available just now.' });
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(200, answer);
  });
}
