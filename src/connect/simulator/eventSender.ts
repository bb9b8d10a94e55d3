import { createHmac } from 'node:crypto';

/**
 * Plays Connect's side of the bot's Connect updates web service (the bot's src/server/botApi.yaml): builds an
 * event, signs it as Connect does (`X-Connect-Timestamp` unix seconds, `X-Connect-Signature: sha256=` + hex
 * HMAC-SHA256 of `timestamp + "." + body` under the shared secret) and posts it. Written out here rather than
 * imported, as a real Connect would implement it: the simulator depends on nothing of the bot's.
 */
export interface EventsTarget {
  /** e.g. http://127.0.0.1:3978/api/connect/events */
  url: string;
  /** The shared secret (the bot's CONNECT_EVENTS_SECRET). */
  secret: string;
}

export const SIMULATED_EVENT_TYPES = [
  'OrderCompleted',
  'NewAppointment',
  'ReAppointment',
  'FollowOnAppointment',
  'VisitCompleted',
  'VisitDeleted',
  'VisitShelved',
] as const;
export type SimulatedEventType = (typeof SIMULATED_EVENT_TYPES)[number];

/** The body of a delivery, as the bot's contract names its members. */
export interface EventBody {
  EventId?: string;
  EventType: SimulatedEventType;
  PrimaryOrderNumber: string;
  VisitExternalId?: string;
  Date?: string;
  PlanningWindowId?: number;
  VisitStatus?: number;
  VisitResultType?: number;
  OccurredAt?: string;
  CloudExternalId?: string;
}

/** One delivery as the simulator made it: what it sent and what the bot answered (status 0: no answer). */
export interface SentEvent {
  at: string;
  url: string;
  body: EventBody;
  status: number;
  answer: unknown;
}

export function signEventBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const DELIVERY_TIMEOUT_MS = 10_000;

export async function deliverEvent(target: EventsTarget, body: EventBody, now: Date): Promise<SentEvent> {
  const text = JSON.stringify(body);
  const timestamp = Math.floor(now.getTime() / 1000);
  const sent: SentEvent = { at: now.toISOString(), url: target.url, body, status: 0, answer: null };
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Connect-Timestamp': String(timestamp),
        'X-Connect-Signature': signEventBody(target.secret, timestamp, text),
      },
      body: text,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    const answerText = await response.text();
    let answer: unknown = answerText;
    try {
      answer = answerText === '' ? null : JSON.parse(answerText);
    } catch {
      // not JSON: kept as text
    }
    return { ...sent, status: response.status, answer };
  } catch (error) {
    return { ...sent, answer: { error: error instanceof Error ? error.message : String(error) } };
  }
}
