import { randomUUID } from 'node:crypto';
import type { EventInput, FaultInput, SeedInput, VisitChange } from './adminInput';
import { SimulatorClock } from './clock';
import type { ConnectDefinition } from './connectDefinition';
import { deliverEvent, type EventBody, type EventsTarget, type SentEvent } from './eventSender';
import type { Customer, JobCode } from './connectTypes';
import { FaultBook, type ArmedFault } from './faults';
import type { Backoffice } from './handlers/types';
import { Journal, type JournalEntry } from './journal';
import type { ResolvedOptions, SimulatorLogger } from './options';
import { CaseInsensitiveRouter } from './routing';
import { Scheduler } from './scheduler';
import { addJobCode, applySeed } from './seed';
import { SimulatorState, slotKey, type Visit, VISIT_STATUS, type VisitStatusValue } from './state';
import type { VisitResultType } from './connectTypes';
import { TokenStore } from './tokens';

/**
 * One simulated Connect: its state, clock, tokens, journal and faults, and the admin operations on them. The HTTP
 * server and the admin routes are thin layers over this object, which tests may also drive in-process.
 */
export interface ResponseFailure {
  at: string;
  operationId: string;
  status: number;
  complaints: string[];
}

export class AdminInputError extends Error {}

/** An admin call that cannot be done in the simulator's present state (e.g. no events target): a 409. */
export class AdminStateError extends Error {}

const APPOINTMENT_EVENTS = new Set(['NewAppointment', 'ReAppointment', 'FollowOnAppointment']);

export class SimulatorCore {
  readonly state = new SimulatorState();
  readonly clock: SimulatorClock;
  readonly scheduler: Scheduler;
  readonly tokens = new TokenStore();
  readonly journal = new Journal();
  readonly faults = new FaultBook();
  readonly router: CaseInsensitiveRouter;
  /** answers that did not match openapi.yaml (simulator bugs); tests assert there are none */
  readonly responseFailures: ResponseFailure[] = [];
  tokenLifetimeSeconds: number;
  origin = '';
  /** Where events go (the bot's events web service); kept by reset, like issued tokens. */
  eventsTarget?: EventsTarget;
  /** Every event delivery made, oldest first. */
  readonly sentEvents: SentEvent[] = [];
  private eventCounter = 0;

  constructor(
    readonly definition: ConnectDefinition,
    readonly options: ResolvedOptions,
  ) {
    this.clock = new SimulatorClock(options.now);
    this.scheduler = new Scheduler(this.state, () => this.clock.now());
    this.router = new CaseInsensitiveRouter(definition.operations());
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds;
    this.eventsTarget = options.eventsTarget;
    applySeed(this.state);
  }

  get logger(): SimulatorLogger {
    return this.options.logger;
  }

  get backoffice(): Backoffice {
    return { state: this.state, scheduler: this.scheduler, clock: this.clock, origin: this.origin };
  }

  /**
   * Back to the seed: state, journal, faults, token lifetime; the clock goes back to the start clock or to `now`.
   * Issued tokens stay valid, so a bot connected to the simulator carries on after a test or demo resets it.
   */
  reset(now?: Date): void {
    applySeed(this.state);
    this.journal.reset();
    this.faults.clear();
    this.responseFailures.length = 0;
    this.sentEvents.length = 0;
    this.eventCounter = 0;
    this.tokenLifetimeSeconds = this.options.tokenLifetimeSeconds;
    if (now) this.clock.set(now);
    else this.clock.restore();
  }

  /** Adds properties, suppliers, job codes and capacity overrides; Connect objects are checked against the contract. */
  seed(input: SeedInput): { properties: number; suppliers: number; jobCodes: number; capacity: number } {
    const complaints = [
      ...(input.properties ?? []).flatMap((p) => this.definition.componentComplaints('Customer', p)),
      ...(input.jobCodes ?? []).flatMap((j) => this.definition.componentComplaints('JobCode', j)),
    ];
    if (complaints.length > 0) throw new AdminInputError(complaints.join('; '));
    const properties = (input.properties ?? []) as Customer[];
    const jobCodes = (input.jobCodes ?? []) as JobCode[];
    properties.forEach((p) => this.state.customers.set(p.ExternalId, structuredClone(p)));
    input.suppliers?.forEach((s) => this.state.suppliers.set(s.ExternalId, { ...s }));
    jobCodes.forEach((j) => addJobCode(this.state, j));
    input.capacity?.forEach((c) => this.state.capacityOverrides.set(slotKey(c.date, c.planningWindowId), c.capacity));
    return {
      properties: properties.length,
      suppliers: input.suppliers?.length ?? 0,
      jobCodes: jobCodes.length,
      capacity: input.capacity?.length ?? 0,
    };
  }

  /** Arms a fault, or performs an immediate one (expire-tokens, take-slot). */
  fault(
    input: FaultInput,
  ):
    | ArmedFault
    | { kind: 'expire-tokens'; expired: number }
    | { kind: 'take-slot'; date: string; planningWindowId: number } {
    switch (input.kind) {
      case 'expire-tokens':
        return { kind: 'expire-tokens', expired: this.tokens.revokeAll() };
      case 'take-slot':
        this.state.takenSlots.add(slotKey(input.date, input.planningWindowId));
        return { ...input };
      default:
        return this.faults.arm(input);
    }
  }

