import type { FaultInput, SeedInput, VisitChange } from './adminInput';
import { SimulatorClock } from './clock';
import type { ConnectDefinition } from './connectDefinition';
import type { Customer, JobCode } from './connectTypes';
import { FaultBook, type ArmedFault } from './faults';
import type { Backoffice } from './handlers/types';
import { Journal, type JournalEntry } from './journal';
import type { ResolvedOptions, SimulatorLogger } from './options';
import { CaseInsensitiveRouter } from './routing';
import { Scheduler } from './scheduler';
import { addJobCode, applySeed } from './seed';
import { SimulatorState, slotKey, type VisitStatusValue } from './state';
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

  constructor(
    readonly definition: ConnectDefinition,
    readonly options: ResolvedOptions,
  ) {
    this.clock = new SimulatorClock(options.now);
    this.scheduler = new Scheduler(this.state, () => this.clock.now());
    this.router = new CaseInsensitiveRouter(definition.operations());
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds;
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
    return true;
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
    };
  }
}

export type SimulatorSnapshot = ReturnType<SimulatorCore['snapshot']>;
