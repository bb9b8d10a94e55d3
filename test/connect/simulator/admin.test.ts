import {
  expectNoContractBreaches,
  FIXED_NOW,
  PASSWORD,
  raiseOrder,
  startTestSimulator,
  USERNAME,
  type AvailabilityBody,
  type TestSimulator,
} from './harness';
import demoTenants from '../../../src/connect/simulator/demoTenants.json';

/** The admin API under {origin}/simulator, over HTTP. */
let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

type Snapshot = ReturnType<TestSimulator['sim']['snapshot']>;
type Entry = {
  seq: number;
  at: string;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  version: number | null;
  query: Record<string, string>;
  body: unknown;
};

test('GET /simulator/state shows orders, visits, callbacks and tokens issued', async () => {
  const pon = await raiseOrder(t);
  await t.api('POST', '/api/Booking', { body: { PrimaryOrderNumber: pon, Date: '2026-12-08', PlanningWindowId: 2 } });
  await t.api('POST', '/api/ResponseCallback', { version: 2, body: { CloudExternalId: 'C-1', StatusCode: 500 } });
  const answer = await t.admin<Snapshot>('GET', 'state');
  expect(answer.status).toBe(200);
  expect(answer.body.orders.map((o) => o.order.PrimaryOrderNumber)).toContain(pon);
  expect(answer.body.visits).toEqual([
    expect.objectContaining({
      PrimaryOrderNumber: pon,
      VisitStatus: 5,
      slot: { date: '2026-12-08', planningWindowId: 2 },
    }),
  ]);
  expect(answer.body.callbacks).toEqual([
    expect.objectContaining({ callback: { CloudExternalId: 'C-1', StatusCode: 500 } }),
  ]);
  expect(answer.body.tokensIssued).toBeGreaterThanOrEqual(1);
  expect(answer.body.clock).toEqual({ now: FIXED_NOW.toISOString(), pinned: false, frozen: false });
  expect(answer.body.responseValidationFailures).toEqual([]);
});

test('GET /simulator/journal lists every call, with since; DELETE clears it but keeps counting', async () => {
  await t.api('GET', '/api/PlanningWindow', { version: 1, query: { extra: 'x' } });
  const all = (await t.admin<Entry[]>('GET', 'journal')).body;
  const last = all.at(-1) as Entry;
  expect(last).toEqual({
    seq: expect.any(Number),
    at: FIXED_NOW.toISOString(),
    method: 'GET',
    path: '/WS-API/api/PlanningWindow',
    operationId: 'getPlanningWindows',
    status: 200,
    version: 1,
    query: { extra: 'x' },
    body: null,
  });
  expect((await t.admin<Entry[]>('GET', `journal?since=${last.seq - 1}`)).body).toEqual([last]);
  expect((await t.admin('DELETE', 'journal')).status).toBe(200);
  expect((await t.admin<Entry[]>('GET', 'journal')).body).toEqual([]);
  await t.api('GET', '/api/PlanningWindow', { version: 1 });
  expect((await t.admin<Entry[]>('GET', 'journal')).body[0].seq).toBe(last.seq + 1);
});

test('the journal keeps request bodies as received but never the token password', async () => {
  await t.requestToken({ grant_type: 'password', username: USERNAME, password: PASSWORD });
  await t.api('POST', '/api/Booking', {
    body: { PrimaryOrderNumber: 'NOPE', Date: '2026-12-08', PlanningWindowId: '2' },
  });
  const entries = (await t.admin<Entry[]>('GET', 'journal')).body;
  expect(entries.find((e) => e.operationId === 'token')?.body).toEqual({ grant_type: 'password', username: USERNAME });
  expect(entries.at(-1)).toMatchObject({
    operationId: 'postBooking',
    status: 400,
    body: { PrimaryOrderNumber: 'NOPE', Date: '2026-12-08', PlanningWindowId: '2' },
  });
  expect(JSON.stringify(entries)).not.toContain(PASSWORD);
});

test('POST /simulator/clock pins the clock, DELETE gives it back', async () => {
  const pinned = await t.admin<{ now: string; pinned: boolean }>('POST', 'clock', { now: '2026-12-07T10:30:00Z' });
  expect(pinned.body).toEqual({ now: '2026-12-07T10:30:00.000Z', pinned: true, frozen: true });
  const pon = await raiseOrder(t);
  const availability = await t.api<AvailabilityBody>('GET', '/api/Availability', {
    query: { PrimaryOrderNumber: pon },
  });
  expect(availability.body.Availability.Date).toBe('2026-12-07');
  const ticking = await t.admin<{ frozen: boolean }>('POST', 'clock', { now: '2026-12-07T10:30:00Z', frozen: false });
  expect(ticking.body.frozen).toBe(false);
  expect((await t.admin<{ now: string }>('DELETE', 'clock')).body.now).toBe(FIXED_NOW.toISOString());
  expect((await t.admin('POST', 'clock', { now: 'yesterday' })).status).toBe(400);
});

test('POST /simulator/config sets the lifetime of new tokens', async () => {
  expect((await t.admin('POST', 'config', { tokenLifetimeSeconds: 60 })).body).toEqual({ tokenLifetimeSeconds: 60 });
  const token = await t.requestToken({ grant_type: 'password', username: USERNAME, password: PASSWORD });
  expect(token.body).toMatchObject({ expires_in: 60, '.expires': 'Tue, 01 Dec 2026 09:01:00 GMT' });
  expect((await t.admin('POST', 'config', { tokenLifetimeSeconds: -1 })).status).toBe(400);
  await t.admin('POST', 'config', { tokenLifetimeSeconds: 3600 });
});

