import type { Request, Response, Server } from 'restify';
import twilio from 'twilio';
import { type TwilioSmsAdapter } from '../../bot/twilio/twilioSmsAdapter';
import { type RepairsBot } from '../../bot/repairsBot';
import { captureRawBody, rawBodyOf } from '../rawBody';

export const SMS_PATH = '/api/sms';
/** Twilio's webhook forms are a few kilobytes at most. */
export const SMS_MAX_BODY_BYTES = 64 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export interface SmsRouteOptions {
  adapter: TwilioSmsAdapter;
  bot: RepairsBot;
  authToken: string;
  /** TWILIO_WEBHOOK_URL: the URL Twilio posts to, exactly as configured there; the signature covers it. */
  webhookUrl: string;
  logger: { warn(obj: object, msg?: string): void };
}

function plain(res: Response, status: number, text: string): void {
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.sendRaw(status, text);
}

/**
 * POST /api/sms: Twilio's incoming-message webhook. The X-Twilio-Signature is checked over TWILIO_WEBHOOK_URL and
 * the form (403 otherwise), a repeated MessageSid is answered and dropped, and empty TwiML goes back at once: the
 * bot's replies are sent through Twilio's REST API when the turn has run. Bodies are never logged.
 */
export function mountSms(server: Server, options: SmsRouteOptions): void {
  captureRawBody(server, 'POST', SMS_PATH, SMS_MAX_BODY_BYTES);

  server.post(SMS_PATH, async (req: Request, res: Response) => {
    const raw = rawBodyOf(req);
    if (!raw) return plain(res, 500, 'The body was not captured.');
    if (raw.tooLarge) return plain(res, 413, 'The body is too large.');
    const params = Object.fromEntries(new URLSearchParams(raw.bytes.toString('utf8')));
    const signature = req.headers['x-twilio-signature'];
    if (
      typeof signature !== 'string' ||
      !twilio.validateRequest(options.authToken, signature, options.webhookUrl, params)
    ) {
      options.logger.warn({ reason: signature ? 'mismatch' : 'missing' }, 'SMS webhook refused: bad signature');
      return plain(res, 403, 'The X-Twilio-Signature does not match.');
    }
    const { From: from, Body: body, MessageSid: messageSid } = params;
    if (!from || !messageSid) return plain(res, 400, 'From and MessageSid are required.');
    const outcome = await options.adapter.accept({ from, body: body ?? '', messageSid }, (context) =>
      options.bot.run(context),
    );
    if (outcome === 'repeat') options.logger.warn({ reason: 'repeat' }, 'SMS webhook: MessageSid already taken');
    res.setHeader('content-type', 'text/xml');
    res.sendRaw(200, EMPTY_TWIML);
  });
}
