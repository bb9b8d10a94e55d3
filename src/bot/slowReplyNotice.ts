import { type Activity, ActivityTypes, type Middleware, TurnContext } from 'botbuilder';

export const SLOW_REPLY_TEXT =
  'This is taking longer than usual. Please wait a moment: I am still working on it, and will answer here.';

/**
 * Typing dots alone do not reassure for long: a message turn still running after `afterMs` (a slow Connect step,
 * its retries, a timeout) gets one plain "this is taking longer than usual". Once per turn at most, and never after
 * the turn has finished, so no reply is doubled and a quick turn is unchanged.
 */
export class SlowReplyNotice implements Middleware {
  constructor(
    private readonly afterMs: number,
    private readonly text: string = SLOW_REPLY_TEXT,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    let finished = false;
    let sending: Promise<unknown> | undefined;
    const timer = setTimeout(() => {
      if (finished) return;
      // Straight to the adapter, not through context.sendActivity: the turn holds its own replies back until its
      // state is saved (src/bot/turns/heldReplies.ts), and a notice held back with them would arrive with the answer
      // it announces. The notice is true whatever the turn's outcome, and this middleware runs outside the turn's
      // re-runs, so it is sent once per message even when the turn is run again. A notice that cannot be delivered
      // must not fail the turn: the real answer is still on its way.
      const notice = TurnContext.applyConversationReference(
        { type: ActivityTypes.Message, text: this.text, textFormat: 'plain' } as Partial<Activity>,
        TurnContext.getConversationReference(context.activity),
      );
      sending = context.adapter.sendActivities(context, [notice]).catch(() => undefined);
    }, this.afterMs);
    try {
      await next();
    } finally {
      finished = true;
      clearTimeout(timer);
      // The notice must be out before the turn's end is reported, so it never arrives after the answer's turn.
      await sending;
    }
  }
}
