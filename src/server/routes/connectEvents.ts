import type { Request, Response, Server } from 'restify';
import { type ConnectEvent } from '../../repairs/events';
import { type Clock } from '../../repairs/time';
import { type BotApiContract, CONNECT_EVENTS_PATH } from '../botApiContract';
import { ReplayGuard, verifyDelivery } from '../deliverySignature';
import { captureRawBody, rawBodyOf } from '../rawBody';

/** Connect's updates are a few hundred bytes; anything near this is not one. */
export const EVENTS_MAX_BODY_BYTES = 64 * 1024;

export interface ConnectEventsRouteOptions {
  /** CONNECT_EVENTS_SECRET, or the random one given to the embedded simulator. */
  secret: string;
  contract: BotApiContract;
  clock: Clock;
  /** Takes an accepted event for background handling; false when it cannot take more now. */
  accept(event: ConnectEvent): boolean;
  logger: { warn(obj: object, msg?: string): void };
}

const AUTH_MESSAGES = {
  missing: 'The X-Connect-Timestamp and X-Connect-Signature headers are required.',
  malformed: 'X-Connect-Timestamp must be unix seconds and X-Connect-Signature sha256=<64 hex digits>.',
  stale: 'The timestamp is more than 5 minutes from now; sign the delivery again.',
  mismatch: 'The signature does not match the body.',
} as const;

/** Answers a refusal; returns nothing, as restify wants of an async handler. */
function refuse(res: Response, status: number, code: string, message: string): void {
  res.json(status, { code, message });
}

const isJson = (contentType: string | undefined) =>
  /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test((contentType ?? '').trim());

/**
 * POST /api/connect/events: the web service Connect calls with updates to the bot's orders (botApi.yaml). In this
 * order: size (413), signature and timestamp (401), replay of an accepted delivery (409), media type (415), JSON and
 * contract (400); then 202 at once, and the event goes to the background queue (503 if it is full). Bodies are never
 * logged: they name orders and visits; what was refused is logged with the reason only.
 */
export function mountConnectEvents(server: Server, options: ConnectEventsRouteOptions): void {
  captureRawBody(server, 'POST', CONNECT_EVENTS_PATH, EVENTS_MAX_BODY_BYTES);
  const replays = new ReplayGuard();

  server.post(CONNECT_EVENTS_PATH, async (req: Request, res: Response) => {
    const raw = rawBodyOf(req);
    if (!raw) return refuse(res, 500, 'InternalError', 'The body was not captured.');
    if (raw.tooLarge) {
      res.setHeader('Connection', 'close');
      return refuse(res, 413, 'PayloadTooLarge', `The body is larger than ${EVENTS_MAX_BODY_BYTES} bytes.`);
    }
    const now = options.clock.now();
    const verdict = verifyDelivery({ secret: options.secret, headers: req.headers, rawBody: raw.bytes, now });
    if (!verdict.ok) {
      options.logger.warn({ reason: verdict.reason }, 'Connect event refused: not authenticated');
      return refuse(res, 401, 'Unauthorized', AUTH_MESSAGES[verdict.reason]);
    }
    if (replays.seen(verdict.signature, now)) {
      options.logger.warn({ reason: 'replay' }, 'Connect event refused: replay');
      return refuse(res, 409, 'Replay', 'This delivery was received already; to send the event again, sign it again.');
    }
    const encoding = req.headers['content-encoding'];
    if (!isJson(req.headers['content-type']) || (encoding !== undefined && encoding !== 'identity')) {
      return refuse(res, 415, 'UnsupportedMediaType', 'The body must be application/json, not encoded.');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.bytes.toString('utf8'));
    } catch {
      return refuse(res, 400, 'BadRequest', 'The body is not JSON.');
    }
    const checked = options.contract.checkConnectEvent(body);
    if (!checked.valid) {
      options.logger.warn({ problems: checked.problems }, 'Connect event refused: not a ConnectEvent');
      return refuse(res, 400, 'BadRequest', `The body is not a ConnectEvent: ${checked.problems.join('; ')}.`);
    }
    if (!options.accept(checked.event)) {
      res.setHeader('Retry-After', '30');
      return refuse(res, 503, 'Busy', 'Too many updates are waiting; send this one again later.');
    }
    // Only an accepted delivery counts for replays: one refused (400, 503) may be sent again as it was.
    replays.remember(verdict.signature, verdict.timestamp);
    res.json(202, { status: 'accepted' });
  });
}
