import {
  type Activity,
  ActivityTypes,
  type BotAdapter,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import { channelKind, TWILIO_SMS_CHANNEL } from '../../dialogs/render/channelKind';
import { type TenantNotifier } from '../../repairs/events';
import { type OrderRecord } from '../../repairs/orders/orderRegistry';

/** The reference as the channel gave it when the order was placed; without these the message cannot be addressed. */
function asReference(stored: unknown): Partial<ConversationReference> {
  const reference = stored as Partial<ConversationReference> | undefined;
  if (!reference?.serviceUrl || !reference.conversation?.id) {
    throw new Error('The stored conversation reference has no serviceUrl or conversation id');
  }
  return reference;
}

/**
 * A message that no turn asked for. On a text-only channel (SMS) it arrives as a text out of the blue, so it says
 * who it is from; everywhere it is plain text, as the words are written for any channel.
 */
export function proactiveActivity(channelId: string, text: string, senderName: string): Partial<Activity> {
  const textOnly = channelKind(channelId) === 'text';
  return { type: ActivityTypes.Message, text: textOnly ? `${senderName}: ${text}` : text, textFormat: 'plain' };
}

/**
 * Tells a tenant something in the conversation and channel they reported from, with the conversation reference
 * stored with the order: Web Chat and Teams show it in the chat, the Azure SMS channel sends it as a text.
 * In local mode (no app id) the adapter addresses the channel unauthenticated, as for replies.
 */
export class ProactiveMessenger implements TenantNotifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
    private readonly senderName: string,
    /** The Twilio adapter, for orders reported by SMS through Twilio; it sends nothing to a number that texted STOP. */
    private readonly sms?: Pick<BotAdapter, 'continueConversation'>,
  ) {}

  async notify(order: Pick<OrderRecord, 'channelId' | 'conversation'>, text: string): Promise<void> {
    const reference = asReference(order.conversation);
    const channelId = reference.channelId ?? order.channelId;
    const activity = proactiveActivity(channelId, text, this.senderName);
    if (channelId === TWILIO_SMS_CHANNEL) {
      if (!this.sms) throw new Error('The order was reported by SMS, and the TWILIO_ settings are not set');
      await this.sms.continueConversation(reference, async (context) => {
        await context.sendActivity(activity);
      });
      return;
    }
    await this.adapter.continueConversationAsync(this.appId ?? '', reference, async (context) => {
      await context.sendActivity(activity);
    });
  }
}
