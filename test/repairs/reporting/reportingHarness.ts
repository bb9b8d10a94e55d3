import { createConnectClient, createConnectFacade, type ConnectFacade, type SalesOrder } from '../../../src/connect';
import { createSimulator, type JournalEntry, type Simulator } from '../../../src/connect/simulator';
import { type Catalogue, createCatalogueLookups, loadCatalogue, type SubArea } from '../../../src/repairs/catalogue';
import { newPrimaryOrderNumber } from '../../../src/repairs/orders/orderNumber';
import { type RepairReport } from '../../../src/repairs/reporting/repairReport';
import { salesOrderFor } from '../../../src/repairs/reporting/salesOrderFor';
import { TenantDirectory, type Tenant } from '../../../src/repairs/tenants';
import { DEFAULT_TENANTS_PATH } from '../../../src/repairs/tenants/defaultTenants';
import { fixedClock } from '../../../src/repairs/time';

/**
 * A real Connect simulator on a free loopback port, a real client and façade, the bundled catalogue and tenants,
 * all on one fixed "now". Test-only plumbing: nothing of ours is replaced.
 */
export const NOW = '2026-12-01T09:00:00Z';
export const ZONE = 'Europe/London';
export const clock = fixedClock(NOW);
const password = 'reporting-tests-password';

export interface Reporting {
  simulator: Simulator;
  connect: ConnectFacade;
  catalogue: Catalogue;
  tenants: TenantDirectory;
  subArea(code: string): SubArea;
  tenant(propertyId?: string): Tenant;
  /** A report by Amelia Hart (PROP-0001) with a fresh order number. */
  report(overrides?: Partial<RepairReport>): RepairReport;
  orderFor(overrides?: Partial<RepairReport>): SalesOrder;
  /** Journal entries of one operation since `since` (a journal sequence number). */
  calls(operationId: string, since?: number): JournalEntry[];
  /** The last journal sequence number, to look only at what a step did. */
  mark(): number;
  close(): Promise<void>;
}

/**
 * `username` must be unique per test file: the client's token cache is shared by every client of the process,
 * keyed by base URL and user name, and a later simulator may get a closed one's port.
 */
export async function startReporting(username: string, options: { timeoutMs?: number } = {}): Promise<Reporting> {
  const simulator = await createSimulator({ port: 0, username, password, now: () => clock.now() });
  const connect = createConnectFacade(
    createConnectClient({
      baseUrl: simulator.baseUrl,
      username,
      password,
      timeoutMs: options.timeoutMs ?? 2_000,
      retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 },
    }),
  );
  const catalogue = loadCatalogue();
  const lookups = createCatalogueLookups(catalogue);
  const tenants = TenantDirectory.fromFile(DEFAULT_TENANTS_PATH);

  const subArea = (code: string): SubArea => {
    const found = lookups.findSubArea(code);
    if (!found) throw new Error(`no sub-area ${code}`);
    return found;
  };
  const tenant = (propertyId = 'PROP-0001'): Tenant => {
    const found = tenants.findByPropertyId(propertyId);
    if (!found) throw new Error(`no tenant ${propertyId}`);
    return found;
  };
  const report = (overrides: Partial<RepairReport> = {}): RepairReport => ({
    orderNumber: newPrimaryOrderNumber(clock, undefined, ZONE),
    tenant: tenant(),
    code: 'BATH001',
    description: 'water dripping from the bath panel',
    contact: { mobile: '+447700900101', email: 'amelia.hart@example.com', wantsTexts: true },
    emergency: false,
    conversationId: 'conversation-1',
    raisedAt: clock.now(),
    ...overrides,
  });
  const orderFor = (overrides: Partial<RepairReport> = {}): SalesOrder => {
    const r = report(overrides);
    return salesOrderFor(r, subArea(r.code), catalogue, ZONE);
  };
  const calls = (operationId: string, since = 0) =>
    simulator.journal(since).filter((entry) => entry.operationId === operationId);
  const mark = () => simulator.journal().at(-1)?.seq ?? 0;

  return {
    simulator,
    connect,
    catalogue,
    tenants,
    subArea,
    tenant,
    report,
    orderFor,
    calls,
    mark,
    close: () => simulator.close(),
  };
}

/** Polls (briefly) until `check` holds: for effects that land after the client has given up waiting. */
export async function eventually(check: () => boolean, what: string, limitMs = 5_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`still not true after ${limitMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
