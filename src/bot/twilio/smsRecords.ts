import { createHmac, randomUUID } from 'node:crypto';
import { type RecordStore } from '../../repairs/orders/recordStore';

/**
 * What the SMS channel keeps, through the RecordStore so every instance sees it: the MessageSids already taken
 * (Twilio sends a webhook again when it had no answer in time), the numbers that texted STOP, and the number
 * behind each conversation. Keys and conversation ids carry a keyed hash of the number, never the number itself.
 */
interface MessageEntry {
  at: string;
  mark: string;
}
interface OptOutEntry {
  optedOut: boolean;
  at: string;
}
interface NumberEntry {
  number: string;
}

export class SmsRecords {
  constructor(
    private readonly store: RecordStore,
    /** Keys the hash; stable for the account (the auth token rotates, and opt-outs must outlive it). */
    private readonly hashKey: string,
  ) {}

  /** A pseudonymous id for a phone number: the conversation id and the key of everything kept about it. */
  idOf(number: string): string {
    return `sms-${createHmac('sha256', this.hashKey).update(number.replace(/\s+/g, '')).digest('hex').slice(0, 32)}`;
  }

  /** True the first time a MessageSid is seen, by any instance; false for a repeat. */
  async firstDelivery(messageSid: string, now: Date): Promise<boolean> {
    const mark = randomUUID();
    const entry = await this.store.update<MessageEntry>(
      `repairs/sms/messages/${messageSid}`,
      (current) => current ?? { at: now.toISOString(), mark },
    );
    return entry.mark === mark;
  }

  async rememberNumber(id: string, number: string): Promise<void> {
    const key = `repairs/sms/numbers/${id}`;
    if ((await this.store.get<NumberEntry>(key))?.number === number) return;
    await this.store.update<NumberEntry>(key, () => ({ number }));
  }

  async numberOf(id: string): Promise<string | undefined> {
    return (await this.store.get<NumberEntry>(`repairs/sms/numbers/${id}`))?.number;
  }

  async setOptedOut(id: string, optedOut: boolean, now: Date): Promise<void> {
    await this.store.update<OptOutEntry>(`repairs/sms/opt-out/${id}`, () => ({ optedOut, at: now.toISOString() }));
  }

  async isOptedOut(id: string): Promise<boolean> {
    return (await this.store.get<OptOutEntry>(`repairs/sms/opt-out/${id}`))?.optedOut === true;
  }
}
