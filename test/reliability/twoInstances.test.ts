import { type RunningApp } from '../../src/app';
import { type Simulator } from '../../src/connect/simulator';
import { ChannelHarness } from '../e2e/channelHarness';
import { type RunningAzurite, startAzurite } from '../support/azurite';
import {
  deliver,
  happyPath,
  type InstanceProcess,
  LogLines,
  repliesTo,
  spawnInstance,
  startConnect,
  startInstance,
  textOf,
} from './reliabilityHarness';

/**
 * Two bot instances behind an imaginary load balancer, sharing one Blob container in Azurite and one Connect
 * simulator: A in this process, B in a child process of its own (its own event loop, so truly at the same time).
 * Nothing is shared in memory between them (no lock, no cache): only the storage can keep them from losing or
 * doubling a step.
 */
describe('two bot instances sharing Azure Blob Storage (Azurite) and one Connect', () => {
  let azurite: RunningAzurite;
  let sim: Simulator;
  let a: RunningApp;
  let b: InstanceProcess;
  let channel: ChannelHarness;
  const logA = new LogLines();
  const logs = () => [logA, b.log];
  const results: string[] = [];

  beforeAll(async () => {
    azurite = await startAzurite();
    sim = await startConnect();
    const storage = {
      STORAGE: 'blob',
      STORAGE_BLOB_CONNECTION_STRING: azurite.connectionString,
      STORAGE_BLOB_CONTAINER: 'two-instances',
    };
    [a, b] = await Promise.all([startInstance(sim, storage, logA), spawnInstance(sim, storage)]);
    channel = new ChannelHarness(a.url);
    await channel.start();
  }, 120_000);

  afterAll(async () => {
    await channel?.stop();
    await a?.close();
    await b?.stop();
    await sim?.close();
    await azurite?.stop();
    process.stdout.write(`Concurrency results\n${results.map((line) => `  ${line}`).join('\n')}\n`);
  });

  /** Connect's record for one conversation: SalesOrder POSTs (CrmId is the conversation), Booking POSTs, visits. */
  function connectCalls(conversationId: string) {
    const journal = sim.journal();
    const orderPosts = journal.filter(
      (e) => e.operationId === 'postSalesOrder' && (e.body as { CrmId?: string }).CrmId === conversationId,
    );
    const numbers = new Set(orderPosts.map((e) => (e.body as { PrimaryOrderNumber: string }).PrimaryOrderNumber));
    const bookingPosts = journal.filter(
      (e) =>
        e.operationId === 'postBooking' && numbers.has((e.body as { PrimaryOrderNumber: string }).PrimaryOrderNumber),
    );
    const visits = sim.snapshot().visits.filter((v) => numbers.has(v.PrimaryOrderNumber));
    return { orderPosts: orderPosts.length, bookingPosts: bookingPosts.length, visits: visits.length };
  }

  const logged = (message: string) => logs().reduce((sum, log) => sum + log.count(message), 0);
  /** Attempts that found another turn of the conversation running (and waited), or lost a write (and re-ran). */
  const reruns = () =>
    logs()
      .flatMap((log) => log.lines)
      .filter((line) => line.msg === 'turn to be run again').length;

  /** Replies per step when each message goes once, one after another: the yardstick for the bursts. */
  let expectedReplies: number[] = [];

  it('one conversation alternating between the instances goes exactly as on one instance', async () => {
    const conversationId = 'alternating';
    const path = happyPath('hart');
    const steps: string[] = [];
    for (const [i, text] of path.entries()) {
      expect(await deliver(i % 2 ? b.url : a.url, channel, conversationId, `alt-${i}`, text)).toBe(200);
      steps.push(textOf(repliesTo(channel, conversationId, `alt-${i}`)));
    }
    expectedReplies = path.map((_, i) => repliesTo(channel, conversationId, `alt-${i}`).length);
    expect(steps[1]).toMatch(/house number or name, and your surname/);
    expect(steps[2]).toMatch(/Can we text you updates/);
    expect(steps[3]).toMatch(/Please check your report/);
    expect(steps[4]).toMatch(/Your repair is logged/);
    expect(steps[5]).toMatch(/^Booked: /);
    const calls = connectCalls(conversationId);
    results.push(
      `alternating A,B,A,B,A,B: ${path.length} messages sent, steps lost ${steps.filter((s) => !s).length}, ` +
        `orders doubled ${calls.orderPosts - 1}, bookings doubled ${calls.bookingPosts - 1}`,
    );
    expect(calls).toEqual({ orderPosts: 1, bookingPosts: 1, visits: 1 });
  });

  it('every message delivered four times at once (twice to each instance) is answered once: one order, one booking', async () => {
    expect(expectedReplies).toHaveLength(6); // the alternating journey ran first and set the yardstick
    const conversationId = 'duplicates';
    const path = happyPath('okafor');
    const rerunsBefore = reruns();
    const droppedBefore = logged('duplicate activity ignored');
    let sent = 0;
    for (const [i, text] of path.entries()) {
      const statuses = await Promise.all(
        [a, b, a, b].map((app) => deliver(app.url, channel, conversationId, `dup-${i}`, text)),
      );
      sent += statuses.length;
      expect(statuses).toEqual([200, 200, 200, 200]);
    }
    const counts = path.map((_, i) => repliesTo(channel, conversationId, `dup-${i}`).length);
    const lost = counts.filter((n) => n === 0).length;
    const repeated = counts.filter((n, i) => n > expectedReplies[i]!).length;
    const calls = connectCalls(conversationId);
    results.push(
      `duplicate deliveries: ${sent} messages sent (${path.length} distinct, each 4x at once to A,B,A,B), ` +
        `steps lost ${lost}, steps repeated ${repeated}, orders doubled ${calls.orderPosts - 1}, ` +
        `bookings doubled ${calls.bookingPosts - 1}; duplicates dropped ${logged('duplicate activity ignored') - droppedBefore}, ` +
        `turns waited or re-run ${reruns() - rerunsBefore}`,
    );
    expect(counts).toEqual(expectedReplies);
    expect(textOf(repliesTo(channel, conversationId, 'dup-5'))).toMatch(/^Booked: /);
    expect(calls).toEqual({ orderPosts: 1, bookingPosts: 1, visits: 1 });
  });

  it('different messages sent at once to both instances are all answered, one after the other: one order, one booking', async () => {
    const conversationId = 'bursts';
    const rerunsBefore = reruns();
    const giveUpsBefore = logged('turn gave up after repeated state conflicts');
    const ids: string[] = [];
    // Up to the summary one at a time, alternating.
    for (const [i, text] of happyPath('sharma').slice(0, 4).entries()) {
      ids.push(`seq-${i}`);
      await deliver(i % 2 ? b.url : a.url, channel, conversationId, `seq-${i}`, text);
    }
    // "Send it" twice at once, one to each instance, as from a tenant tapping twice on a slow network; then the
    // second time slot twice at once.
    for (const [text, pair] of [
      ['Send it', ['send-a', 'send-b']],
      ['2', ['pick-a', 'pick-b']],
    ] as const) {
      ids.push(...pair);
      await Promise.all([a, b].map((app, i) => deliver(app.url, channel, conversationId, pair[i]!, text)));
    }

    const lost = ids.filter((id) => repliesTo(channel, conversationId, id).length === 0).length;
    const said = channel.messages(conversationId).map((m) => m.text ?? '');
    const loggedSaid = said.filter((t) => /Your repair is logged/.test(t)).length;
    const bookedSaid = said.filter((t) => /^Booked: /.test(t)).length;
    const calls = connectCalls(conversationId);
    results.push(
      `simultaneous pairs: ${ids.length} messages sent (2 pairs at once to A and B), steps lost ${lost}, ` +
        `"logged" said ${loggedSaid}x, "Booked" said ${bookedSaid}x, orders doubled ${calls.orderPosts - 1}, ` +
        `bookings doubled ${calls.bookingPosts - 1}; turns waited or re-run ${reruns() - rerunsBefore}, ` +
        `gave up ${logged('turn gave up after repeated state conflicts') - giveUpsBefore}`,
    );
    expect(lost).toBe(0);
    expect(loggedSaid).toBe(1);
    expect(bookedSaid).toBe(1);
    expect(calls).toEqual({ orderPosts: 1, bookingPosts: 1, visits: 1 });
  });
});
