import {
  createConnectClient,
  createConnectFacade,
  type ConnectClientOptions,
  type ConnectFacade,
  type ConnectLogger,
  type SalesOrder,
} from '../../../src/connect';
import { createSimulator } from '../../../src/connect/simulator';

/** A distinctive password, so a test can search every log line for it. */
export const password = 'Pa55word-that-must-never-be-logged';
let simulatorCount = 0;

export interface JournalEntry {
  seq: number;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  version: number | null;
  query: Record<string, string | string[]>;
  body: unknown;
}

export type Fault =
  | { kind: 'latency'; ms: number; operationId?: string; count?: number }
  | { kind: 'status'; status: number; operationId: string; count: number }
  | { kind: 'drop'; operationId: string; count: number }
  | { kind: 'expire-tokens' }
  | { kind: 'take-slot'; date: string; planningWindowId: number };

/** A simulator on a random loopback port plus its admin API (test-only plumbing, not the Connect client). */
export interface RunningSimulator {
  baseUrl: string;
  /**
   * Unique per simulator: tokens are cached per process by base URL and user name, and a later
   * simulator may get a closed one's port, so a shared name could pick up a dead token.
   */
  username: string;
  close(): Promise<void>;
  journal(): Promise<JournalEntry[]>;
  /** Journal entries of one operation, in order. */
  calls(operationId: string): Promise<JournalEntry[]>;
  fault(fault: Fault): Promise<void>;
}

export async function startSimulator(options: { tokenLifetimeSeconds?: number } = {}): Promise<RunningSimulator> {
  simulatorCount += 1;
  const username = `repairs-bot-${simulatorCount}@simulator.local`;
  const simulator = await createSimulator({
    port: 0,
    username,
    password,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
  });
  // The client tests time calls against time limits of a few hundred milliseconds: every validator is compiled
  // before they start, not on the first call of each operation.
  await simulator.warmUp();
  const admin = async (path: string, init?: RequestInit): Promise<unknown> => {
    const response = await fetch(new URL(`/simulator/${path}`, simulator.origin), init);
    if (!response.ok) throw new Error(`simulator admin ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  };
  const post = (path: string, body: unknown) =>
    admin(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const journal = async (): Promise<JournalEntry[]> => (await admin('journal')) as JournalEntry[];
  return {
    baseUrl: simulator.baseUrl,
    username,
    close: async () => {
      await simulator.close();
    },
    journal,
    calls: async (operationId) => (await journal()).filter((entry) => entry.operationId === operationId),
    fault: async (fault) => {
      await post('faults', fault);
    },
  };
}

/** A ConnectLogger that keeps every line as the JSON a pino transport would write. */
export function capturingLogger(): ConnectLogger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (obj: Record<string, unknown>, msg: string) => {
    lines.push(JSON.stringify({ level, ...obj, msg }));
  };
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** Small limits so retries and timeouts take milliseconds, not seconds. */
export function clientOptions(
  simulator: RunningSimulator,
  overrides: Partial<ConnectClientOptions> = {},
): ConnectClientOptions {
  return {
    baseUrl: simulator.baseUrl,
    username: simulator.username,
    password,
    timeoutMs: 2_000,
    retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  };
}

export function facadeFor(simulator: RunningSimulator, overrides: Partial<ConnectClientOptions> = {}): ConnectFacade {
  return createConnectFacade(createConnectClient(clientOptions(simulator, overrides)));
}

let orderCounter = 0;

/** A valid new order for a seeded demo property, with a unique order number. */
export function newOrder(overrides: Partial<SalesOrder> = {}): SalesOrder {
  orderCounter += 1;
  return {
    PrimaryOrderNumber: `TEST-${process.pid}-${orderCounter}`,
    UseExistingCustomerDetails: true,
    Customer: { ExternalId: 'PROP-0001', OrganisationExternalId: 'ORG-HA' },
    ContractExternalId: 'CONTRACT-RESP',
    TargetDateUTC: isoDate(daysFromNow(20)),
    PriorityExternalId: 'RTN',
    JobDescription: 'Bath panel loose',
    JobCodes: [{ CodeExternalId: 'BATH003', Quantity: 1 }],
    OrderSource: 1,
    ...overrides,
  };
}

export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * 86_400_000);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
