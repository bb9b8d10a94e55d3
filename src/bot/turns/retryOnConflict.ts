import { randomUUID } from 'node:crypto';
import { type TurnContext } from 'botbuilder';
import { isStorageConflict } from '../storage/storageConflictError';
import { type CheckedConversationState } from './checkedConversationState';
import { ConversationLock, conversationKey } from './conversationLock';
import { markRerun } from '../../dialogs/turnAttempt';
import { handledByAnotherTurn, markHandled } from './dedupe';
import { HeldReplies } from './heldReplies';
import { ConversationBusyError, dropLease, heldByAnotherTurn, takeLease } from './turnLease';

export interface TurnLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface TurnRunnerOptions {
  state: CheckedConversationState;
  /** What the tenant is told when the turn kept losing to other turns of the conversation. */
  giveUpText: string;
  /**
   * Attempts of one turn before giving up: each lost one means another turn of the conversation was running or
   * saved first. With the default backoff ten attempts wait about five seconds in all.
   */
  maxAttempts?: number;
  /** Pause before attempt n+1, jittered so that two instances stop colliding. */
  backoffMs?: (attempt: number) => number;
  /** Errors besides storage conflicts after which the turn is run again (e.g. a step another turn is taking). */
  isRetryable?: (error: unknown) => boolean;
  logger?: TurnLogger;
}

const defaultBackoff = (attempt: number) => Math.min(800, 25 * 2 ** attempt) * (0.5 + Math.random());

/**
 * Runs a turn so that no step is lost or taken twice, however messages arrive:
 * - turns of one conversation run one at a time in this process (ConversationLock), and across instances: the
 *   turn first writes a lease into the conversation's state (turnLease.ts); a turn finding another's lease waits;
 * - an inbound activity id already handled by another turn is dropped (dedupe.ts), in this or any instance;
 * - state is saved with the eTag it was read with (CheckedConversationState); when another instance saved first
 *   (two first messages at once, or a lease that lapsed), the turn is reloaded and run again, and what it said is
 *   held back until its state is saved (HeldReplies).
 * Side effects a re-run could repeat (Connect calls) are looked up first: dialogs see isRerun().
 */
export class TurnRunner {
  private readonly lock = new ConversationLock();
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly isRetryable: (error: unknown) => boolean;

  constructor(private readonly options: TurnRunnerOptions) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.backoffMs = options.backoffMs ?? defaultBackoff;
    const alsoRetry = options.isRetryable ?? (() => false);
    this.isRetryable = (error) =>
      isStorageConflict(error) || error instanceof ConversationBusyError || alsoRetry(error);
  }

  /** Conversations with a turn running or waiting in this process. */
  get activeConversations(): number {
    return this.lock.size;
  }

  /** Runs `turn` (the bot's handlers, without saving) and saves the conversation state after it. */
  run(context: TurnContext, turn: () => Promise<void>): Promise<void> {
    const key = conversationKey(context.activity);
    if (!key) return turn().then(() => this.options.state.saveChanges(context));
    return this.lock.runExclusive(key, () => this.attempts(context, turn));
  }

  private async attempts(context: TurnContext, turn: () => Promise<void>): Promise<void> {
    const { state, logger } = this.options;
    const replies = new HeldReplies(context);
    // Each attempt starts from the turn state the middleware left, so nothing cached by a lost attempt (the
    // conversation state, the dialogs' signals) leaks into the next.
    const initial = new Map(context.turnState);
    const turnId = randomUUID();
    const activityId = context.activity.id;
    const fields = { channel: context.activity.channelId, activityType: context.activity.type };
    try {
      for (let attempt = 1; ; attempt += 1) {
        restore(context.turnState, initial);
        if (attempt > 1) markRerun(context);
        replies.discard();
        let leased = false;
        try {
          const current = await state.load(context, true);
          if (activityId && handledByAnotherTurn(current, activityId, turnId)) {
            logger?.info({ ...fields, attempt }, 'duplicate activity ignored');
            return;
          }
          if (heldByAnotherTurn(current, turnId, Date.now())) throw new ConversationBusyError();
          if (activityId) markHandled(current, activityId, turnId);
          takeLease(current, turnId, Date.now());
          await state.saveChanges(context, true);
          leased = true;
          await turn();
          dropLease(state.get(context) ?? current);
          await state.saveChanges(context, true);
          await replies.release();
          return;
        } catch (error) {
          if (!this.isRetryable(error)) {
            // A failed turn keeps its old behaviour: its state stays as last saved, what it said goes out, then
            // onTurnError apologises. Only its lease goes, so the next message need not wait for it to lapse.
            if (leased) await state.amendOwnWrite(context, dropLease).catch(() => undefined);
            await replies.release();
            throw error;
          }
          if (attempt >= this.maxAttempts) {
            logger?.warn({ ...fields, attempts: attempt }, 'turn gave up after repeated state conflicts');
            // Its lease, if it still stands (only a turn's own last write carries it), goes with it.
            if (leased) await state.amendOwnWrite(context, dropLease).catch(() => undefined);
            replies.stop();
            await context.sendActivity(this.options.giveUpText);
            return;
          }
          // reason: ConversationBusyError (another turn holds the lease: wait) or a storage conflict (run again).
          logger?.info({ ...fields, attempt, reason: (error as Error).name }, 'turn to be run again');
          await new Promise((resolve) => setTimeout(resolve, this.backoffMs(attempt)));
        }
      }
    } finally {
      replies.stop();
    }
  }
}

function restore(target: Map<unknown, unknown>, initial: ReadonlyMap<unknown, unknown>): void {
  for (const key of [...target.keys()]) if (!initial.has(key)) target.delete(key);
  for (const [key, value] of initial) target.set(key, value);
}
