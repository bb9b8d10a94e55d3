import { createHash } from 'node:crypto';
import { type HandOffReason } from '../handoff/handOffReason';
import { type Clock } from '../time';

/**
 * The steps of a tenant's journey that the people running the bot count, to see where tenants give up. Names and
 * details only: an event never carries a name, phone number, address, postcode or the tenant's words, so the log
 * and Application Insights hold nothing personal. A conversation is known only by a salted hash of its id.
 */
export const FUNNEL_EVENT_NAMES = [
  'conversation-started',
  'tenant-identified',
  'emergency-detected',
  'diagnosis-proposed',
  'diagnosis-accepted',
  'diagnosis-corrected',
  'order-created',
  /** Connect could not take the report: it waits in the outbox and is sent later. */
  'order-kept',
  'slots-offered',
  'booked',
  'contractor-order',
  're-booked',
  'cancelled',
  'handed-off',
  'abandoned',
] as const;

export type FunnelEventName = (typeof FUNNEL_EVENT_NAMES)[number];

/** How the bot knew which home the tenant lives in. */
export type IdentifiedHow = 'questions' | 'teams' | 'website' | 'sms-known-mobile';

/**
 * The detail each event may carry: closed sets of words, catalogue codes and counts, never free text. Typed per
 * event so a call site cannot slip a description or a phone number in.
 */
export interface FunnelDetails {
  'conversation-started': Record<string, never>;
  'tenant-identified': { how: IdentifiedHow };
  'emergency-detected': { instruction: 'call-gas-emergency' | 'call-emergency-line' | 'book-emergency' };
  /** one: the tenant's words named one repair type; few: "is it one of these?"; menu: a category's types. */
  'diagnosis-proposed': { match: 'one' | 'few' | 'menu' };
  'diagnosis-accepted': { code: string };
  /** guesses: "None of these" under the bot's guesses; review: "Change the repair" on the summary. */
  'diagnosis-corrected': { at: 'guesses' | 'review' };
  'order-created': { code: string; emergency: boolean };
  'order-kept': { code: string; emergency: boolean };
  'slots-offered': { count: number; moving: boolean };
  booked: Record<string, never>;
  /** told: Connect took the hand-over to the contractor (else the repairs team passes it on). */
  'contractor-order': { told: boolean };
  're-booked': Record<string, never>;
  cancelled: Record<string, never>;
  'handed-off': { reason: HandOffReason };
  abandoned: { reason: 'stop' | 'start-again' };
}

/** One line of the funnel log. */
export interface FunnelEvent {
  name: FunnelEventName;
  /** ISO instant, from the bot's clock. */
  at: string;
  /** A salted hash of the channel and conversation id: groups a conversation's events, names nobody. */
  conversation: string;
  /** The channel id (directline, msteams, twilio-sms…). */
  channel: string;
  detail: Record<string, string | number | boolean>;
}

/** Where funnel events go: the local JSON-lines log or Application Insights. */
export interface FunnelRecorder {
  /** Never throws and never waits: telemetry must not fail or slow a tenant's turn. */
  record(event: FunnelEvent): void;
  /** Writes or sends what is pending. */
  close(): Promise<void>;
}

/** For tools and tests that have nowhere to send events. */
export const discardFunnel: FunnelRecorder = {
  record: () => undefined,
  close: async () => undefined,
};

/** A conversation as the dialogs know it: the channel and the channel's conversation id. */
export interface FunnelConversation {
  channel: string;
  id: string;
}

/**
 * Makes events: stamps the time and replaces the conversation id by its salted hash. The salt keeps the hash from
 * being matched to a conversation id by anyone who does not hold it; a stable salt (FUNNEL_SALT) keeps one
 * conversation's events together across restarts and instances.
 */
export class Funnel {
  constructor(
    readonly recorder: FunnelRecorder,
    private readonly options: { clock: Clock; salt: string },
  ) {}

  event<N extends FunnelEventName>(
    conversation: FunnelConversation,
    name: N,
    ...detail: FunnelDetails[N] extends Record<string, never> ? [] : [FunnelDetails[N]]
  ): FunnelEvent {
    return {
      name,
      at: this.options.clock.now().toISOString(),
      conversation: conversationKey(this.options.salt, conversation),
      channel: conversation.channel,
      detail: { ...(detail[0] as Record<string, string | number | boolean> | undefined) },
    };
  }

  record(event: FunnelEvent): void {
    this.recorder.record(event);
  }
}

export function conversationKey(salt: string, conversation: FunnelConversation): string {
  return createHash('sha256')
    .update(`${salt}\u0000${conversation.channel}\u0000${conversation.id}`)
    .digest('hex')
    .slice(0, 20);
}
