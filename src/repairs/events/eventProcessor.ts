import { type ConnectFacade } from '../../connect';
import { type OrderRecord, type OrderRegistry } from '../orders/orderRegistry';
import { availabilityGridFrom } from '../reporting/availabilityGrid';
import { describeSlot, type PlanningWindow } from '../slots';
import { type Clock } from '../time';
import { type ConnectEvent } from './connectEvent';
import { eventKey } from './eventKey';
import { type EventLedger } from './eventLedger';
import { planEvent } from './eventPlan';

/** Reaches a tenant in the conversation and channel they reported from (implemented in src/bot/proactive). */
export interface TenantNotifier {
  notify(order: Pick<OrderRecord, 'channelId' | 'conversation'>, text: string): Promise<void>;
}

export interface EventLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What became of an event; StatusCode and Message are what Connect's ResponseCallback gets. */
export interface EventOutcome {
  statusCode: number;
  message: string;
  /** Whether the tenant was sent a message by this handling. */
  told: boolean;
}

export interface EventProcessorOptions {
  orders: OrderRegistry;
  ledger: EventLedger;
  connect: Pick<ConnectFacade, 'sendResponseCallback' | 'getPlanningWindows'>;
  notifier: TenantNotifier;
  clock: Clock;
  zone: string;
  repairsPhone: string;
  logger: EventLogger;
}

/**
 * Handles one update from Connect: once per event (the ledger), against the bot's record of the order (the
 * registry), telling the tenant in their conversation, then answering Connect's ResponseCallback when the delivery
 * carried a CloudExternalId. Never throws: every failure ends as an outcome with a StatusCode.
 */
export class EventProcessor {
  private windows?: PlanningWindow[];

  constructor(private readonly options: EventProcessorOptions) {}

  async handle(event: ConnectEvent): Promise<EventOutcome> {
    const key = eventKey(event);
    const outcome = await this.handleOnce(event, key).catch((error: unknown): EventOutcome => {
      this.options.logger.error({ err: errorSummary(error), eventType: event.type }, 'Connect event failed');
      return { statusCode: 500, message: 'The bot could not handle the event; send it again to retry.', told: false };
    });
    this.options.logger.info(
      { eventType: event.type, eventKey: key.slice(0, 12), statusCode: outcome.statusCode, told: outcome.told },
      'Connect event handled',
    );
    if (event.cloudExternalId) await this.answer(event.cloudExternalId, outcome);
    return outcome;
  }

  private async handleOnce(event: ConnectEvent, key: string): Promise<EventOutcome> {
    const { ledger, orders, clock } = this.options;
    const claim = await ledger.claim(key, clock.now());
    if (claim.kind === 'seen') {
      // A duplicate is answered as the first delivery was (200 told, 404 unknown order...), without acting again.
      return claim.entry.state === 'done'
        ? { statusCode: claim.entry.statusCode ?? 200, message: 'Already handled; nothing sent again.', told: false }
        : { statusCode: 202, message: 'Already being handled.', told: false };
    }
    try {
      const order = await orders.find(event.orderNumber);
      if (!order) {
        await ledger.done(key, claim.claim, 404, clock.now());
        return {
          statusCode: 404,
          message: `Order ${event.orderNumber} was not raised by the bot; nothing sent.`,
          told: false,
        };
      }
      const windows = await this.planningWindows();
      const plan = planEvent(event, order, {
        describe: (slot) => describeSlot(slot, windows, this.options.zone, clock.now()),
        repairsPhone: this.options.repairsPhone,
      });
      let outcome: EventOutcome = { statusCode: 200, message: plan.note, told: false };
      if (plan.message && !order.conversation) {
        outcome = {
          statusCode: 200,
          message: 'Recorded; the order has no conversation to tell the tenant in.',
          told: false,
        };
      } else if (plan.message) {
        try {
          await this.options.notifier.notify(order, plan.message);
          outcome = { ...outcome, told: true };
        } catch (error) {
          this.options.logger.warn(
            { err: errorSummary(error), channel: order.channelId, eventType: event.type },
            'could not reach the tenant',
          );
          await ledger.failed(key, claim.claim, 502, clock.now());
          return {
            statusCode: 502,
            message: `The tenant's channel (${order.channelId}) could not be reached; send the event again to retry.`,
            told: false,
          };
        }
      }
      // After the message: a failed message leaves the record as it was, so a retry plans the same message.
      await orders.update(event.orderNumber, plan.change).catch((error: unknown) => {
        this.options.logger.error({ err: errorSummary(error), eventType: event.type }, 'order record not updated');
      });
      await ledger.done(key, claim.claim, outcome.statusCode, clock.now());
      return outcome;
    } catch (error) {
      await ledger.failed(key, claim.claim, 500, clock.now()).catch(() => undefined);
      throw error;
    }
  }

  /** Names and times of the planning windows, asked of Connect once; without them a visit is told by its day. */
  private async planningWindows(): Promise<PlanningWindow[]> {
    if (this.windows) return this.windows;
    try {
      const windows = availabilityGridFrom({
        PlanningWindows: await this.options.connect.getPlanningWindows(),
      }).windows;
      if (windows.length > 0) this.windows = windows;
      return windows;
    } catch (error) {
      this.options.logger.warn({ err: errorSummary(error) }, 'planning windows not available; visits told by day');
      return [];
    }
  }

  private async answer(cloudExternalId: string, outcome: EventOutcome): Promise<void> {
    try {
      await this.options.connect.sendResponseCallback({
        CloudExternalId: cloudExternalId,
        StatusCode: outcome.statusCode,
        Message: outcome.message,
      });
    } catch (error) {
      this.options.logger.warn({ err: errorSummary(error), statusCode: outcome.statusCode }, 'ResponseCallback failed');
    }
  }
}

/** An error's name and message: enough to act on, and the messages of our code and the client quote no tenant. */
function errorSummary(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}
