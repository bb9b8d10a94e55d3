import { type Activity, ActivityTypes, type Middleware, TurnContext } from 'botbuilder';

const STOP_TYPING = Symbol('stopTyping');

/**
 * "Typing…" while a message turn runs: the first indicator after `delayMs`, then every `periodMs`. Unlike the SDK's
 * ShowTypingMiddleware it can be stopped from inside the turn, and stopping waits for an indicator already on its
 * way: a turn's replies are held back until its state is saved (turns/heldReplies.ts) and then sent all at once, and
 * an indicator that overtook them would leave Web Chat showing "typing" after the bot has finished.
 */
export class TypingIndicator implements Middleware {
  constructor(
    private readonly delayMs = 500,
    private readonly periodMs = 2000,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let sending: Promise<unknown> = Promise.resolve();
    const schedule = (delay: number) => {
      timer = setTimeout(() => {
        if (stopped) return;
        const typing = TurnContext.applyConversationReference(
          { type: ActivityTypes.Typing, relatesTo: context.activity.relatesTo } as Partial<Activity>,
          TurnContext.getConversationReference(context.activity),
        );
        // An indicator that cannot be delivered is no reason to fail the turn: its answer is still coming.
        sending = context.adapter.sendActivities(context, [typing]).catch(() => undefined);
        schedule(this.periodMs);
      }, delay);
    };
    const stop = async () => {
      stopped = true;
      clearTimeout(timer);
      await sending;
    };
    context.turnState.set(STOP_TYPING, stop);
    schedule(this.delayMs);
    try {
      await next();
    } finally {
      await stop();
    }
  }
}

/** Stops the turn's typing indicator and waits for one in flight; a no-op where none runs. */
export async function stopTyping(context: TurnContext): Promise<void> {
  const stop = context.turnState.get(STOP_TYPING) as (() => Promise<void>) | undefined;
  await stop?.();
}
