import {
  expectNoContractBreaches,
  raiseOrder,
  startTestSimulator,
  statusOf,
  type AvailabilityBody,
  type TestSimulator,
} from './harness';

/** Every fault kind of POST /simulator/faults, and listing and clearing them. */
let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterEach(async () => {
  await t.admin('DELETE', 'faults');
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

const planningWindows = () => t.api('GET', '/api/PlanningWindow', { version: 1 });

test('latency delays the matching operation for count calls', async () => {
  await t.admin('POST', 'faults', { kind: 'latency', ms: 300, operationId: 'getPlanningWindows', count: 1 });
  let started = Date.now();
  expect((await planningWindows()).status).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  started = Date.now();
  await planningWindows();
  expect(Date.now() - started).toBeLessThan(250);
});

test('latency without operationId or count applies to every call until cleared', async () => {
  await t.admin('POST', 'faults', { kind: 'latency', ms: 150 });
  for (let i = 0; i < 2; i += 1) {
    const started = Date.now();
    await planningWindows();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  }
  expect((await t.admin<unknown[]>('GET', 'faults')).body).toEqual([
    { id: expect.any(Number), kind: 'latency', ms: 150 },
  ]);
  await t.admin('DELETE', 'faults');
  expect((await t.admin('GET', 'faults')).body).toEqual([]);
});

test('status answers that status with an Error body for the next count calls', async () => {
  await t.admin('POST', 'faults', { kind: 'status', status: 503, operationId: 'getPlanningWindows', count: 2 });
  expect((await t.admin('GET', 'faults')).body).toEqual([expect.objectContaining({ kind: 'status', remaining: 2 })]);
  for (let i = 0; i < 2; i += 1) {
    const answer = await planningWindows();
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ Message: 'Simulated fault: the simulator was told to answer 503.' });
  }
  expect((await planningWindows()).status).toBe(200);
  expect((await t.admin('GET', 'faults')).body).toEqual([]);
  expect(
    t.sim
      .journal()
      .slice(-3)
      .map((e) => e.status),
  ).toEqual([503, 503, 200]);
});

test('status faults also apply to the token endpoint', async () => {
  await t.admin('POST', 'faults', { kind: 'status', status: 500, operationId: 'token', count: 1 });
  expect(
    (
      await t.requestToken({
        grant_type: 'password',
        username: 'repairs-bot@simulator.local',
        password: 'simulator-password',
      })
    ).status,
  ).toBe(500);
});

test('drop destroys the connection without an answer', async () => {
  await t.admin('POST', 'faults', { kind: 'drop', operationId: 'getPlanningWindows', count: 1 });
  await expect(planningWindows()).rejects.toThrow();
  expect(t.sim.journal().at(-1)).toMatchObject({ operationId: 'getPlanningWindows', status: 0 });
  expect((await planningWindows()).status).toBe(200);
});

test('expire-tokens makes every issued token invalid now', async () => {
  const issue = async () =>
    (
      (
        await t.requestToken({
          grant_type: 'password',
          username: 'repairs-bot@simulator.local',
          password: 'simulator-password',
        })
      ).body as { access_token: string }
    ).access_token;
  const token = await issue();
  expect((await t.api('GET', '/api/PlanningWindow', { version: 1, token })).status).toBe(200);
  const answer = await t.admin<{ kind: string; expired: number }>('POST', 'faults', { kind: 'expire-tokens' });
  expect(answer.body).toMatchObject({ kind: 'expire-tokens', expired: expect.any(Number) });
  expect(answer.body.expired).toBeGreaterThanOrEqual(1);
  expect((await t.api('GET', '/api/PlanningWindow', { version: 1, token })).status).toBe(401);
  expect((await t.api('GET', '/api/PlanningWindow', { version: 1, token: await issue() })).status).toBe(200);
});

test('take-slot fills a slot after an Availability call, so the Booking gets the 400', async () => {
  const token = (
    (
      await t.requestToken({
        grant_type: 'password',
        username: 'repairs-bot@simulator.local',
        password: 'simulator-password',
      })
    ).body as { access_token: string }
  ).access_token;
  const pon = await raiseOrder(t);
  const before = await t.api<AvailabilityBody>('GET', '/api/Availability', {
    token,
    query: { PrimaryOrderNumber: pon, Date: '2026-12-08' },
  });
  expect(statusOf(before.body, '2026-12-08', 2)).toBe(1);
  expect((await t.admin('POST', 'faults', { kind: 'take-slot', date: '2026-12-08', planningWindowId: 2 })).status).toBe(
    200,
  );
  const booking = await t.api<{ Message: string; ModelState: Record<string, string[]> }>('POST', '/api/Booking', {
    token,
    body: { PrimaryOrderNumber: pon, Date: '2026-12-08', PlanningWindowId: 2 },
  });
  expect(booking.status).toBe(400);
  expect(booking.body.Message).toBe('The selected slot is no longer available.');
  expect(Object.keys(booking.body.ModelState).sort()).toEqual(['request.Date', 'request.PlanningWindowId']);
  const after = await t.api<AvailabilityBody>('GET', '/api/Availability', {
    token,
    query: { PrimaryOrderNumber: pon, Date: '2026-12-08' },
  });
  expect(statusOf(after.body, '2026-12-08', 2)).toBe(0);
  expect((await t.admin<{ takenSlots: unknown[] }>('GET', 'state')).body.takenSlots).toEqual([
    { date: '2026-12-08', planningWindowId: 2 },
  ]);
});

test('invalid fault bodies are refused', async () => {
  expect((await t.admin('POST', 'faults', { kind: 'status', status: 503 })).status).toBe(400);
  expect((await t.admin('POST', 'faults', { kind: 'explode' })).status).toBe(400);
  expect((await t.admin('POST', 'faults', { kind: 'take-slot', date: 'soon', planningWindowId: 2 })).status).toBe(400);
});
