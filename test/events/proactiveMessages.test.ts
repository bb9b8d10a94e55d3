import http from 'node:http';
import { type Activity } from 'botbuilder';
import { type RunningApp } from '../../src/app';
import { type Simulator } from '../../src/connect/simulator';
import { ChannelHarness } from '../e2e/channelHarness';
import { appWithChannel } from '../e2e/testApp';
import { deliver, NOW_SECONDS, reportAndBook, type Reported, startEventsApp, TENANTS, waitFor } from './eventsHarness';

const AT_HOME = 'An adult (18 or over) must be at home for the whole time slot.';

describe('Connect updates reach the tenant in the conversation and channel they reported from', () => {
  const running = appWithChannel(() => startEventsApp());
  let app: RunningApp;
  let sim: Simulator;
  let channel: ChannelHarness;
  beforeAll(() => ({ app, sim, channel } = running));

  const visitOf = (orderNumber: string) => {
    const visit = sim.snapshot().visits.find((v) => v.PrimaryOrderNumber === orderNumber);
    if (!visit) throw new Error(`no visit for ${orderNumber}`);
    return visit.VisitExternalId;
  };
  const callback = (cloudExternalId: string) =>
    sim.snapshot().callbacks.find((c) => c.callback.CloudExternalId === cloudExternalId)?.callback;
  /** The messages the bot sent in a conversation after the first `count`, once there are `expected` of them. */
  const newMessages = async (
    harness: ChannelHarness,
    conversationId: string,
    count: number,
    expected = 1,
  ): Promise<Partial<Activity>[]> =>
    waitFor(`${expected} new message(s) in ${conversationId}`, () => {
      const fresh = harness.messages(conversationId).slice(count);
      return fresh.length >= expected && fresh;
    });

  describe('in Web Chat (Direct Line)', () => {
    let reported: Reported;
    beforeAll(async () => {
      reported = await reportAndBook(channel, 'updates-hart', TENANTS.hart);
    });

    it('a re-appointment: 202 at once, the tenant is told the new slot, Connect gets a 200 ResponseCallback', async () => {
      const before = channel.messages('updates-hart').length;
      const answer = await deliver(app.url, {
        body: {
          EventId: 'EV-HART-1',
          EventType: 'ReAppointment',
          PrimaryOrderNumber: reported.orderNumber,
          VisitExternalId: visitOf(reported.orderNumber),
          Date: '2026-12-03',
          PlanningWindowId: 2,
          VisitStatus: 5,
          CloudExternalId: 'cb-hart-1',
        },
      });
      expect(answer).toMatchObject({ status: 202, body: { status: 'accepted' } });

      const [message] = await newMessages(channel, 'updates-hart', before);
      expect(message).toMatchObject({
        type: 'message',
        conversation: expect.objectContaining({ id: 'updates-hart' }),
        text: `Your repair visit ${reported.reference} has been moved to Thursday 3 December, morning, 8am to 1pm. ${AT_HOME}`,
      });
      expect(await waitFor('the ResponseCallback', () => callback('cb-hart-1'))).toEqual({
        CloudExternalId: 'cb-hart-1',
        StatusCode: 200,
        Message: 'Tenant told the visit moved.',
      });
    });

    it('the order record follows: the same slot again tells nothing, a shelved visit names the new slot', async () => {
      const visit = visitOf(reported.orderNumber);
      const before = channel.messages('updates-hart').length;
      const sameSlot = {
        EventId: 'EV-HART-2',
        EventType: 'NewAppointment',
        PrimaryOrderNumber: reported.orderNumber,
        VisitExternalId: visit,
        Date: '2026-12-03',
        PlanningWindowId: 2,
        CloudExternalId: 'cb-hart-2',
      };
      expect((await deliver(app.url, { body: sameSlot })).status).toBe(202);
      expect(await waitFor('the ResponseCallback', () => callback('cb-hart-2'))).toMatchObject({
        StatusCode: 200,
        Message: 'Visit already known to the tenant; nothing sent.',
      });
      expect(channel.messages('updates-hart')).toHaveLength(before);

      const shelved = {
        EventId: 'EV-HART-3',
        EventType: 'VisitShelved',
        PrimaryOrderNumber: reported.orderNumber,
        VisitExternalId: visit,
      };
      expect((await deliver(app.url, { body: shelved })).status).toBe(202);
      const [message] = await newMessages(channel, 'updates-hart', before);
      expect(message!.text).toBe(
        `The visit for your repair ${reported.reference} on Thursday 3 December, morning, 8am to 1pm is on hold, so nobody will come then. We will contact you when it can be booked again.`,
      );
    });
  });

  describe('the same event delivered twice sends one message', () => {
    let reported: Reported;
    beforeAll(async () => {
      reported = await reportAndBook(channel, 'updates-okafor', TENANTS.okafor);
    });

    it('by EventId: two signed deliveries (not replays), one message, and Connect hears of both', async () => {
      const before = channel.messages('updates-okafor').length;
      const event = {
        EventId: 'EV-OKAFOR-DELETED',
        EventType: 'VisitDeleted',
        PrimaryOrderNumber: reported.orderNumber,
        VisitExternalId: visitOf(reported.orderNumber),
      };
      const first = await deliver(app.url, { body: { ...event, CloudExternalId: 'cb-okafor-1' } });
      const second = await deliver(app.url, {
        body: { ...event, CloudExternalId: 'cb-okafor-2' },
        timestamp: NOW_SECONDS - 1,
      });
      expect([first.status, second.status]).toEqual([202, 202]);

      const answers = await waitFor('both ResponseCallbacks', () => {
        const both = [callback('cb-okafor-1'), callback('cb-okafor-2')];
        return both.every(Boolean) && both;
      });
      expect(answers.map((a) => [a!.StatusCode, a!.Message])).toEqual([
        [200, 'Tenant told the visit was cancelled.'],
        [200, 'Already handled; nothing sent again.'],
      ]);
      const fresh = channel.messages('updates-okafor').slice(before);
      expect(fresh.map((m) => m.text)).toEqual([
        `The visit for your repair ${reported.reference} on ${reported.booked} was cancelled. If you still need the repair, message us here or call us on 0306 999 0123 to book another visit.`,
      ]);
    });

    it('without an EventId, by content: the same event laid out differently is still one message', async () => {
      const before = channel.messages('updates-okafor').length;
      const ordered = `{"EventType":"OrderCompleted","PrimaryOrderNumber":"${reported.orderNumber}","OccurredAt":"2026-12-04T10:00:00Z","CloudExternalId":"cb-okafor-3"}`;
      const reordered = `{ "CloudExternalId": "cb-okafor-4",\n  "OccurredAt": "2026-12-04T10:00:00.000Z", "PrimaryOrderNumber": "${reported.orderNumber}", "EventType": "OrderCompleted" }`;
      expect((await deliver(app.url, { body: ordered })).status).toBe(202);
      expect((await deliver(app.url, { body: reordered })).status).toBe(202);
      await waitFor('both ResponseCallbacks', () => callback('cb-okafor-3') && callback('cb-okafor-4'));
      expect(callback('cb-okafor-4')).toMatchObject({
        StatusCode: 200,
        Message: 'Already handled; nothing sent again.',
      });
      expect(
        channel
          .messages('updates-okafor')
          .slice(before)
          .map((m) => m.text),
      ).toEqual([
        `Your repair ${reported.reference} is complete. If the problem comes back, message us here or call us on 0306 999 0123.`,
      ]);
    });
  });

  it('on SMS the update goes as a text that says who it is from', async () => {
    const sms = new ChannelHarness(app.url, 'sms');
    await sms.start();
    try {
      const reported = await reportAndBook(sms, 'updates-sms', TENANTS.sharma, { sms: true });
      const before = sms.messages('updates-sms').length;
      const answer = await deliver(app.url, {
        body: {
          EventId: 'EV-SMS-1',
          EventType: 'VisitCompleted',
          PrimaryOrderNumber: reported.orderNumber,
          VisitExternalId: visitOf(reported.orderNumber),
          VisitStatus: 3,
          VisitResultType: 1,
        },
      });
      expect(answer.status).toBe(202);
      const [message] = await newMessages(sms, 'updates-sms', before);
      expect(message).toMatchObject({
        type: 'message',
        textFormat: 'plain',
        text: `Example Housing Association: We could not get in for your repair visit ${reported.reference} on ${reported.booked}. Please message us here or call us on 0306 999 0123 to arrange another visit.`,
      });
      expect(message!.suggestedActions).toBeUndefined();
      expect(message!.attachments ?? []).toEqual([]);
    } finally {
      await sms.stop();
    }
  });

  it("when the tenant's channel refuses the message, Connect gets a 502 and a later delivery tries again", async () => {
    const gone = new ChannelHarness(app.url);
    await gone.start();
    const reported = await reportAndBook(gone, 'updates-gone', TENANTS.nowak);
    await gone.stop();
    // The channel now answers 403 on that address, as Bot Framework does when the tenant has blocked the bot.
    const { port } = new URL(gone.serviceUrl);
    const refusing = http.createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => refusing.listen(Number(port), '127.0.0.1', resolve));
    try {
      const event = {
        EventId: 'EV-GONE-1',
        EventType: 'FollowOnAppointment',
        PrimaryOrderNumber: reported.orderNumber,
        VisitExternalId: 'VIS-FOLLOW-ON',
        Date: '2026-12-08',
        PlanningWindowId: 3,
      };
      expect((await deliver(app.url, { body: { ...event, CloudExternalId: 'cb-gone-1' } })).status).toBe(202);
      expect(await waitFor('the ResponseCallback', () => callback('cb-gone-1'))).toEqual({
        CloudExternalId: 'cb-gone-1',
        StatusCode: 502,
        Message: "The tenant's channel (directline) could not be reached; send the event again to retry.",
      });
      // Not marked handled: the next delivery of the same event tries again (and is refused again).
      const again = await deliver(app.url, {
        body: { ...event, CloudExternalId: 'cb-gone-2' },
        timestamp: NOW_SECONDS - 2,
      });
      expect(again.status).toBe(202);
      expect(await waitFor('the second ResponseCallback', () => callback('cb-gone-2'))).toMatchObject({
        StatusCode: 502,
      });
    } finally {
      refusing.closeAllConnections();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