  changeVisit(visitExternalId: string, change: VisitChange): boolean {
    const visit = this.state.visits.get(visitExternalId);
    if (!visit) return false;
    if (change.VisitStatus !== undefined) visit.VisitStatus = change.VisitStatus as VisitStatusValue; // zod checked 0-6
    if (change.VisitResultType !== undefined) visit.VisitResultType = change.VisitResultType as VisitResultType; // zod checked 0-3
    if (change.OperativeComments !== undefined) visit.OperativeComments = change.OperativeComments;
    if (change.Date !== undefined && change.PlanningWindowId !== undefined) {
      // Re-appointed by the back office, which may overbook: no capacity check.
      visit.slot = { date: change.Date, planningWindowId: change.PlanningWindowId };
      if (change.VisitStatus === undefined) visit.VisitStatus = VISIT_STATUS.Booked;
      visit.bookedAt = this.clock.now().toISOString();
    }
    return true;
  }

  /** The event Connect would send for a change made with changeVisit; undefined when none matches. */
  eventForVisitChange(visitExternalId: string, change: VisitChange): EventInput | undefined {
    const visit = this.state.visits.get(visitExternalId);
    if (!visit) return undefined;
    const about = { PrimaryOrderNumber: visit.PrimaryOrderNumber, VisitExternalId: visit.VisitExternalId };
    if (change.Date !== undefined) return { eventType: 'ReAppointment', ...about };
    switch (change.VisitStatus ?? (change.VisitResultType !== undefined ? visit.VisitStatus : undefined)) {
      case VISIT_STATUS.Completed:
        return { eventType: 'VisitCompleted', ...about };
      case VISIT_STATUS.Shelved:
        return { eventType: 'VisitShelved', ...about };
      case VISIT_STATUS.PendingDeletion:
        return { eventType: 'VisitDeleted', ...about };
      default:
        return undefined;
    }
  }

  /**
   * An event as Connect would send it, its blanks filled from the simulator's state: the visit defaults to the
   * order's latest, the slot, status and result to the visit's; an EventId and OccurredAt are made up.
   */
  buildEvent(input: EventInput): EventBody {
    const needsVisit = input.eventType !== 'OrderCompleted';
    const visit: Visit | undefined = input.VisitExternalId
      ? this.state.visits.get(input.VisitExternalId)
      : needsVisit
        ? this.state.visitsOf(input.PrimaryOrderNumber).sort((a, b) => b.bookedAt.localeCompare(a.bookedAt))[0]
        : undefined;
    const appointment = APPOINTMENT_EVENTS.has(input.eventType);
    const body: EventBody = {
      EventId: input.EventId ?? `EV-${String((this.eventCounter += 1)).padStart(6, '0')}`,
      EventType: input.eventType,
      PrimaryOrderNumber: input.PrimaryOrderNumber,
      VisitExternalId: input.VisitExternalId ?? (needsVisit ? visit?.VisitExternalId : undefined),
      Date: input.Date ?? (appointment ? visit?.slot?.date : undefined),
      PlanningWindowId: input.PlanningWindowId ?? (appointment ? visit?.slot?.planningWindowId : undefined),
      VisitStatus: input.VisitStatus ?? (needsVisit ? visit?.VisitStatus : undefined),
      VisitResultType:
        input.VisitResultType ?? (input.eventType === 'VisitCompleted' ? visit?.VisitResultType : undefined),
      OccurredAt: input.OccurredAt ?? this.clock.now().toISOString(),
      CloudExternalId: input.CloudExternalId === true ? randomUUID() : input.CloudExternalId,
    };
    // Members left blank are left out, as Json.NET would with NullValueHandling.Ignore.
    return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as EventBody;
  }

  /** Signs and posts an event to the events target; the delivery (and the bot's answer) is kept in sentEvents. */
  async sendEvent(input: EventInput): Promise<SentEvent> {
    const target = this.eventsTarget;
    if (!target) {
      throw new AdminStateError(
        'No events target: set one with POST /simulator/config { eventsTarget: { url, secret } }',
      );
    }
    const sent = await deliverEvent(target, this.buildEvent(input), this.clock.now());
    this.sentEvents.push(sent);
    if (sent.status === 0) this.logger.warn({ url: target.url }, 'event not delivered: the target did not answer');
    return structuredClone(sent);
  }

  journalSince(since?: number): JournalEntry[] {
    return this.journal.list(since);
  }

  /** Everything a test may want to look at, as plain JSON. */
  snapshot() {
    const splitKey = (key: string) => {
      const [date, window] = key.split('|');
      return { date, planningWindowId: Number(window) };
    };
    return {
      clock: this.clock.describe(),
      orders: this.state.orders.values().map((o) => structuredClone(o)),
      visits: this.state.visits.values().map((v) => structuredClone(v)),
      subcontractOrders: [...this.state.subcontractOrders.values()].map((s) => structuredClone(s)),
      callbacks: structuredClone(this.state.callbacks),
      customersCreated: this.state.customerModels.values().map((c) => structuredClone(c)),
      userAccounts: structuredClone(this.state.userAccounts),
      purchaseInvoices: structuredClone(this.state.purchaseInvoices),
      capacityOverrides: [...this.state.capacityOverrides].map(([key, capacity]) => ({ ...splitKey(key), capacity })),
      takenSlots: [...this.state.takenSlots].map(splitKey),
      tokensIssued: this.tokens.issued,
      tokenLifetimeSeconds: this.tokenLifetimeSeconds,
      responseValidationFailures: structuredClone(this.responseFailures),
      eventsTarget: this.eventsTarget ? { url: this.eventsTarget.url } : null,
      eventsSent: structuredClone(this.sentEvents),
    };
  }
}

export type SimulatorSnapshot = ReturnType<SimulatorCore['snapshot']>;
