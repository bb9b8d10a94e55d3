import {
  expectNoContractBreaches,
  raiseOrder,
  startTestSimulator,
  statusOf,
  type AvailabilityBody,
  type TestSimulator,
} from './harness';

/**
 * The scheduler's rules as Availability GET shows them, with the clock fixed at Tuesday 1 December 2026 09:00 GMT.
 * Seeded calendar (deterministic from the date): 2026-12-03 Preferred, 2026-12-04 fully booked, 2026-12-07..11 normal.
 */
let t: TestSimulator;
let routine: string;
beforeAll(async () => {
  t = await startTestSimulator();
  routine = await raiseOrder(t, { PriorityExternalId: 'RTN' });
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

const NOT_AVAILABLE = 0;
const AVAILABLE = 1;
const PREFERRED = 2;

async function availability(query: Record<string, string | number | boolean>): Promise<AvailabilityBody> {
  const answer = await t.api<AvailabilityBody>('GET', '/api/Availability', { query });
  expect(answer.status).toBe(200);
  return answer.body;
}

const daysOf = (body: AvailabilityBody, windowId: number) =>
  body.AvailabilityPlanningWindows.find((w) => w.PlanningWindowId === windowId)?.AvailabilityDays ?? [];

test('answers whole Monday–Sunday weeks for every planning window, with the planning windows themselves', async () => {
  const body = await availability({ PrimaryOrderNumber: routine, Date: '2026-12-09' });
  expect(body.Availability).toMatchObject({ PrimaryOrderNumber: routine, Date: '2026-12-09', NumberOfWeeks: 1 });
  expect(body.PlanningWindows).toEqual([
    { Id: 1, Name: 'ALL DAY', StartHour: 8, StartMinute: 0, EndHour: 16, EndMinute: 59 },
    { Id: 2, Name: 'MORNING', StartHour: 8, StartMinute: 0, EndHour: 12, EndMinute: 59 },
    { Id: 3, Name: 'AFTERNOON', StartHour: 12, StartMinute: 0, EndHour: 16, EndMinute: 59 },
    { Id: 4, Name: 'SCHOOL RUN', StartHour: 9, StartMinute: 30, EndHour: 14, EndMinute: 29 },
    { Id: 5, Name: 'OUT OF HOURS', StartHour: 17, StartMinute: 0, EndHour: 23, EndMinute: 59 },
  ]);
  expect(body.AvailabilityPlanningWindows.map((w) => w.PlanningWindowId)).toEqual([1, 2, 3, 4, 5]);
  for (const window of body.AvailabilityPlanningWindows) {
    expect(window.AvailabilityDays.map((d) => d.Date)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ]);
  }
});

test.each([1, 2, 3, 4, 5])('NumberOfWeeks %i gives 7 days per week from the Monday', async (weeks) => {
  const body = await availability({ PrimaryOrderNumber: routine, Date: '2026-12-13', NumberOfWeeks: weeks });
  const days = daysOf(body, 2);
  expect(days).toHaveLength(7 * weeks);
  expect(days[0].Date).toBe('2026-12-07');
});

test('NumberOfWeeks outside 1–5 is refused', async () => {
  for (const weeks of [0, 6]) {
    const answer = await t.api<{ ModelState: Record<string, string[]> }>('GET', '/api/Availability', {
      query: { PrimaryOrderNumber: routine, NumberOfWeeks: weeks },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.ModelState)).toEqual(['request.NumberOfWeeks']);
  }
});

test('Date defaults to today on the simulator clock', async () => {
  const body = await availability({ PrimaryOrderNumber: routine });
  expect(body.Availability.Date).toBe('2026-12-01');
  expect(daysOf(body, 1)[0].Date).toBe('2026-11-30');
});

test('nothing in the past; today only windows that have not started (London time)', async () => {
  const body = await availability({ PrimaryOrderNumber: routine });
  for (const window of [1, 2, 3, 4, 5]) expect(statusOf(body, '2026-11-30', window)).toBe(NOT_AVAILABLE);
  expect(statusOf(body, '2026-12-01', 1)).toBe(NOT_AVAILABLE); // ALL DAY started at 08:00
  expect(statusOf(body, '2026-12-01', 2)).toBe(NOT_AVAILABLE); // MORNING started at 08:00
  expect(statusOf(body, '2026-12-01', 4)).toBe(AVAILABLE); // SCHOOL RUN starts at 09:30
  expect(statusOf(body, '2026-12-01', 3)).toBe(AVAILABLE); // AFTERNOON starts at 12:00
  expect(statusOf(body, '2026-12-02', 2)).toBe(AVAILABLE);
});

test('in summer "today" is judged on British Summer Time, not UTC', async () => {
  t.sim.setClock(new Date('2026-06-02T07:45:00Z')); // 08:45 BST
  try {
    const body = await availability({ PrimaryOrderNumber: routine });
    expect(statusOf(body, '2026-06-02', 2)).toBe(NOT_AVAILABLE);
    expect(statusOf(body, '2026-06-02', 4)).toBe(AVAILABLE);
  } finally {
    t.sim.restoreClock();
  }
});

test('weekends are not available unless IgnoreWeekends is true', async () => {
  const weekdaysOnly = await availability({ PrimaryOrderNumber: routine, Date: '2026-12-07' });
  expect(statusOf(weekdaysOnly, '2026-12-12', 2)).toBe(NOT_AVAILABLE);
  expect(statusOf(weekdaysOnly, '2026-12-13', 2)).toBe(NOT_AVAILABLE);
  const withWeekends = await availability({ PrimaryOrderNumber: routine, Date: '2026-12-07', IgnoreWeekends: true });
  expect(statusOf(withWeekends, '2026-12-12', 2)).toBe(AVAILABLE);
  expect(statusOf(withWeekends, '2026-12-13', 2)).toBe(AVAILABLE);
});

test('OUT OF HOURS is offered only to emergencies and to out-of-hours orders', async () => {
  const emergency = await raiseOrder(t, { PriorityExternalId: 'EMG' });
  const outOfHours = await raiseOrder(t, { PriorityExternalId: 'URG', OutOfHours: true });
  expect(statusOf(await availability({ PrimaryOrderNumber: routine, Date: '2026-12-08' }), '2026-12-08', 5)).toBe(
    NOT_AVAILABLE,
  );
  expect(statusOf(await availability({ PrimaryOrderNumber: emergency, Date: '2026-12-08' }), '2026-12-08', 5)).toBe(
    AVAILABLE,
  );
  expect(statusOf(await availability({ PrimaryOrderNumber: outOfHours, Date: '2026-12-08' }), '2026-12-08', 5)).toBe(
    AVAILABLE,
  );
  // today's out-of-hours window (17:00) has not started at 09:00
  expect(statusOf(await availability({ PrimaryOrderNumber: emergency }), '2026-12-01', 5)).toBe(AVAILABLE);
});

test('seeded fully booked and Preferred days', async () => {
  const body = await availability({ PrimaryOrderNumber: routine, Date: '2026-12-01' });
  for (const window of [1, 2, 3, 4]) {
    expect(statusOf(body, '2026-12-03', window)).toBe(PREFERRED);
    expect(statusOf(body, '2026-12-04', window)).toBe(NOT_AVAILABLE);
  }
  const preferredDay = daysOf(body, 2).find((d) => d.Date === '2026-12-03');
  expect(preferredDay?.TravelTime).toBeLessThan(15);
  expect(daysOf(body, 2).find((d) => d.Date === '2026-12-04')?.TravelTime).toBe(0);
});

test('bank holidays are not available (Christmas Day and the Boxing Day substitute)', async () => {
  const body = await availability({ PrimaryOrderNumber: routine, Date: '2026-12-21', NumberOfWeeks: 2 });
  expect(statusOf(body, '2026-12-24', 2)).toBe(AVAILABLE);
  expect(statusOf(body, '2026-12-25', 2)).toBe(NOT_AVAILABLE);
  expect(statusOf(body, '2026-12-28', 2)).toBe(NOT_AVAILABLE);
  expect(statusOf(body, '2026-12-29', 2)).toBe(AVAILABLE);
});

test('an unknown or cancelled order, or a visit of another order, is refused', async () => {
  const unknown = await t.api<{ ModelState: Record<string, string[]> }>('GET', '/api/Availability', {
    query: { PrimaryOrderNumber: 'NOPE' },
  });
  expect(unknown.status).toBe(400);
  expect(Object.keys(unknown.body.ModelState)).toEqual(['request.PrimaryOrderNumber']);

  const cancelled = await raiseOrder(t);
  await t.api('PATCH', '/api/SalesOrder', {
    version: 2,
    body: {
      PrimaryOrderNumber: cancelled,
      ContractExternalId: 'CONTRACT-RESP',
      OrderStatus: 11,
      CancelReason: 'TENANT',
    },
  });
  const answer = await t.api<{ ModelState: Record<string, string[]> }>('GET', '/api/Availability', {
    query: { PrimaryOrderNumber: cancelled },
  });
  expect(answer.status).toBe(400);
  expect(answer.body.ModelState['request.PrimaryOrderNumber'][0]).toContain('cancelled');

  const visit = await t.api<{ ModelState: Record<string, string[]> }>('GET', '/api/Availability', {
    query: { PrimaryOrderNumber: routine, VisitExternalId: 'VIS-999999' },
  });
  expect(visit.status).toBe(400);
  expect(Object.keys(visit.body.ModelState)).toEqual(['request.VisitExternalId']);
});

test('an impossible Date is refused', async () => {
  const answer = await t.api<{ ModelState: Record<string, string[]> }>('GET', '/api/Availability', {
    query: { PrimaryOrderNumber: routine, Date: '2026-11-31' },
  });
  expect(answer.status).toBe(400);
  expect(Object.keys(answer.body.ModelState)).toEqual(['request.Date']);
});
