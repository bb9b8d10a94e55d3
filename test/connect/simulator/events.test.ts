import { createHmac } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type SentEvent } from '../../../src/connect/simulator';
import { BotApiContract } from '../../../src/server/botApiContract';
import { expectNoContractBreaches, FIXED_NOW, raiseOrder, startTestSimulator, type TestSimulator } from './harness';

/**
 * The simulator's side of the bot's Connect updates: POST /simulator/events and PATCH /simulator/visits/{id} with
 * sendEvent sign and post events to the events target. A small HTTP server here plays the bot and checks each
 * delivery the way any receiver could: the HMAC from the description in botApi.yaml, and the body against the yaml.
 */
const SECRET = 'simulator-events-secret-0123456789abcdef';

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
}

class Receiver {
  readonly received: Received[] = [];
  status = 202;
  private server?: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        this.received.push({ headers: req.headers, raw, body: JSON.parse(raw) as Record<string, unknown> });
        res.writeHead(this.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: this.status === 202 ? 'accepted' : 'refused' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api/connect/events`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

let t: TestSimulator;
let receiver: Receiver;
let contract: BotApiContract;
beforeAll(async () => {
  t = await startTestSimulator();
  receiver = new Receiver();
  await receiver.start();
  contract = await BotApiContract.load();
});
beforeEach(async () => {
  t.sim.reset();
  receiver.received.length = 0;
  receiver.status = 202;
  await t.admin('POST', 'config', { eventsTarget: { url: receiver.url, secret: SECRET } });
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await receiver.stop();
  await t.sim.close();
});

/** An order with a visit booked on Tuesday 8 December, morning. */
async function bookedOrder(): Promise<{ order: string; visit: string }> {
  const order = await raiseOrder(t);
  const booking = await t.api<{ VisitExternalId: string }>('POST', '/api/Booking', {
    body: { PrimaryOrderNumber: order, Date: '2026-12-08', PlanningWindowId: 2 },
  });
  if (booking.status !== 200) throw new Error(`not booked: ${booking.text}`);
  return { order, visit: booking.body.VisitExternalId };
}

describe('POST /simulator/events', () => {
  it('signs the event as botApi.yaml describes and posts it to the target', async () => {
    const { order, visit } = await bookedOrder();
    const answer = await t.admin<SentEvent>('POST', 'events', {
      eventType: 'ReAppointment',
      PrimaryOrderNumber: order,
    });
    expect(answer.status).toBe(200);

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    const timestamp = String(Math.floor(FIXED_NOW.getTime() / 1000));
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['x-connect-timestamp']).toBe(timestamp);
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${delivery!.raw}`).digest('hex');
    expect(delivery!.headers['x-connect-signature']).toBe(`sha256=${expected}`);
    // Blanks filled from the simulator's own visit.
    expect(delivery!.body).toEqual({
      EventId: 'EV-000001',
      EventType: 'ReAppointment',
      PrimaryOrderNumber: order,
      VisitExternalId: visit,
      Date: '2026-12-08',
      PlanningWindowId: 2,
      VisitStatus: 5,
      OccurredAt: FIXED_NOW.toISOString(),
    });
    expect(answer.body).toEqual({
      at: FIXED_NOW.toISOString(),
      url: receiver.url,
      body: delivery!.body,
      status: 202,
      answer: { status: 'accepted' },
    });
    expect((await t.admin<SentEvent[]>('GET', 'events')).body).toEqual([answer.body]);
    expect(t.sim.snapshot()).toMatchObject({ eventsTarget: { url: receiver.url }, eventsSent: [answer.body] });
  });

  it('what the caller gives wins over the state; CloudExternalId true makes one up', async () => {
    const { order } = await bookedOrder();
    await t.admin('POST', 'events', {
      eventType: 'NewAppointment',
      PrimaryOrderNumber: order,
      VisitExternalId: 'VIS-ELSEWHERE',
      Date: '2026-12-10',
      PlanningWindowId: 3,
      EventId: 'EV-CHOSEN',
      OccurredAt: '2026-12-01T08:00:00Z',
      CloudExternalId: true,
    });
    expect(receiver.received[0]!.body).toEqual({
      EventId: 'EV-CHOSEN',
      EventType: 'NewAppointment',
      PrimaryOrderNumber: order,
      VisitExternalId: 'VIS-ELSEWHERE',
      Date: '2026-12-10',
      PlanningWindowId: 3,
      OccurredAt: '2026-12-01T08:00:00Z',
      CloudExternalId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('every event type it sends is a ConnectEvent of botApi.yaml', async () => {
    const { order } = await bookedOrder();
    const types = [
      'OrderCompleted',
      'NewAppointment',
      'ReAppointment',
      'FollowOnAppointment',
      'VisitCompleted',
      'VisitDeleted',
      'VisitShelved',
    ];
    for (const eventType of types) {
      await t.admin('POST', 'events', { eventType, PrimaryOrderNumber: order, CloudExternalId: 'call-1' });
    }
    expect(receiver.received.map((r) => r.body.EventType)).toEqual(types);
    for (const { body } of receiver.received) expect(contract.checkConnectEvent(body)).toMatchObject({ valid: true });
  });

  it("reports the bot's refusal as it came, and a target that does not answer as status 0", async () => {
    receiver.status = 401;
    const refused = await t.admin<SentEvent>('POST', 'events', {
      eventType: 'OrderCompleted',
      PrimaryOrderNumber: 'X-1',
    });
    expect(refused.body).toMatchObject({ status: 401, answer: { status: 'refused' } });

    await t.admin('POST', 'config', { eventsTarget: { url: 'http://127.0.0.1:9/api/connect/events', secret: SECRET } });
    const lost = await t.admin<SentEvent>('POST', 'events', { eventType: 'OrderCompleted', PrimaryOrderNumber: 'X-1' });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ status: 0, answer: { error: expect.any(String) } });
  });

  it('refuses without a target (409) and with a body it cannot use (400)', async () => {
    const config = await t.admin('POST', 'config', { eventsTarget: null });
    expect(config.body).toEqual({ eventsTarget: null });
    const noTarget = await t.admin<{ error: string }>('POST', 'events', {
      eventType: 'OrderCompleted',
      PrimaryOrderNumber: 'X-1',
    });
    expect(noTarget.status).toBe(409);
    expect(noTarget.body.error).toMatch(/No events target/);

    await t.admin('POST', 'config', { eventsTarget: { url: receiver.url, secret: SECRET } });
    for (const body of [
      { eventType: 'OrderExploded', PrimaryOrderNumber: 'X-1' },
      { eventType: 'OrderCompleted' },
      { eventType: 'OrderCompleted', PrimaryOrderNumber: 'X-1', Tenant: 'x' },
      { eventType: 'ReAppointment', PrimaryOrderNumber: 'X-1', PlanningWindowId: 9 },
    ]) {
      expect((await t.admin('POST', 'events', body)).status).toBe(400);
    }
    expect(receiver.received).toEqual([]);
  });
});

