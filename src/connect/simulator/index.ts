import type { Server } from 'node:http';
import type { EventInput, FaultInput, SeedInput, VisitChange } from './adminInput';
import { ConnectDefinition } from './connectDefinition';
import type { EventsTarget, SentEvent } from './eventSender';
import type { JournalEntry } from './journal';
import { resolveOptions, type SimulatorOptions } from './options';
import { startServer, stopServer } from './server';
import { SimulatorCore, type ResponseFailure, type SimulatorSnapshot } from './simulatorCore';
import type { SimulatorState } from './state';

/**
 * A Totalmobile Connect Web Services simulator on loopback: the 30 operations of openapi.yaml with an in-memory
 * back office and a scheduler, plus an admin API (`{origin}/simulator/...`) and the same admin operations in-process.
 */
export interface Simulator {
  /** e.g. http://127.0.0.1:5055/WS-API */
  baseUrl: string;
  /** e.g. http://127.0.0.1:5055 (the admin API is at `${origin}/simulator`) */
  origin: string;
  /** the live in-memory back office (read it in tests; change it through the admin operations) */
  state: SimulatorState;
  close(): Promise<void>;
  /**
   * Compiles the validators of the operations not called yet, in the background between requests (they are
   * otherwise compiled on first use); call it once the app is up. Resolves when done; failures show on first use.
   */
  warmUp(pauseMs?: number): Promise<void>;
  reset(options?: { now?: Date }): void;
  seed(input: SeedInput): void;
  journal(since?: number): JournalEntry[];
  clearJournal(): void;
  snapshot(): SimulatorSnapshot;
  setClock(now: Date, frozen?: boolean): void;
  restoreClock(): void;
  fault(input: FaultInput): void;
  clearFaults(): void;
  setTokenLifetime(seconds: number): void;
  changeVisit(visitExternalId: string, change: VisitChange): boolean;
  /** answers that broke the contract (simulator bugs); should always be empty */
  responseFailures(): ResponseFailure[];
  /** where Connect's update events go (the bot's events URL and shared secret); undefined stops sending */
  setEventsTarget(target: EventsTarget | undefined): void;
  /** signs and posts an event to the events target (as POST /simulator/events); rejects when there is none */
  sendEvent(input: EventInput): Promise<SentEvent>;
  /** every event delivery made since the last reset, with the bot's answers */
  eventsSent(): SentEvent[];
}

export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const definition = await ConnectDefinition.load(resolved.logger);
  const core = new SimulatorCore(definition, resolved);
  const { server, origin }: { server: Server; origin: string } = await startServer(core, resolved.port, resolved.host);
  core.origin = origin;
  return {
    baseUrl: `${origin}${resolved.basePath}`,
    origin,
    state: core.state,
    close: () => stopServer(server),
    warmUp: (pauseMs) =>
      definition.warmUp(pauseMs).catch((error: unknown) => resolved.logger.warn({ err: error }, 'warm-up failed')),
    reset: (opts) => core.reset(opts?.now),
    seed: (input) => void core.seed(input),
    journal: (since) => core.journalSince(since),
    clearJournal: () => core.journal.clear(),
    snapshot: () => core.snapshot(),
    setClock: (now, frozen) => core.clock.set(now, frozen),
    restoreClock: () => core.clock.restore(),
    fault: (input) => void core.fault(input),
    clearFaults: () => core.faults.clear(),
    setTokenLifetime: (seconds) => {
      core.tokenLifetimeSeconds = seconds;
    },
    changeVisit: (id, change) => core.changeVisit(id, change),
    responseFailures: () => structuredClone(core.responseFailures),
    setEventsTarget: (target) => {
      core.eventsTarget = target;
    },
    sendEvent: (input) => core.sendEvent(input),
    eventsSent: () => structuredClone(core.sentEvents),
  };
}

export type { SimulatorOptions, SimulatorLogger } from './options';
export type { JournalEntry } from './journal';
export type { EventInput, FaultInput, SeedInput } from './adminInput';
export type { EventBody, EventsTarget, SentEvent } from './eventSender';
export type { ResponseFailure, SimulatorSnapshot } from './simulatorCore';
export { DEMO_TENANTS } from './seed';
