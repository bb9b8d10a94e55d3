import { type Activity } from 'botbuilder';
import { type JournalEntry, type Simulator } from '../../src/connect/simulator';
import { parseReference } from '../../src/repairs/orders/orderNumber';
import { type ChannelHarness, visibleText } from './channelHarness';
import { appWithChannel, callsByMethod, callTable } from './testApp';

/**
 * My appointments over HTTP, as a channel plays it, against the app's embedded simulator on the fixed clock
 * (Tuesday 1 December 2026, 09:00): report and book a repair, then in a new conversation review the visit, move it,
 * and cancel the repair; Connect's records and the calls each step cost are checked.
 */

const THU_MORNING = 'Thursday 3 December, morning, 8am to 1pm';

function buttonsOf(reply: Partial<Activity> | undefined): string[] {
  return (reply?.suggestedActions?.actions ?? []).map((a) => a.title);
}

const textOf = (replies: Partial<Activity>[]) => replies.map(visibleText).join('\n');

describe('My appointments over HTTP: review, move, cancel', () => {
  const running = appWithChannel();
  let sim: Simulator;
  let channel: ChannelHarness;
  beforeAll(() => ({ sim, channel } = running));

  const lastSeq = () => sim.journal().reduce((max, entry) => Math.max(max, entry.seq), 0);
  const since = (seq: number): JournalEntry[] => sim.journal().filter((entry) => entry.seq > seq);
  const say = async (conversationId: string, text: string) => {
    const replies = await channel.say(conversationId, text);
    process.stdout.write(
      `> ${text}\n${replies.map((r) => `  < ${visibleText(r).replace(/\n/g, '\n    ')}`).join('\n')}\n`,
    );
    return replies;
  };

  it('books a repair, then moves the visit (3 Connect calls) and cancels the repair (2 Connect calls)', async () => {
    // 1. Report and book, choosing Thursday 3 December, morning from the second page.
    const report = 'report-1';
    for (const text of ['my bath is leaking', 'LS1 4AB', 'Flat 3, Hart', 'Yes, text me']) await say(report, text);
    const sent = await say(report, 'Send it');
    const orderNumber = parseReference(/Your reference is (RB [0-9A-Z ]+)\./.exec(textOf(sent))?.[1] ?? '');
    expect(orderNumber).not.toBeNull();
    const secondPage = await say(report, 'None of these');
    expect(buttonsOf(secondPage.at(-1))).toContain(THU_MORNING);
    expect(textOf(await say(report, THU_MORNING))).toContain(`Booked: ${THU_MORNING}.`);
    const [booked] = sim.snapshot().visits;
    expect(booked).toMatchObject({
      PrimaryOrderNumber: orderNumber,
      VisitStatus: 5,
      slot: { date: '2026-12-03', planningWindowId: 2 },
    });

    // 2. A new conversation: My appointments → tenant check → the list.
    const tenant = 'appointments-1';
    const beforeReview = lastSeq();
    expect(textOf(await say(tenant, 'My appointments'))).toContain('What is your postcode?');
    await say(tenant, 'LS1 4AB');
    const list = await say(tenant, 'Flat 3, Hart');
    expect(textOf(list)).toContain(`- Bath leaking: ${THU_MORNING}. Booked.`);
    expect(buttonsOf(list.at(-1))).toEqual(['Move an appointment', 'Cancel a repair', 'Nothing else, thanks']);

    // 3. Move it.
    const offer = await say(tenant, 'Move an appointment');
    expect(textOf(offer)).toContain(
      `Bath leaking: your visit is ${THU_MORNING}. When would you like us to come instead?`,
    );
    const offered = buttonsOf(offer.at(-1));
    expect(offered[4]).toBe('Wednesday 2 December, afternoon, midday to 5pm');
    const moved = await say(tenant, offered[4]!);
    expect(textOf(moved)).toContain(`Moved from ${THU_MORNING} to Wednesday 2 December, afternoon, midday to 5pm.`);

    const rebooking = since(beforeReview).filter((entry) => entry.operationId !== 'token');
    const rebookingCalls = callsByMethod(rebooking);
    process.stdout.write(callTable('Connect calls for one re-booking (review + move):', rebookingCalls));
    expect(rebookingCalls).toEqual({ 'GET getBookingSummary': 1, 'GET getAvailability': 1, 'POST postBooking': 1 });
    expect(rebooking.map((entry) => entry.status)).toEqual([200, 200, 200]);
    expect(rebooking[0]!.query).toEqual({
      PropertyId: 'PROP-0001',
      WindowStart: '2026-12-01 00:00:00',
      WindowEnd: '2027-01-26 23:59:59',
    });
    expect(rebooking[1]!.query).toMatchObject({
      PrimaryOrderNumber: orderNumber,
      VisitExternalId: booked!.VisitExternalId,
    });
    expect(rebooking[2]!.body).toEqual({
      PrimaryOrderNumber: orderNumber,
      Date: '2026-12-02',
      PlanningWindowId: 3,
      VisitExternalId: booked!.VisitExternalId,
    });
    // The same visit, in its new slot.
    expect(sim.snapshot().visits).toEqual([
      expect.objectContaining({
        VisitExternalId: booked!.VisitExternalId,
        VisitStatus: 5,
        slot: { date: '2026-12-02', planningWindowId: 3 },
      }),
    ]);

    // 4. Same conversation (already verified): My appointments again → cancel.
    const beforeCancel = lastSeq();
    const again = await say(tenant, 'My appointments');
    expect(textOf(again)).toContain('- Bath leaking: Wednesday 2 December, afternoon, midday to 5pm. Booked.');
    expect(textOf(again)).not.toContain('What is your postcode?');
    expect(textOf(await say(tenant, 'Cancel a repair'))).toMatch(
      /Why do you want to cancel Bath leaking \(reference RB /,
    );
    expect(textOf(await say(tenant, 'I fixed it myself'))).toContain('Are you sure you want to cancel Bath leaking');
    expect(textOf(await say(tenant, 'Yes, cancel it'))).toMatch(/^Cancelled: Bath leaking \(reference RB [^)]+\)\./);

    const cancellation = since(beforeCancel).filter((entry) => entry.operationId !== 'token');
    const cancellationCalls = callsByMethod(cancellation);
    process.stdout.write(callTable('Connect calls for one cancellation (review + cancel):', cancellationCalls));
    expect(cancellationCalls).toEqual({ 'GET getBookingSummary': 1, 'PATCH patchSalesOrder': 1 });
    expect(cancellation[1]).toMatchObject({
      status: 200,
      body: {
        PrimaryOrderNumber: orderNumber,
        ContractExternalId: 'CONTRACT-RESP',
        OrderStatus: 11,
        CancelReason: 'Fixed by the tenant',
        CancelDescription: 'Cancelled by the tenant in the repairs chat: they fixed it themselves.',
      },
    });
    const order = sim.snapshot().orders.find((stored) => stored.order.PrimaryOrderNumber === orderNumber)!.order;
    expect(order).toMatchObject({ OrderStatus: 11, CancelReason: 'Fixed by the tenant' });
    expect(sim.snapshot().visits).toEqual([
      expect.objectContaining({ VisitExternalId: booked!.VisitExternalId, VisitStatus: 4 }),
    ]);

    // 5. Reviewed once more: the visit reads Cancelled and there is nothing left to cancel.
    const after = await say(tenant, 'My appointments');
    expect(textOf(after)).toContain('- Bath leaking: Wednesday 2 December, afternoon, midday to 5pm. Cancelled.');
    expect(buttonsOf(after.at(-1))).not.toContain('Cancel a repair');
    expect(sim.responseFailures()).toEqual([]);
  });

  it("another tenant sees none of the first tenant's visits", async () => {
    const replies: Partial<Activity>[] = [];
    for (const text of ['My appointments', 'LS3 1XY', '27, Okafor'])
      replies.push(...(await say('appointments-2', text)));
    expect(textOf(replies)).toContain('You have no repair visits booked in the next eight weeks.');
    expect(textOf(replies)).not.toContain('Bath leaking');
    const query = sim
      .journal()
      .filter((entry) => entry.operationId === 'getBookingSummary')
      .at(-1)?.query;
    expect(query).toMatchObject({ PropertyId: 'PROP-0002' });
  });
});
