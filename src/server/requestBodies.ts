import restify, { type Request, type RequestHandler, type Response, type Server } from 'restify';

/**
 * Body size limits by route, the largest first needed. Bodies are read and parsed as JSON only (activities, Direct
 * Line calls); the signed routes (/api/sms, /api/connect/events) read their own bytes with their own limits first
 * (rawBody.ts), and nothing is parsed as multipart or forms, so no upload reaches the disk.
 *
 * - /api/messages and a Direct Line activity: 64 KB. They carry what a tenant typed or clicked; the largest message
 *   Teams lets a person send is about 28 KB with its formatting, Web Chat's activities are a few KB, card submits
 *   less. 64 KB is twice the largest real one and a quarter of the old global limit.
 * - The local Bot Connector reply routes: 256 KB. They carry the bot's own replies (cards, lists of slots) to the
 *   local Direct Line, from this process, on loopback.
 * - Anything else (token and conversation starts, the lead's token route, routes added later): 16 KB, for a route
 *   that reads no body or a small one.
 */
export const MESSAGES_MAX_BODY_BYTES = 64 * 1024;
export const CONNECTOR_REPLY_MAX_BODY_BYTES = 256 * 1024;
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

const LIMITS: readonly { test: (path: string) => boolean; bytes: number }[] = [
  { test: (p) => p === '/api/messages', bytes: MESSAGES_MAX_BODY_BYTES },
  { test: (p) => p.startsWith('/v3/directline/connector/'), bytes: CONNECTOR_REPLY_MAX_BODY_BYTES },
  { test: (p) => /^\/v3\/directline\/conversations\/[^/]+\/activities$/.test(p), bytes: MESSAGES_MAX_BODY_BYTES },
];

/** The body limit of a route, by its path as registered (e.g. '/v3/directline/conversations/:conversationId/activities'). */
export function bodyLimitFor(routePath: string): number {
  return LIMITS.find((limit) => limit.test(routePath))?.bytes ?? DEFAULT_MAX_BODY_BYTES;
}

type Chain = RequestHandler[];

function runChain(chain: Chain, req: Request, res: Response, next: (err?: unknown) => void, index = 0): void {
  const handler = chain[index];
  if (!handler) return next();
  handler(req, res, (err?: unknown) => {
    if (err !== undefined && err !== null && err !== true) return next(err);
    return runChain(chain, req, res, next, index + 1);
  });
}

/**
 * Reads and parses request bodies after routing, with the limit of the route that matched (413 over it). A body
 * with a Content-Encoding is refused (415) before it is read: restify would gunzip it and count only the compressed
 * bytes against the limit, so a small gzip could unpack into hundreds of megabytes. No channel compresses requests.
 */
export function parseBodies(server: Server): void {
  const chains = new Map<number, Chain>();
  const chainFor = (bytes: number): Chain => {
    let chain = chains.get(bytes);
    if (!chain) {
      // The reader with the route's limit, then JSON only (the parser told not to add a reader of its own).
      chain = [
        restify.plugins.bodyReader({ maxBodySize: bytes }),
        ...restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true }),
      ];
      chains.set(bytes, chain);
    }
    return chain;
  };
  server.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding !== 'identity' && !(req as { _readBody?: boolean })._readBody) {
      res.json(415, { code: 'UnsupportedMediaType', message: 'Request bodies must not be compressed.' });
      return next(false);
    }
    const path = String(req.getRoute()?.path ?? '');
    runChain(chainFor(bodyLimitFor(path)), req, res, next);
  });
}
