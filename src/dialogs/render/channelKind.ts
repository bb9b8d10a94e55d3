import { Channels } from 'botbuilder';

/** How a channel can show choices: buttons under the message, a card with buttons, or numbered plain text. */
export type ChannelKind = 'buttons' | 'card' | 'text';

/** Our Twilio adapter's channel id (Azure Bot Service's own Twilio channel is Channels.Sms, 'sms'). */
export const TWILIO_SMS_CHANNEL = 'twilio-sms';
/** Channels whose `from.id` is the sender's phone number and whose replies are plain text messages. */
export const SMS_CHANNELS: ReadonlySet<string> = new Set([Channels.Sms, TWILIO_SMS_CHANNEL]);

export function isSmsChannel(channelId: string | undefined): boolean {
  return channelId !== undefined && SMS_CHANNELS.has(channelId);
}

const TEXT_ONLY = new Set<string>([...SMS_CHANNELS, Channels.Console]);
const CARDS = new Set<string>([Channels.Msteams]);

export function channelKind(channelId: string | undefined): ChannelKind {
  if (channelId && TEXT_ONLY.has(channelId)) return 'text';
  if (channelId && CARDS.has(channelId)) return 'card';
  return 'buttons';
}
