import { Channels } from 'botbuilder';

/** How a channel can show choices: buttons under the message, a card with buttons, or numbered plain text. */
export type ChannelKind = 'buttons' | 'card' | 'text';

const TEXT_ONLY = new Set<string>([Channels.Sms, 'twilio-sms', Channels.Console]);
const CARDS = new Set<string>([Channels.Msteams]);

export function channelKind(channelId: string | undefined): ChannelKind {
  if (channelId && TEXT_ONLY.has(channelId)) return 'text';
  if (channelId && CARDS.has(channelId)) return 'card';
  return 'buttons';
}
