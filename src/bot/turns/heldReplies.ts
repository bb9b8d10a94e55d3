import { type Activity, DeliveryModes, type ResourceResponse, type TurnContext } from 'botbuilder';
import { stopTyping } from '../typingIndicator';

const passesAtOnce = (activity: Partial<Activity>) => activity.type === 'typing' || activity.type === 'trace';

/**
 * Holds back what a turn says until its state is saved. A turn that loses a write conflict is run again on the
 * newer state; had its first attempt already spoken, the tenant would hear answers to a step that never happened.
 * Typing indicators go out at once. Once released (or stopped), later sends (onTurnError's apology) pass straight
 * through.
 */
export class HeldReplies {
  private held: Partial<Activity>[] = [];
  private holding = true;

  constructor(private readonly context: TurnContext) {
    // Registered after the middleware's own handlers (the SMS text shaping), so what is held is already final and
    // is released straight to the adapter.
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!this.holding || activities.every(passesAtOnce)) return next();
      this.held.push(...activities);
      if (activities.some((a) => a.type !== 'trace')) context.responded = true;
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
  }

  /** Forgets what the attempt said: it is run again. */
  discard(): void {
    this.held = [];
  }

  /** Sends what the attempt said, its state being saved, and lets later sends through. */
  async release(): Promise<void> {
    this.holding = false;
    const out = this.held.splice(0);
    if (out.length === 0) return;
    // The answer is ready: no "typing…" may arrive after it.
    if (out.some((a) => a.type === 'message')) await stopTyping(this.context);
    // What TurnContext.sendActivities does after the handlers: buffer for expectReplies, else hand to the adapter.
    if (this.context.activity.deliveryMode === DeliveryModes.ExpectReplies) {
      this.context.bufferedReplyActivities.push(...out);
    } else {
      await this.context.adapter.sendActivities(this.context, out);
    }
  }

  /** Lets later sends through, dropping anything still held. */
  stop(): void {
    this.holding = false;
    this.held = [];
  }
}
