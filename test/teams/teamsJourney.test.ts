import { type RunningApp } from '../../src/app';
import { type Simulator } from '../../src/connect/simulator';
import { ChannelHarness } from '../e2e/channelHarness';
import { startTestApp, tempDir } from '../e2e/testApp';
import {
  adaptiveCardIn,
  KNOWN_AAD_OBJECT_ID,
  orderNumberIn,
  SECOND_AAD_OBJECT_ID,
  said,
  teamsSend,
  UNKNOWN_AAD_OBJECT_ID,
  writeTenantFile,
} from './teamsHarness';

const NO_LONGER_AVAILABLE = /That choice is no longer available — here are the current times/;

describe('Teams personal chat over /api/messages', () => {
  let app: RunningApp;
  let sim: Simulator;
  let channel: ChannelHarness;
  const temp = tempDir('teams-');
  beforeAll(async () => {
    app = await startTestApp({ TENANTS_FILE: writeTenantFile(temp.dir) });
    sim = app.simulator!;
    channel = new ChannelHarness(app.url, 'msteams');
    await channel.start();
  });
  afterAll(async () => {
    await channel.stop();
    await app.close();
    temp.remove();
  });

  const bookingsFor = (orderNumber: string) =>
    sim
      .journal()
      .filter((e) => e.operationId === 'postBooking')
      .filter((e) => (e.body as { PrimaryOrderNumber?: string }).PrimaryOrderNumber === orderNumber);

  /** A known Teams user reports the bath leak and sends the summary by its card; returns the slot card's replies. */
  async function reportToSlotOffer(conversationId: string, aadObjectId: string) {
    const send = (activity: Parameters<typeof teamsSend>[3]) =>
      teamsSend(channel, conversationId, aadObjectId, activity);
    const first = await send({ text: 'my bath is leaking' });
    expect(said(first)).not.toMatch(/postcode/i);
    expect(said(first)).toMatch(/Can we text you updates .* mobile ending/);
    const summary = adaptiveCardIn(await send({ text: 'Yes, text me' }));
    expect(summary.text).toMatch(/Please check your report:[\s\S]*Repair: Bath leaking/);
    const sendIt = summary.actions.find((a) => a.title === 'Send it');
    expect(sendIt?.data).toMatchObject({ action: 'choose', choice: 'Send it' });
    const sent = await send({ value: sendIt!.data });
    return { send, sent, orderNumber: orderNumberIn(sent), offer: adaptiveCardIn(sent) };
  }

  it('a known Teams account skips the tenant questions; the summary card sends; a slot card submit books', async () => {
    const { send, orderNumber, offer } = await reportToSlotOffer('teams-1', KNOWN_AAD_OBJECT_ID);
    expect(offer.actions.at(-1)?.title).toBe('None of these');
    const second = offer.actions[1]!;
    expect(second.data).toMatchObject({ action: 'chooseSlot', date: '2026-12-01', planningWindowId: 3 });

    const booked = await send({ value: second.data });
    expect(said(booked)).toMatch(`Booked: ${second.title}.`);
    expect(bookingsFor(orderNumber).map((e) => [e.status, e.body])).toEqual([
      [200, { PrimaryOrderNumber: orderNumber, Date: '2026-12-01', PlanningWindowId: 3 }],
    ]);
  });

  it('a forged submit (a slot never offered) and a stale one (an earlier offer) are refused; nothing is booked', async () => {
    const { send, orderNumber, offer } = await reportToSlotOffer('teams-2', SECOND_AAD_OBJECT_ID);
    const offerId = offer.actions[0]!.data.offerId;

    const forged = await send({ value: { action: 'chooseSlot', offerId, date: '2027-03-01', planningWindowId: 1 } });
    expect(said(forged)).toMatch(NO_LONGER_AVAILABLE);
    const reOffer = adaptiveCardIn(forged);
    expect(reOffer.actions.map((a) => a.title)).toEqual(offer.actions.map((a) => a.title));
    expect(reOffer.actions[0]!.data.offerId).not.toBe(offerId);

    // The first card's buttons are still on screen in Teams: a tap on one is now stale.
    const stale = await send({ value: offer.actions[0]!.data });
    expect(said(stale)).toMatch(NO_LONGER_AVAILABLE);
    const junk = await send({ value: { action: 'chooseSlot', date: 7 } });
    expect(said(junk)).toMatch(NO_LONGER_AVAILABLE);
    expect(bookingsFor(orderNumber)).toEqual([]);

    // The current card still works.
    const current = adaptiveCardIn(junk).actions[0]!;
    const booked = await send({ value: current.data });
    expect(said(booked)).toMatch(`Booked: ${current.title}.`);
    expect(bookingsFor(orderNumber)).toHaveLength(1);
  });

  it('an unknown Teams account gets the normal tenant questions; a summary submit from another card is refused', async () => {
    const send = (activity: Parameters<typeof teamsSend>[3]) =>
      teamsSend(channel, 'teams-3', UNKNOWN_AAD_OBJECT_ID, activity);
    expect(said(await send({ text: 'my bath is leaking' }))).toMatch(/What is your postcode\?/);
    expect(said(await send({ text: 'S1 2ZZ' }))).toMatch(/house number or name, and your surname/);
    expect(said(await send({ text: '5, Sharma' }))).toMatch(/Can we text you updates/);
    const summary = adaptiveCardIn(await send({ text: 'No texts, thanks' }));
    const sendIt = summary.actions.find((a) => a.title === 'Send it')!;

    const forged = await send({ value: { ...sendIt.data, offerId: 'an-old-card' } });
    expect(said(forged)).toMatch(/Sorry, that button is from an earlier message/);
    expect(adaptiveCardIn(forged).text).toMatch(/Please check your report:/);
    const orders = () =>
      sim
        .journal()
        .filter((e) => e.operationId === 'postSalesOrder')
        .filter((e) => (e.body as { Customer?: { ExternalId?: string } }).Customer?.ExternalId === 'PROP-0003');
    expect(orders()).toEqual([]);

    // The card's own Send still works after the refusal (the re-shown card is the current one).
    const current = adaptiveCardIn(forged).actions.find((a) => a.title === 'Send it')!;
    const sent = await send({ value: current.data });
    expect(said(sent)).toMatch(/Your repair is logged/);
    expect(orders()).toHaveLength(1);
  });

  it('the known account on another channel is not enough: the web chat user is asked', async () => {
    const status = await channel.post('teams-4', {
      channelId: 'directline',
      text: 'my bath is leaking',
      from: { id: 'web-user', name: 'Tenant', aadObjectId: KNOWN_AAD_OBJECT_ID },
    });
    expect(status).toBeLessThan(300);
    expect(said(channel.messages('teams-4'))).toMatch(/What is your postcode\?/);
  });
});
