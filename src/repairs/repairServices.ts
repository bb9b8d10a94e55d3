import { type ConnectFacade } from '../connect';
import { type Catalogue, type CatalogueLookups, createCatalogueLookups, type SubArea } from './catalogue';
import { createDiagnosisMatcher, type DiagnosisMatcher } from './diagnosis';
import { createEmergencyDetector, type EmergencyDetector } from './emergencies';
import { type RepairsTeamMail } from './handoff/repairsTeamMail';
import { newPrimaryOrderNumber } from './orders/orderNumber';
import { LearningLog } from './learning';
import { keptReport, Outbox } from './outbox/outbox';
import { findOpenDuplicate } from './orders/duplicateCheck';
import { MemoryRecordStore } from './orders/recordStore';
import { type OrderRecord, type OrderRegistry } from './orders/orderRegistry';
import { bookVisit, type BookVisitOutcome, type BookVisitRequest } from './reporting/bookVisit';
import { handOffToContractor, type HandOffOutcome } from './reporting/handOffToContractor';
import { placeOrder, type PlaceOrderOutcome } from './reporting/placeOrder';
import { type RepairReport } from './reporting/repairReport';
import { emergencyPriorityOf, salesOrderFor } from './reporting/salesOrderFor';
import { SlotFinder } from './reporting/slotSearch';
import { createWishParser, describeSlot, type PlanningWindow, type Slot, type WishParser } from './slots';
import { discardFunnel, Funnel } from './telemetry';
import { type SiteIdentityVerifier, type TenantDirectory } from './tenants';
import { type Clock, type IsoDate, targetDate } from './time';

export interface ContactNumbers {
  /** The repairs line, office hours. */
  repairs: string;
  /** The 24-hour emergency repairs line. */
  emergency: string;
}

export interface RepairServicesOptions {
  connect: ConnectFacade;
  catalogue: Catalogue;
  tenants: TenantDirectory;
  clock: Clock;
  zone: string;
  phones: ContactNumbers;
  orders: OrderRegistry;
  repairsTeam: RepairsTeamMail;
  /** Where poorly understood messages are kept for `repairs-bot review`; in memory when not given. */
  learning?: LearningLog;
  /** Visits due within this many days cannot be moved online ("not due within the next n days"). */
  rebookMinDays: number;
  wishParser?: WishParser;
  /** Where reports Connect could not take wait to be sent; in memory when not given (tests, tools). */
  outbox?: Outbox;
  /** Checks the housing website's signed tenant identities; unset: the website cannot vouch for a tenant. */
  siteIdentity?: SiteIdentityVerifier;
  /** Where the dialogs' funnel events go (no personal data); discarded when not given (tests, tools). */
  funnel?: Funnel;
}

/**
 * Everything the dialogs may ask of the domain, built once at start-up: the catalogue and its matchers, the
 * tenant directory, the clock, and the Connect work of a report (order, slots, booking, contractor). Dialogs hold
 * this and nothing else below them, so a rule never hides in a dialog.
 */
export class RepairServices {
  readonly catalogue: Catalogue;
  readonly lookups: CatalogueLookups;
  readonly matcher: DiagnosisMatcher;
  readonly emergencies: EmergencyDetector;
  readonly tenants: TenantDirectory;
  readonly clock: Clock;
  readonly zone: string;
  readonly phones: ContactNumbers;
  readonly slots: SlotFinder;
  readonly wishParser: WishParser;
  readonly orders: OrderRegistry;
  readonly repairsTeam: RepairsTeamMail;
  readonly learning: LearningLog;
  readonly rebookMinDays: number;
  readonly connect: ConnectFacade;
  readonly outbox: Outbox;
  readonly siteIdentity?: SiteIdentityVerifier;
  readonly funnel: Funnel;

