import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { isSmsChannel } from '../../dialogs/render/channelKind';
import { smsMessages } from '../../dialogs/render/smsText';

/**
 * Every message sent on an SMS channel becomes plain GSM-7 text, cut into messages of at most three segments.
 * Choices are already numbered text there (renderChoices); this is the last step before the text leaves.
 */
export class SmsTextMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (isSmsChannel(context.activity.channelId)) {
      context.onSendActivities(async (_context, activities, send) => {
        const texts = activities.flatMap((activity) => {
          if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return [activity];
          return smsMessages(activity.text).map((text) => ({ ...activity, text, textFormat: 'plain' }));
        });
        activities.splice(0, activities.length, ...texts);
        return send();
      });
    }
    await next();
  }
}
