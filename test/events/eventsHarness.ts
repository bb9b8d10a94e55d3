import { createHmac } from 'node:crypto';
import { type Activity } from 'botbuilder';
import { type RunningApp } from '../../src/app';
import { parseReference } from '../../src/repairs/orders/orderNumber';
import { type ChannelHarness } from '../e2e/channelHarness';
import { clock, startTestApp } from '../e2e/testApp';

/**
 * Plumbing of the Connect updates tests: the whole app with a known events secret, signed deliveries written out
 * here (as Connect would implement the scheme, independently of the bot's code), a report made through a channel
 * so the order and its conversation reference exist, and a bounded wait for background work.
 */
export const EVENTS_SECRET = 'connect-events-secret-for-tests-0123456789';
export const EVENTS_PATH = '/api/connect/events';
/** The bot's "now" in seconds: the tests' fixed clock. */
export const NOW_SECONDS = Math.floor(clock.now().getTime() / 1000);

export function startEventsApp(env: Record<string, string> = {}): Promise<RunningApp> {
  return startTestApp({ CONNECT_EVENTS_SECRET: EVENTS_SECRET, ...env });
}

export function sign(secret: string, timestamp: number | string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export interface Delivery {
  /** Sent as it is when a string; otherwise as JSON. */
  body: unknown;
  timestamp?: number | string;
  secret?: string;
  /** Replaces the computed signature header (null leaves the header out). */
  signature?: string | null;
  /** null leaves the timestamp header out. */
  timestampHeader?: string | null;
  contentType?: string;
}

export interface Answer {
  status: number;
  body: { code?: string; message?: string; status?: string } | undefined;
}

/** Signs and posts a delivery; returns the bot's answer and the headers it was sent with (to replay it). */
export async function deliver(
  appUrl: string,
  delivery: Delivery,
): Promise<Answer & { headers: Record<string, string>; raw: string }> {
  const raw = typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body);
  const timestamp = delivery.timestamp ?? NOW_SECONDS;
  const headers: Record<string, string> = { 'content-type': delivery.contentType ?? 'application/json' };
  if (delivery.timestampHeader !== null) headers['x-connect-timestamp'] = delivery.timestampHeader ?? String(timestamp);
  const signature =
    delivery.signature === undefined ? sign(delivery.secret ?? EVENTS_SECRET, timestamp, raw) : delivery.signature;
  if (signature !== null) headers['x-connect-signature'] = signature;
  return { ...(await post(appUrl, raw, headers)), headers, raw };
}

export async function post(appUrl: string, raw: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${appUrl}${EVENTS_PATH}`, { method: 'POST', headers, body: raw });
  const text = await response.text();
  let body: Answer['body'];
  try {
    body = text === '' ? undefined : (JSON.parse(text) as Answer['body']);
  } catch {
    body = { message: text };
  }
  return { status: response.status, body };
}

/** Waits until `probe` gives a value (not undefined/false), checking every 25 ms, failing after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface Tenant {
  postcode: string;
  house: string;
}

/** Demo tenants (src/repairs/tenants/demoTenants.json): one report each, so no report looks like a repeat. */
export const TENANTS = {
  hart: { postcode: 'LS1 4AB', house: 'Flat 3, Hart' },
  okafor: { postcode: 'LS3 1XY', house: '27, Okafor' },
  sharma: { postcode: 'S1 2ZZ', house: '5, Sharma' },
  nowak: { postcode: 'M3 5QD', house: '41, Nowak' },
  whitfield: { postcode: 'NG1 6PB', house: '8, Whitfield' },
  reid: { postcode: 'BD1 3RT', house: 'Flat 14, Reid' },
  begum: { postcode: 'B5 4TN', house: '2, Begum' },
} satisfies Record<string, Tenant>;

export interface Reported {
  orderNumber: string;
  /** As the bot said it, e.g. 'RB 261201 7KQ4 MZ8P'. */
  reference: string;
  /** The slot the tenant booked, in the bot's words. */
  booked: string;
}

/**
 * Reports a leaking bath and books the first slot offered, as a tenant does (on SMS, answering choices by number).
 * The order is then in the bot's registry with this conversation's reference.
 */
export async function reportAndBook(
  channel: ChannelHarness,
  conversationId: string,
  tenant: Tenant,
  options: { sms?: boolean } = {},
): Promise<Reported> {
  const sms = options.sms ?? false;
  const said = [
    'my bath is leaking',
    tenant.postcode,
    tenant.house,
    sms ? '1' : 'Yes, text me',
    sms ? '1' : 'Send it',
    '1',
  ];
  const replies: Partial<Activity>[] = [];
  for (const text of said) replies.push(...(await channel.say(conversationId, text)));
  const texts = replies.map((r) => r.text ?? '');
  const reference = /Your reference is (RB [0-9A-Z ]+)\./.exec(texts.join('\n'))?.[1];
  const booked = /^Booked: (.+?)\. An adult/.exec(texts.at(-1) ?? '')?.[1];
  const orderNumber = reference ? parseReference(reference) : null;
  if (!reference || !orderNumber || !booked) throw new Error(`the report did not end booked:\n${texts.join('\n')}`);
  return { orderNumber, reference, booked };
}
