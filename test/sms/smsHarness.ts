import http from 'node:http';
import { type AddressInfo } from 'node:net';
import twilio from 'twilio';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { clock } from '../e2e/testApp';
import { EVENTS_SECRET } from '../events/eventsHarness';

export const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const AUTH_TOKEN = 'twilio-auth-token-for-tests-0123';
export const BOT_NUMBER = '+447700900000';
/** The URL configured in Twilio: the bot sits behind a proxy, so it is not the loopback URL the test posts to. */
export const WEBHOOK_URL = 'https://bot.example.test/api/sms';

export interface SentText {
  from: string;
  to: string;
  body: string;
}

/**
 * Plays Twilio's REST API on loopback: records every Messages.create (form fields From, To, Body) and answers as
 * Twilio does, 201 with the message resource. The bot's Twilio client is pointed here; nothing leaves the machine.
 */
export class TwilioRecorder {
  private server?: http.Server;
  readonly sent: SentText[] = [];
  readonly paths: string[] = [];
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        this.paths.push(`${req.method} ${req.url}`);
        const form = new URLSearchParams(body);
        const sid = `SM${String(this.sent.length + 1).padStart(32, '0')}`;
        this.sent.push({ from: form.get('From') ?? '', to: form.get('To') ?? '', body: form.get('Body') ?? '' });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ sid, account_sid: ACCOUNT_SID, status: 'queued', body: form.get('Body') }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  textsTo(number: string): string[] {
    return this.sent.filter((t) => t.to === number).map((t) => t.body);
  }
}

export async function startSmsApp(recorder: TwilioRecorder): Promise<RunningApp> {
  return startApp(
    loadConfig({
      PORT: '0',
      CONNECT_SIMULATOR_PORT: '0',
      STORAGE: 'memory',
      LOG_LEVEL: 'silent',
      CONNECT_EVENTS_SECRET: EVENTS_SECRET,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_NUMBER: BOT_NUMBER,
      TWILIO_WEBHOOK_URL: WEBHOOK_URL,
    }),
    { clock, twilioApiBaseUrl: recorder.url },
  );
}

let sequence = 0;
export const nextMessageSid = () => `SM${String(++sequence).padStart(32, 'a')}`;

/** Twilio's incoming-message webhook form, as Twilio sends it. */
export function inboundForm(from: string, body: string, messageSid = nextMessageSid()): Record<string, string> {
  return {
    ToCountry: 'GB',
    SmsMessageSid: messageSid,
    NumMedia: '0',
    From: from,
    To: BOT_NUMBER,
    Body: body,
    MessageSid: messageSid,
    AccountSid: ACCOUNT_SID,
    NumSegments: '1',
    ApiVersion: '2010-04-01',
  };
}

/** Posts the form, signed by the twilio library's own function unless another signature is given. */
export async function postSms(
  app: RunningApp,
  form: Record<string, string>,
  signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, WEBHOOK_URL, form),
): Promise<{ status: number; contentType: string | null; body: string }> {
  const response = await fetch(`${app.url}/api/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

/** Texts the bot as a tenant, waits until the turn has run, and returns the texts the bot sent back. */
export async function text(app: RunningApp, recorder: TwilioRecorder, from: string, body: string): Promise<string[]> {
  const before = recorder.textsTo(from).length;
  const answer = await postSms(app, inboundForm(from, body));
  if (answer.status !== 200) throw new Error(`the bot answered ${answer.status}`);
  await app.smsIdle!();
  return recorder.textsTo(from).slice(before);
}