describe('POST /simulator/config { eventsTarget }', () => {
  it('sets the target without saying the secret back; reset keeps it and forgets the deliveries', async () => {
    const answer = await t.admin('POST', 'config', { eventsTarget: { url: receiver.url, secret: SECRET } });
    expect(answer.body).toEqual({ eventsTarget: { url: receiver.url } });
    expect(JSON.stringify((await t.admin('GET', 'state')).body)).not.toContain(SECRET);
    await t.admin('POST', 'events', { eventType: 'OrderCompleted', PrimaryOrderNumber: 'X-1' });
    await t.admin('POST', 'reset');
    expect(t.sim.eventsSent()).toEqual([]);
    expect(t.sim.snapshot().eventsTarget).toEqual({ url: receiver.url });
    expect((await t.admin('POST', 'config', { secret: 'x' })).status).toBe(400);
    expect((await t.admin('POST', 'config', {})).status).toBe(400);
  });
});

describe('PATCH /simulator/visits/{id} with sendEvent: the back office changes a visit and Connect tells the bot', () => {
  it.each([
    [
      'moves the visit: ReAppointment',
      { Date: '2026-12-10', PlanningWindowId: 3 },
      { EventType: 'ReAppointment', Date: '2026-12-10', PlanningWindowId: 3, VisitStatus: 5 },
    ],
    [
      'completes it: VisitCompleted',
      { VisitStatus: 3, VisitResultType: 1 },
      { EventType: 'VisitCompleted', VisitStatus: 3, VisitResultType: 1 },
    ],
    ['shelves it: VisitShelved', { VisitStatus: 6 }, { EventType: 'VisitShelved', VisitStatus: 6 }],
    ['deletes it: VisitDeleted', { VisitStatus: 4 }, { EventType: 'VisitDeleted', VisitStatus: 4 }],
  ])('%s', async (_name, change, expected) => {
    const { order, visit } = await bookedOrder();
    const answer = await t.admin<{ eventSent: SentEvent }>('PATCH', `visits/${visit}`, { ...change, sendEvent: true });
    expect(answer.status).toBe(200);
    expect(answer.body.eventSent).toMatchObject({ status: 202 });
    expect(receiver.received.map((r) => r.body)).toEqual([
      expect.objectContaining({ PrimaryOrderNumber: order, VisitExternalId: visit, ...expected }),
    ]);
    expect(t.sim.state.visits.get(visit)).toMatchObject(
      'Date' in change
        ? { slot: { date: change.Date, planningWindowId: change.PlanningWindowId } }
        : { VisitStatus: change.VisitStatus },
    );
  });

  it('sends nothing without sendEvent, or for a change Connect does not report', async () => {
    const { visit } = await bookedOrder();
    expect((await t.admin('PATCH', `visits/${visit}`, { VisitStatus: 6 })).status).toBe(200);
    const unreported = await t.admin<{ error: string }>('PATCH', `visits/${visit}`, {
      OperativeComments: 'Tea',
      sendEvent: true,
    });
    expect(unreported.status).toBe(400);
    expect((await t.admin('PATCH', `visits/${visit}`, { Date: '2026-12-10' })).status).toBe(400);
    expect(receiver.received).toEqual([]);
  });
});
