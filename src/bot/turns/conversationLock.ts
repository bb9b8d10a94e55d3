import { Mutex } from 'async-mutex';

/**
 * Runs the turns of one conversation one at a time within this process, so that two messages sent in quick
 * succession never read the same state. Other conversations are not held up. A conversation's mutex exists only
 * while a turn of it runs or waits, so idle conversations cost nothing.
 */
export class ConversationLock {
  private readonly held = new Map<string, { mutex: Mutex; users: number }>();

  async runExclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    let entry = this.held.get(key);
    if (!entry) {
      entry = { mutex: new Mutex(), users: 0 };
      this.held.set(key, entry);
    }
    entry.users += 1;
    try {
      return await entry.mutex.runExclusive(work);
    } finally {
      entry.users -= 1;
      if (entry.users === 0) this.held.delete(key);
    }
  }

  /** Conversations with a turn running or waiting (for tests: none are kept once idle). */
  get size(): number {
    return this.held.size;
  }
}

/** The conversation's key across channels: ids are only unique within a channel. */
export function conversationKey(activity: { channelId?: string; conversation?: { id?: string } }): string | undefined {
  const id = activity.conversation?.id;
  return id ? `${activity.channelId ?? ''}/${id}` : undefined;
}