  constructor(options: RepairServicesOptions) {
    this.connect = options.connect;
    this.catalogue = options.catalogue;
    this.lookups = createCatalogueLookups(options.catalogue);
    this.matcher = createDiagnosisMatcher(options.catalogue);
    this.emergencies = createEmergencyDetector(options.catalogue);
    this.tenants = options.tenants;
    this.clock = options.clock;
    this.zone = options.zone;
    this.phones = options.phones;
    this.slots = new SlotFinder(options.connect, options.clock, options.zone);
    this.orders = options.orders;
    this.learning =
      options.learning ?? new LearningLog(new MemoryRecordStore(), { clock: options.clock, zone: options.zone });
    this.repairsTeam = options.repairsTeam;
    this.rebookMinDays = options.rebookMinDays;
    this.outbox = options.outbox ?? new Outbox(new MemoryRecordStore());
    this.siteIdentity = options.siteIdentity;
    this.funnel = options.funnel ?? new Funnel(discardFunnel, { clock: options.clock, salt: '' });
    // The recogniser's model takes a few hundred milliseconds to build: pay that at start-up, not on a turn.
    this.wishParser = options.wishParser ?? createWishParser();
  }

  newOrderNumber(): string {
    return newPrimaryOrderNumber(this.clock, undefined, this.zone);
  }

  subArea(code: string): SubArea {
    const subArea = this.lookups.findSubArea(code);
    if (!subArea) throw new Error(`Unknown repair code ${code}`);
    return subArea;
  }

  /** The day by which the order must be done, as Connect's TargetDateUTC. */
  targetDateOf(report: RepairReport): IsoDate {
    return this.salesOrder(report).TargetDateUTC;
  }

  private salesOrder(report: RepairReport) {
    return salesOrderFor(report, this.subArea(report.code), this.catalogue, this.zone);
  }

  placeOrder(report: RepairReport, options: { mayAlreadyExist: boolean }): Promise<PlaceOrderOutcome> {
    return placeOrder(this.connect, this.salesOrder(report), options);
  }

  /**
   * Keeps a report Connect could not take, to be sent by the outbox sender when Connect is back; the tenant is
   * told then, in the conversation the reference points to.
   */
  keepForLater(report: RepairReport, where: { channelId: string; conversation: unknown }): Promise<void> {
    return this.outbox.save({ report: keptReport(report), ...where, savedAt: this.clock.now().toISOString() });
  }

  book(request: BookVisitRequest): Promise<BookVisitOutcome> {
    return bookVisit(this.connect, request);
  }

  handOff(orderNumber: string, supplierExternalId: string): Promise<HandOffOutcome> {
    return handOffToContractor(this.connect, this.catalogue, orderNumber, supplierExternalId);
  }

  describeSlot(slot: Slot, windows: readonly PlanningWindow[]): string {
    return describeSlot(slot, windows, this.zone, this.clock.now());
  }

  /** An open order at the property for the same repair, reported recently (see duplicateCheck). */
  async findOpenDuplicate(propertyId: string, code: string): Promise<OrderRecord | undefined> {
    const sent = await findOpenDuplicate(this.orders, this.connect, this.catalogue.contractExternalId, {
      propertyId,
      code,
      now: this.clock.now(),
    });
    if (sent) return sent;
    // Kept in the outbox while Connect was down: the same repair, not yet in Connect nor in the registry.
    const kept = await this.outbox.waitingFor(propertyId, code);
    return kept
      ? {
          orderNumber: kept.report.orderNumber,
          propertyId,
          code,
          raisedAt: kept.report.raisedAt,
          status: 'open',
          channelId: kept.channelId,
        }
      : undefined;
  }

  /** The priority an emergency is raised with (the catalogue's shortest target in hours). */
  emergencyPriorityId(): string | undefined {
    return emergencyPriorityOf(this.catalogue)?.id;
  }

  /** For emergencies: the catalogue's target as a date, e.g. 24 hours from now. */
  emergencyTargetDate(now: Date = this.clock.now()): IsoDate {
    return targetDate(emergencyPriorityOf(this.catalogue)?.target ?? { hours: 24 }, now, this.zone);
  }
}
