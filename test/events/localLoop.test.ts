import { type RunningApp } from '../../src/app';
import { type SentEvent, type Simulator } from '../../src/connect/simulator';
import { ChannelHarness } from '../e2e/channelHarness';
import { startTestApp } from '../e2e/testApp';
import { reportAndBook, type Reported, TENANTS, waitFor } from './eventsHarness';

/**
 * The whole loop on one machine, as `npm start` runs it with no Connect: the embedded simulator plays Connect and,
 * through its admin API, sends updates to the bot, signed with the secret the app made up and gave it (no
 * CONNECT_EVENTS_SECRET is set here); the bot tells the tenant and answers the simulator's ResponseCallback.
 */
describe('local loop: simulator admin call → bot → proactive message → ResponseCallback', () => {
  let app: RunningApp;
  let sim: Simulator;
  let channel: ChannelHarness;
  let reported: Reported;
  beforeAll(async () => {
    app = await startTestApp();
    sim = app.simulator!;
    channel = new ChannelHarness(app.url);
    await channel.start();
    reported = await reportAndBook(channel, 'loop-1', TENANTS.whitfield);
  });
  afterAll(async () => {
    await channel.stop();
    await app.close();
  });

  const admin = async <T>(method: string, path: string, body: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${sim.origin}/simulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const nextMessage = (count: number) =>
    waitFor('a message from the bot', () => channel.messages('loop-1')[count]?.text ?? undefined);
  const visitId = () =>
    sim.snapshot().visits.find((v) => v.PrimaryOrderNumber === reported.orderNumber)!.VisitExternalId;

  it('POST /simulator/events: a re-appointment reaches the tenant and the ResponseCallback comes back', async () => {
    const before = channel.messages('loop-1').length;
    const sent = await admin<SentEvent>('POST', 'events', {
      eventType: 'ReAppointment',
      PrimaryOrderNumber: reported.orderNumber,
      Date: '2026-12-09',
      PlanningWindowId: 4,
      CloudExternalId: true,
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      status: 202,
      answer: { status: 'accepted' },
      body: {
        EventType: 'ReAppointment',
        PrimaryOrderNumber: reported.orderNumber,
        VisitExternalId: visitId(), // filled in from the simulator's own visit
        Date: '2026-12-09',
        PlanningWindowId: 4,
        CloudExternalId: expect.any(String),
      },
    });
    expect(await nextMessage(before)).toBe(
      `Your repair visit ${reported.reference} has been moved to Wednesday 9 December, school run, 9:30am to 2:30pm. An adult (18 or over) must be at home for the whole time slot.`,
    );
    const cloudExternalId = sent.body.body.CloudExternalId;
    expect(
      await waitFor('the ResponseCallback', () =>
        sim.snapshot().callbacks.find((c) => c.callback.CloudExternalId === cloudExternalId),
      ),
    ).toMatchObject({ callback: { StatusCode: 200, Message: 'Tenant told the visit moved.' } });
  });

  it('PATCH /simulator/visits/{id} with sendEvent: the operative completes the visit, the tenant hears of it', async () => {
    const before = channel.messages('loop-1').length;
    const changed = await admin<{ VisitStatus: number; eventSent: SentEvent }>('PATCH', `visits/${visitId()}`, {
      VisitStatus: 3,
      VisitResultType: 0,
      sendEvent: true,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      VisitStatus: 3,
      eventSent: { status: 202, body: { EventType: 'VisitCompleted', VisitStatus: 3, VisitResultType: 0 } },
    });
    expect(await nextMessage(before)).toBe(
      `Your repair visit ${reported.reference} is done. If the problem is not fixed, message us here or call us on 0306 999 0123.`,
    );

    // Connect then completes the order: the tenant has been told already, so nothing more is sent.
    const completed = await admin<SentEvent>('POST', 'events', {
      eventType: 'OrderCompleted',
      PrimaryOrderNumber: reported.orderNumber,
      CloudExternalId: 'cb-loop-order-completed',
    });
    expect(completed.body.status).toBe(202);
    expect(
      await waitFor('the ResponseCallback', () =>
        sim.snapshot().callbacks.find((c) => c.callback.CloudExternalId === 'cb-loop-order-completed'),
      ),
    ).toMatchObject({ callback: { StatusCode: 200, Message: 'Order already complete; nothing sent.' } });
    expect(channel.messages('loop-1')).toHaveLength(before + 1);
    expect(sim.eventsSent().map((e) => [e.body.EventType, e.status])).toEqual([
      ['ReAppointment', 202],
      ['VisitCompleted', 202],
      ['OrderCompleted', 202],
    ]);
  });
});
