import { expectNoContractBreaches, raiseOrder, startTestSimulator, type TestSimulator } from './harness';

/** BookingSummary GET by property and by order, with and without a window. */
let t: TestSimulator;
let first: string;
let second: string;
let visits: string[];
beforeAll(async () => {
  t = await startTestSimulator();
  first = await raiseOrder(t, { Customer: { ExternalId: 'PROP-0003', OrganisationExternalId: 'ORG-HA' } });
  second = await raiseOrder(t, { Customer: { ExternalId: 'PROP-0003', OrganisationExternalId: 'ORG-HA' } });
  await raiseOrder(t, { Customer: { ExternalId: 'PROP-0004', OrganisationExternalId: 'ORG-HA' } });
  visits = [];
  const a = await t.api<{ VisitExternalId: string }>('POST', '/api/Booking', {
    body: { PrimaryOrderNumber: first, Date: '2026-12-08', PlanningWindowId: 2, VisitInstructions: 'Dog in garden' },
  });
  visits.push(a.body.VisitExternalId);
  const b = await t.api<{ VisitExternalId: string }>('POST', '/api/Booking', {
    body: { PrimaryOrderNumber: second, Date: '2026-12-18', PlanningWindowId: 3 },
  });
  visits.push(b.body.VisitExternalId);
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

type Summary = { Customer: Record<string, unknown>; Appointments: Record<string, unknown>[] };
const summary = (query: Record<string, string>) =>
  t.api<Summary & { ModelState: Record<string, string[]> }>('GET', '/api/BookingSummary', { version: 1, query });

test('by property: the customer and the appointments of all its orders', async () => {
  const answer = await summary({ PropertyId: 'PROP-0003' });
  expect(answer.status).toBe(200);
  expect(answer.body.Customer).toMatchObject({
    ExternalId: 'PROP-0003',
    Name: 'Mrs Priya Sharma',
    PrimaryAddress: { City: 'Sheffield' },
  });
  expect(answer.body.Appointments).toEqual([
    {
      PrimaryOrderNumber: first,
      OrderRaisedDate: '2026-12-01',
      VisitExternalId: visits[0],
      VisitStatus: 5,
      VisitStatusName: 'Booked',
      Resource: expect.any(String),
      VisitInstructions: 'Dog in garden',
      PlanningWindowStart: '2026-12-08T08:00:00',
      PlanningWindowEnd: '2026-12-08T12:59:00',
    },
    expect.objectContaining({
      PrimaryOrderNumber: second,
      VisitExternalId: visits[1],
      PlanningWindowStart: '2026-12-18T12:00:00',
    }),
  ]);
});

test('by property within a window', async () => {
  const answer = await summary({
    PropertyId: 'PROP-0003',
    WindowStart: '2026-12-10 00:00:00',
    WindowEnd: '2026-12-31 23:59:59',
  });
  expect(answer.body.Appointments.map((a) => a.VisitExternalId)).toEqual([visits[1]]);
  const none = await summary({ PropertyId: 'PROP-0003', WindowStart: '2027-01-01 00:00:00' });
  expect(none.body.Appointments).toEqual([]);
});

test('by order', async () => {
  const answer = await summary({ PrimaryOrderNumber: second });
  expect(answer.status).toBe(200);
  expect(answer.body.Customer).toMatchObject({ ExternalId: 'PROP-0003' });
  expect(answer.body.Appointments.map((a) => a.VisitExternalId)).toEqual([visits[1]]);
  const outside = await summary({ PrimaryOrderNumber: second, WindowEnd: '2026-12-18 11:59:59' });
  expect(outside.body.Appointments).toEqual([]);
});

test('a property without orders has no appointments', async () => {
  const answer = await summary({ PropertyId: 'PROP-0007' });
  expect(answer.status).toBe(200);
  expect(answer.body.Appointments).toEqual([]);
});

test('the visit result and status show once the visit has happened', async () => {
  t.sim.changeVisit(visits[0], { VisitStatus: 3, VisitResultType: 1, OperativeComments: 'No answer at the door' });
  const answer = await summary({ PrimaryOrderNumber: first });
  expect(answer.body.Appointments[0]).toMatchObject({
    VisitStatus: 3,
    VisitStatusName: 'Completed',
    VisitResultType: 1,
    VisitResultTypeName: 'NoAccess',
    OperativeComments: 'No answer at the door',
  });
});

test('PropertyId or PrimaryOrderNumber is required; unknown ones are refused', async () => {
  const neither = await summary({});
  expect(neither.status).toBe(400);
  expect(Object.keys(neither.body.ModelState).sort()).toEqual(['request.PrimaryOrderNumber', 'request.PropertyId']);
  const property = await summary({ PropertyId: 'PROP-9999' });
  expect(property.status).toBe(400);
  expect(Object.keys(property.body.ModelState)).toEqual(['request.PropertyId']);
  const order = await summary({ PrimaryOrderNumber: 'NOPE' });
  expect(order.status).toBe(400);
  const badWindow = await summary({ PropertyId: 'PROP-0003', WindowStart: '2026-12-10' });
  expect(badWindow.status).toBe(400);
  expect(Object.keys(badWindow.body.ModelState)).toEqual(['request.WindowStart']);
});
