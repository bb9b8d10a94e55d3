import { type EventLogger, type TenantNotifier } from '../events';
import { formatReference } from '../orders/orderNumber';
import { type RepairServices } from '../repairServices';
import { type RepairReport } from '../reporting/repairReport';
import { type Outbox, type OutboxEntry } from './outbox';

export interface OutboxSenderOptions {
  outbox: Outbox;
  services: Pick<RepairServices, 'placeOrder' | 'orders' | 'tenants' | 'subArea' | 'handOff' | 'clock' | 'phones'>;
  notifier: TenantNotifier;
  logger: EventLogger;
  /** Pause between rounds. */
  intervalMs: number;
  /** How long one sender holds a report; longer than a send takes (order, hand-off, message). */
  leaseMs?: number;
}

/** What one report's try came to. */
export type SendResult = 'sent' | 'refused' | 'still-waiting' | 'skipped';

const DEFAULT_LEASE_MS = 120_000;

/**
 * Sends the outbox's reports when Connect is back, in the background: every `intervalMs` it goes through the
 * waiting reports, oldest first. Each is sent the safe way (the order number is looked up before any POST, so an
 * attempt that got through earlier is found, never doubled), recorded with the conversation reference, handed to the
 * contractor when the work is external, and the tenant is told in the conversation they reported from. A round
 * stops at the first report Connect still cannot take: the rest would only add load on a Connect that is down.
 */
export class OutboxSender {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(private readonly options: OutboxSenderOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Stops the rounds and waits for one under way, so nothing is half-sent when storage closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One round now (tests and the timer); resolves when it is over, with what became of each report tried. */
  async runOnce(): Promise<Record<string, SendResult>> {
    const results: Record<string, SendResult> = {};
    for (const orderNumber of await this.options.outbox.waiting()) {
      const result = await this.sendOne(orderNumber).catch((error: unknown): SendResult => {
        this.options.logger.error({ err: { name: (error as Error).name } }, 'outbox: sending a report failed');
        return 'still-waiting';
      });
      results[orderNumber] = result;
      if (result === 'still-waiting') break;
    }
    return results;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch(() => undefined)
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.options.intervalMs);
    // The timer alone must not keep the process alive (tests, a shutdown that forgot stop()).
    this.timer.unref();
  }

  private async sendOne(orderNumber: string): Promise<SendResult> {
    const { outbox, services, logger } = this.options;
    const entry = await outbox.claim(orderNumber, this.options.leaseMs ?? DEFAULT_LEASE_MS);
    if (!entry) return 'skipped';
    const now = () => services.clock.now().toISOString();
    const tenant = services.tenants.findByPropertyId(entry.report.propertyId);
    const reference = formatReference(orderNumber) ?? orderNumber;
    if (!tenant) {
      // The home left the tenant directory while the report waited: it cannot be raised online any more.
      await this.tell(entry, refusedText(reference, services.phones.repairs));
      await outbox.finish(orderNumber, 'refused', now());
      logger.warn({ attempts: entry.attempts + 1 }, 'outbox: report refused, the property is no longer listed');
      return 'refused';
    }
    const report: RepairReport = { ...entry.report, tenant, raisedAt: new Date(entry.report.raisedAt) };
    const outcome = await services.placeOrder(report, { mayAlreadyExist: true });
    if (outcome.kind === 'unavailable') {
      await outbox.release(orderNumber, now());
      logger.info({ attempts: entry.attempts + 1 }, 'outbox: Connect still unavailable, the report waits');
      return 'still-waiting';
    }
    if (outcome.kind === 'refused') {
      await this.tell(entry, refusedText(reference, services.phones.repairs));
      await outbox.finish(orderNumber, 'refused', now());
      logger.warn({ attempts: entry.attempts + 1 }, 'outbox: Connect refused the report');
      return 'refused';
    }
    await services.orders.record({
      orderNumber,
      propertyId: entry.report.propertyId,
      code: entry.report.code,
      raisedAt: entry.report.raisedAt,
      status: 'open',
      channelId: entry.channelId,
      conversation: entry.conversation,
    });
    const next = await this.whatHappensNext(entry);
    await this.tell(entry, sentText(reference, next, entry.report.emergency ? services.phones.emergency : undefined));
    await outbox.finish(orderNumber, 'sent', now());
    logger.info(
      { attempts: entry.attempts + 1, alreadyExisted: outcome.alreadyExisted },
      'outbox: report sent to Connect',
    );
    return 'sent';
  }

  /** External work goes to the contractor, as it would have in the conversation; internal work waits for a call. */
  private async whatHappensNext(entry: OutboxEntry): Promise<string> {
    const { services } = this.options;
    const contractor = services.subArea(entry.report.code).contractor;
    if (contractor.type !== 'External') {
      return 'Our repairs team will contact you to arrange a visit. It is listed under "My appointments" until then.';
    }
    const handOff = await services.handOff(entry.report.orderNumber, contractor.supplierExternalId);
    if (handOff.kind !== 'handed-off') {
      return 'This repair is done by one of our contractors. Our repairs team will pass it on and the contractor will contact you.';
    }
    await services.orders.update(entry.report.orderNumber, { supplierExternalId: contractor.supplierExternalId });
    return `This repair is done by ${handOff.supplierName}. They will contact you to arrange a visit.`;
  }

  /** The order is in Connect whatever happens here: a message that cannot be delivered is logged, not retried. */
  private async tell(entry: OutboxEntry, text: string): Promise<void> {
    if (!entry.conversation) return;
    await this.options.notifier
      .notify({ channelId: entry.channelId, conversation: entry.conversation }, text)
      .catch((error: unknown) => {
        this.options.logger.warn(
          { err: { name: (error as Error).name }, channel: entry.channelId },
          'outbox: could not tell the tenant',
        );
      });
  }
}

function sentText(reference: string, next: string, emergencyPhone: string | undefined): string {
  const emergency = emergencyPhone
    ? ` If the emergency is not yet safe, please call our emergency repairs line now on ${emergencyPhone}.`
    : '';
  return `Your repair report has now been sent to our repairs system. Your reference is ${reference}. ${next}${emergency}`;
}

function refusedText(reference: string, repairsPhone: string): string {
  return `Sorry, our repairs system could not accept the repair report you saved with reference ${reference}. Please call us on ${repairsPhone} and quote it, so we can raise it for you.`;
}
