import { randomBytes, timingSafeEqual } from 'node:crypto';

/** An activity as Direct Line lists it: a Bot Framework activity with at least an id. */
export type StoredActivity = Record<string, unknown> & { id: string };

export interface LocalConversation {
  id: string;
  token: string;
  activities: StoredActivity[];
  started: boolean;
  lastUsed: number;
}

export const TOKEN_LIFETIME_SECONDS = 30 * 60;
const MAX_CONVERSATIONS = 500;
const MAX_ACTIVITIES = 1000;

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The conversations of the local Direct Line, in memory: each with its own random token and its activity list (the
 * tenant's messages and the bot's replies in the order they happened; the watermark is a position in that list).
 */
export class ConversationStore {
  private readonly conversations = new Map<string, LocalConversation>();
  private sequence = 0;

  create(): LocalConversation {
    if (this.conversations.size >= MAX_CONVERSATIONS) this.evictOldest();
    const conversation: LocalConversation = {
      id: `local-${randomBytes(12).toString('hex')}`,
      token: randomBytes(32).toString('base64url'),
      activities: [],
      started: false,
      lastUsed: Date.now(),
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  get(id: string): LocalConversation | undefined {
    const conversation = this.conversations.get(id);
    if (conversation) conversation.lastUsed = Date.now();
    return conversation;
  }

  /** The conversation a bearer token belongs to, if any. */
  byToken(token: string): LocalConversation | undefined {
    for (const conversation of this.conversations.values())
      if (sameText(conversation.token, token)) return conversation;
    return undefined;
  }

  /** True when a conversation has as many activities as it may keep (a runaway client, not a tenant). */
  isFull(conversation: LocalConversation): boolean {
    return conversation.activities.length >= MAX_ACTIVITIES;
  }

  /** Adds an activity with an id of its own; returns that id. */
  append(conversation: LocalConversation, activity: Record<string, unknown>): string {
    const id = `${conversation.id}|${String(++this.sequence).padStart(7, '0')}`;
    conversation.activities.push({ ...activity, id });
    return id;
  }

  private evictOldest(): void {
    let oldest: LocalConversation | undefined;
    for (const c of this.conversations.values()) if (!oldest || c.lastUsed < oldest.lastUsed) oldest = c;
    if (oldest) this.conversations.delete(oldest.id);
  }
}

export function tokensMatch(expected: string, given: string | undefined): boolean {
  return given !== undefined && sameText(expected, given);
}