test('POST /simulator/seed adds properties, suppliers, job codes and capacity', async () => {
  const property = {
    ExternalId: 'PROP-0200',
    OrganisationExternalId: 'ORG-HA',
    Name: 'Mr Alex Test',
    PrimaryContact: {
      FirstName: 'Alex',
      LastName: 'Test',
      MobilePhone: '07700 900200',
      EmailAddress: 'alex.test@example.com',
    },
    PrimaryAddress: { Line1: '3 Test Row', City: 'Leeds', PostCode: 'LS6 2ZZ' },
  };
  const answer = await t.admin('POST', 'seed', {
    properties: [property],
    suppliers: [{ ExternalId: 'SUP-TEST', Name: 'Test Supplies Ltd' }],
    jobCodes: [{ CodeExternalId: 'TEST900', ShortDescription: 'Seeded code', ContractExternalId: 'CONTRACT-RESP' }],
    capacity: [{ date: '2026-12-09', planningWindowId: 2, capacity: 0 }],
  });
  expect(answer.body).toEqual({ properties: 1, suppliers: 1, jobCodes: 1, capacity: 1 });
  const pon = await raiseOrder(t, {
    Customer: { ExternalId: 'PROP-0200', OrganisationExternalId: 'ORG-HA' },
    JobCodes: [{ CodeExternalId: 'TEST900', Quantity: 1 }],
  });
  const sub = await t.api<{ SupplierName: string }>('POST', '/api/BookSubContractorOrder', {
    version: 1,
    body: { PrimaryOrderNumber: pon, SupplierExternalId: 'SUP-TEST' },
  });
  expect(sub.body.SupplierName).toBe('Test Supplies Ltd');
  const booking = await t.api('POST', '/api/Booking', {
    body: { PrimaryOrderNumber: pon, Date: '2026-12-09', PlanningWindowId: 2 },
  });
  expect(booking.status).toBe(400);
  expect((await t.admin<Snapshot>('GET', 'state')).body.capacityOverrides).toContainEqual({
    date: '2026-12-09',
    planningWindowId: 2,
    capacity: 0,
  });
});

test('seeding checks Connect objects against the contract and admin shapes with zod', async () => {
  const badProperty = await t.admin<{ error: string }>('POST', 'seed', { properties: [{ ExternalId: 'PROP-X' }] });
  expect(badProperty.status).toBe(400);
  expect(badProperty.body.error).toContain('OrganisationExternalId');
  expect(
    (await t.admin('POST', 'seed', { capacity: [{ date: '2026-13-01', planningWindowId: 2, capacity: 1 }] })).status,
  ).toBe(400);
  expect(
    (await t.admin('POST', 'seed', { capacity: [{ date: '2026-12-01', planningWindowId: 8, capacity: 1 }] })).status,
  ).toBe(400);
  expect((await t.admin('POST', 'seed', { unknown: [] })).status).toBe(400);
  expect((await t.admin('POST', 'seed', '{not json')).status).toBe(400);
});

test('PATCH /simulator/visits/{id} changes a visit as if an operative had been', async () => {
  const pon = await raiseOrder(t);
  const booking = await t.api<{ VisitExternalId: string }>('POST', '/api/Booking', {
    body: { PrimaryOrderNumber: pon, Date: '2026-12-10', PlanningWindowId: 1 },
  });
  const answer = await t.admin('PATCH', `visits/${booking.body.VisitExternalId}`, {
    VisitStatus: 3,
    VisitResultType: 0,
  });
  expect(answer.body).toMatchObject({ VisitStatus: 3, VisitResultType: 0 });
  expect((await t.admin('PATCH', 'visits/VIS-999999', { VisitStatus: 3 })).status).toBe(404);
});

test('POST /simulator/reset goes back to the seed, clears journal and faults, optionally sets the clock', async () => {
  await raiseOrder(t);
  await t.admin('POST', 'faults', { kind: 'latency', ms: 1 });
  const answer = await t.admin<{ clock: { now: string } }>('POST', 'reset', { now: '2026-12-02T12:00:00Z' });
  expect(answer.body.clock.now).toBe('2026-12-02T12:00:00.000Z');
  const state = (await t.admin<Snapshot>('GET', 'state')).body;
  expect(state.orders).toEqual([]);
  expect(state.visits).toEqual([]);
  expect((await t.admin('GET', 'faults')).body).toEqual([]);
  expect((await t.admin<Entry[]>('GET', 'journal')).body).toEqual([]);
  // tokens issued before the reset keep working; the demo properties are back
  const summary = await t.api<{ Customer: { Name: string } }>('GET', '/api/BookingSummary', {
    version: 1,
    query: { PropertyId: 'PROP-0200' },
  });
  expect(summary.status).toBe(400);
  await t.admin('POST', 'reset');
  expect((await t.admin<Snapshot>('GET', 'state')).body.clock.now).toBe(FIXED_NOW.toISOString());
});

test('unknown admin routes and verbs', async () => {
  expect((await t.admin('GET', 'nothing')).status).toBe(404);
  expect((await t.admin('PUT', 'journal')).status).toBe(405);
});

test('the demo tenants are fictional: drama-range mobiles, example.com e-mails, seeded as properties', async () => {
  expect(demoTenants.length).toBeGreaterThanOrEqual(5);
  for (const tenant of demoTenants) {
    expect(tenant.PrimaryContact.MobilePhone).toMatch(/^07700 900\d{3}$/);
    expect(tenant.PrimaryContact.EmailAddress).toMatch(/@example\.com$/);
    expect(tenant.PrimaryAddress.PostCode).toMatch(/^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/);
    const summary = await t.api<{ Customer: unknown }>('GET', '/api/BookingSummary', {
      version: 1,
      query: { PropertyId: tenant.ExternalId },
    });
    expect(summary.body.Customer).toEqual(tenant);
  }
});
