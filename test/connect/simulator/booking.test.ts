import {
  expectNoContractBreaches,
  raiseOrder,
  startTestSimulator,
  statusOf,
  type AvailabilityBody,
  type TestSimulator,
} from './harness';

/** Booking POST and its effect on availability: capacity, re-booking, shelving and cancellation. */
let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
beforeEach(() => {
  t.sim.reset();
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

type ErrorBody = { Message: string; ModelState: Record<string, string[]> };
type BookingResponse = {
  PrimaryOrderNumber: string;
  Date: string;
  VisitExternalId: string;
  PlanningWindow: { Id: number; Name: string };
};

const book = (body: Record<string, unknown>) => t.api<BookingResponse & ErrorBody>('POST', '/api/Booking', { body });
const slotStatus = async (pon: string, date: string, windowId: number, extra: Record<string, string> = {}) =>
  statusOf(
    (
      await t.api<AvailabilityBody>('GET', '/api/Availability', {
        query: { PrimaryOrderNumber: pon, Date: date, ...extra },
      })
    ).body,
    date,
    windowId,
  );

test('books a visit and answers the BookingResponse with the planning window', async () => {
  const pon = await raiseOrder(t);
  const answer = await book({
    PrimaryOrderNumber: pon,
    Date: '2026-12-08',
    PlanningWindowId: 2,
    VisitInstructions: 'Ring the bell twice',
    MessagingPreference: 0,
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({
    PrimaryOrderNumber: pon,
    Date: '2026-12-08',
    PlanningWindow: { Id: 2, Name: 'MORNING', StartHour: 8, StartMinute: 0, EndHour: 12, EndMinute: 59 },
    VisitExternalId: expect.stringMatching(/^VIS-\d{6}$/),
    VisitInstructions: 'Ring the bell twice',
    MessagingPreference: 0,
  });
  expect(t.sim.state.visits.get(answer.body.VisitExternalId)).toMatchObject({
    VisitStatus: 5,
    slot: { date: '2026-12-08', planningWindowId: 2 },
  });
});

test('each booking gets its own VisitExternalId', async () => {
  const pon = await raiseOrder(t);
  const first = await book({ PrimaryOrderNumber: pon, Date: '2026-12-08', PlanningWindowId: 2 });
  const second = await book({ PrimaryOrderNumber: pon, Date: '2026-12-09', PlanningWindowId: 3 });
  expect(first.body.VisitExternalId).not.toBe(second.body.VisitExternalId);
});

test('bookings use up a slot’s capacity (3 by default)', async () => {
  const orders = [await raiseOrder(t), await raiseOrder(t), await raiseOrder(t), await raiseOrder(t)];
  for (const pon of orders.slice(0, 3))
    expect((await book({ PrimaryOrderNumber: pon, Date: '2026-12-09', PlanningWindowId: 3 })).status).toBe(200);
  expect(await slotStatus(orders[3], '2026-12-09', 3)).toBe(0);
  expect(await slotStatus(orders[3], '2026-12-09', 2)).toBe(1); // windows do not share capacity
  const fourth = await book({ PrimaryOrderNumber: orders[3], Date: '2026-12-09', PlanningWindowId: 3 });
  expect(fourth.status).toBe(400);
  expect(fourth.body).toEqual({
    Message: 'The selected slot is no longer available.',
    ModelState: {
      'request.Date': ['The planning window is fully booked on that date.'],
      'request.PlanningWindowId': ['Planning window 3 (AFTERNOON) is not available on 2026-12-09.'],
    },
  });
});

test('a capacity override seeded through the admin API is honoured', async () => {
  t.sim.seed({ capacity: [{ date: '2026-12-10', planningWindowId: 4, capacity: 1 }] });
  const [a, b] = [await raiseOrder(t), await raiseOrder(t)];
  expect((await book({ PrimaryOrderNumber: a, Date: '2026-12-10', PlanningWindowId: 4 })).status).toBe(200);
  expect((await book({ PrimaryOrderNumber: b, Date: '2026-12-10', PlanningWindowId: 4 })).status).toBe(400);
});

test('re-booking moves the visit and frees its old slot; its own slot counts as free while re-appointing', async () => {
  t.sim.seed({ capacity: [{ date: '2026-12-08', planningWindowId: 2, capacity: 1 }] });
  const [mover, other] = [await raiseOrder(t), await raiseOrder(t)];
  const first = await book({ PrimaryOrderNumber: mover, Date: '2026-12-08', PlanningWindowId: 2 });
  expect(await slotStatus(other, '2026-12-08', 2)).toBe(0);
  expect(await slotStatus(mover, '2026-12-08', 2, { VisitExternalId: first.body.VisitExternalId })).toBe(1);

  const moved = await book({
    PrimaryOrderNumber: mover,
    Date: '2026-12-09',
    PlanningWindowId: 3,
    VisitExternalId: first.body.VisitExternalId,
  });
  expect(moved.status).toBe(200);
  expect(moved.body.VisitExternalId).toBe(first.body.VisitExternalId);
  expect(t.sim.state.visits.size).toBe(1);
  expect(await slotStatus(other, '2026-12-08', 2)).toBe(1);
  expect((await book({ PrimaryOrderNumber: other, Date: '2026-12-08', PlanningWindowId: 2 })).status).toBe(200);
});

test('re-booking a visit of another order is refused', async () => {
  const [a, b] = [await raiseOrder(t), await raiseOrder(t)];
  const visit = await book({ PrimaryOrderNumber: a, Date: '2026-12-08', PlanningWindowId: 2 });
  const answer = await book({
    PrimaryOrderNumber: b,
    Date: '2026-12-09',
    PlanningWindowId: 2,
    VisitExternalId: visit.body.VisitExternalId,
  });
  expect(answer.status).toBe(400);
  expect(Object.keys(answer.body.ModelState)).toEqual(['request.VisitExternalId']);
});

test.each([
  ['a past day', '2026-11-30', 2, {}, 'The date is in the past.'],
  ['a window that started today', '2026-12-01', 2, {}, 'The planning window has already started today.'],
  ['a weekend', '2026-12-12', 2, {}, 'Weekend appointments are not allowed unless IgnoreWeekends is true.'],
  ['a fully booked day', '2026-12-04', 1, {}, 'The planning window is fully booked on that date.'],
  ['a bank holiday', '2026-12-25', 1, {}, 'No appointments are available on bank holidays.'],
  [
    'out of hours for a routine job',
    '2026-12-08',
    5,
    {},
    'The out of hours window is only available for emergency or out of hours orders.',
  ],
])('refuses %s', async (_what, date, windowId, extra, why) => {
  const pon = await raiseOrder(t);
  const answer = await book({ PrimaryOrderNumber: pon, Date: date, PlanningWindowId: windowId, ...extra });
  expect(answer.status).toBe(400);
  expect(answer.body.Message).toBe('The selected slot is no longer available.');
  expect(answer.body.ModelState['request.Date']).toEqual([why]);
});

test('a weekend with IgnoreWeekends, and out of hours for an emergency, are booked', async () => {
  const routine = await raiseOrder(t);
  expect(
    (await book({ PrimaryOrderNumber: routine, Date: '2026-12-12', PlanningWindowId: 2, IgnoreWeekends: true })).status,
  ).toBe(200);
  const emergency = await raiseOrder(t, { PriorityExternalId: 'EMG' });
  expect((await book({ PrimaryOrderNumber: emergency, Date: '2026-12-01', PlanningWindowId: 5 })).status).toBe(200);
});

test('an unknown planning window or order is refused', async () => {
  const pon = await raiseOrder(t);
  const window = await book({ PrimaryOrderNumber: pon, Date: '2026-12-08', PlanningWindowId: 9 });
  expect(window.status).toBe(400);
  expect(window.body.ModelState).toEqual({ 'request.PlanningWindowId': ['No planning window with Id 9 exists.'] });
  const order = await book({ PrimaryOrderNumber: 'NOPE', Date: '2026-12-08', PlanningWindowId: 2 });
  expect(order.status).toBe(400);
  expect(Object.keys(order.body.ModelState)).toEqual(['request.PrimaryOrderNumber']);
});

test('ShelveAppointment creates a Shelved visit that holds no slot', async () => {
  t.sim.seed({ capacity: [{ date: '2026-12-08', planningWindowId: 2, capacity: 1 }] });
  const pon = await raiseOrder(t);
  const answer = await book({
    PrimaryOrderNumber: pon,
    Date: '2026-12-08',
    PlanningWindowId: 2,
    ShelveAppointment: true,
  });
  expect(answer.status).toBe(200);
  expect(t.sim.state.visits.get(answer.body.VisitExternalId)).toMatchObject({ VisitStatus: 6 });
  expect(t.sim.state.visits.get(answer.body.VisitExternalId)?.slot).toBeUndefined();
  expect(await slotStatus(pon, '2026-12-08', 2)).toBe(1);
});

test('cancelling the order marks its visits PendingDeletion and frees their slots', async () => {
  t.sim.seed({ capacity: [{ date: '2026-12-08', planningWindowId: 2, capacity: 1 }] });
  const [cancelled, other] = [await raiseOrder(t), await raiseOrder(t)];
  const visit = await book({ PrimaryOrderNumber: cancelled, Date: '2026-12-08', PlanningWindowId: 2 });
  expect(await slotStatus(other, '2026-12-08', 2)).toBe(0);
  const cancel = await t.api('PATCH', '/api/SalesOrder', {
    version: 2,
    body: {
      PrimaryOrderNumber: cancelled,
      ContractExternalId: 'CONTRACT-RESP',
      OrderStatus: 11,
      CancelReason: 'TENANT',
    },
  });
  expect(cancel.status).toBe(200);
  expect(t.sim.state.visits.get(visit.body.VisitExternalId)?.VisitStatus).toBe(4);
  expect(await slotStatus(other, '2026-12-08', 2)).toBe(1);
  const rebook = await book({ PrimaryOrderNumber: cancelled, Date: '2026-12-09', PlanningWindowId: 2 });
  expect(rebook.status).toBe(400);
  expect(rebook.body.ModelState['request.PrimaryOrderNumber'][0]).toContain('cancelled');
});
