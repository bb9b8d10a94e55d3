import path from 'node:path';
import { type Activity } from 'botbuilder';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createSimulator, type Simulator } from '../../src/connect/simulator';
import { parseReference } from '../../src/repairs/orders/orderNumber';
import { ChannelHarness, visibleText } from './channelHarness';
import { appWithChannel, callsByMethod, callTable, clock, tempDir } from './testApp';

interface SalesOrderBody {
  PrimaryOrderNumber: string;
  Customer: { ExternalId: string };
  OrderContact: { MobilePhone?: string; ContactPreference?: number; MessagingPreference?: number };
  JobCodes: { CodeExternalId: string; Quantity: number }[];
  OrderSource: number;
  CrmId: string;
  PriorityExternalId: string;
  TargetDateUTC: string;
  JobDescription: string;
}

/** The titles of the choices in a reply: its buttons, or the numbered lines of a text-only channel. */
function choicesIn(reply: Partial<Activity> | undefined): string[] {
  const buttons = (reply?.suggestedActions?.actions ?? []).map((a) => a.title);
  if (buttons.length) return buttons;
  return [...(reply?.text ?? '').matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]!);
}

/** The order number behind the reference the bot gave ("Your reference is RB 261201 7KQ4 MZ8P."). */
function orderNumberIn(replies: Partial<Activity>[]): string {
  const text = replies.map((r) => r.text ?? '').join('\n');
  const reference = /Your reference is (RB [0-9A-Z ]+)\./.exec(text)?.[1];
  const orderNumber = reference ? parseReference(reference) : null;
  if (!orderNumber) throw new Error(`no reference in: ${text}`);
  return orderNumber;
}

/** Plays the tenant: each message in turn, every reply kept (all of them, for the test's failure message). */
async function converse(channel: ChannelHarness, conversationId: string, messages: readonly string[]) {
  const turns: { said: string; replies: Partial<Activity>[] }[] = [];
  for (const said of messages) turns.push({ said, replies: await channel.say(conversationId, said) });
  return turns;
}

const transcript = (turns: { said: string; replies: Partial<Activity>[] }[]) =>
  turns
    .map((t) => `> ${t.said}\n${t.replies.map((r) => `  < ${visibleText(r).replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n');

const HAPPY_PATH = ['my bath is leaking', 'LS1 4AB', 'Flat 3, Hart', 'Yes, text me', 'Send it', '2'] as const;

describe('reporting a repair over HTTP, as a channel does', () => {
  const running = appWithChannel();
  let app: RunningApp;
  let sim: Simulator;
  let channel: ChannelHarness;
  beforeAll(() => ({ app, sim, channel } = running));

  it('books a visit from free text in at most six tenant messages, with exactly the Connect calls needed', async () => {
    const conversationId = 'journey-1';
    const turns = await converse(channel, conversationId, HAPPY_PATH);
    const tenantMessages = turns.length;
    process.stdout.write(`Happy path: ${tenantMessages} tenant messages\n${transcript(turns)}\n`);

    // What the tenant saw.
    expect(tenantMessages).toBeLessThanOrEqual(6);
    const [, postcode, house, texts, send, pick] = turns;
    expect(postcode!.replies.map(visibleText).join()).toMatch(/house number or name, and your surname/);
    expect(house!.replies.map(visibleText).join()).toMatch(/Can we text you updates .* mobile ending 101/);
    expect(texts!.replies.map(visibleText).join()).toMatch(/Please check your report:[\s\S]*Repair: Bath leaking/);
    const offer = send!.replies.at(-1);
    const offered = choicesIn(offer);
    expect(offered.at(-1)).toBe('None of these');
    expect(pick!.replies.map((r) => r.text)).toEqual([
      `Booked: ${offered[1]}. An adult (18 or over) must be at home for the whole time slot.`,
    ]);
    const orderNumber = orderNumberIn(send!.replies);

    // What Connect recorded.
    const journal = sim.journal();
    const orders = journal.filter((e) => e.operationId === 'postSalesOrder');
    expect(orders).toHaveLength(1);
    expect(orders[0]!.status).toBe(201);
    const body = orders[0]!.body as SalesOrderBody;
    expect(body).toMatchObject({
      PrimaryOrderNumber: orderNumber,
      Customer: { ExternalId: 'PROP-0001' },
      OrderContact: { MobilePhone: '+447700900101', ContactPreference: 4, MessagingPreference: 0 },
      JobCodes: [{ CodeExternalId: 'BATH001', Quantity: 1 }],
      OrderSource: 1,
      CrmId: conversationId,
      PriorityExternalId: 'URG',
      TargetDateUTC: '2026-12-08',
      JobDescription: 'Bath leaking: my bath is leaking',
    });
    const availability = journal.filter((e) => e.operationId === 'getAvailability');
    expect(availability.map((e) => [e.status, e.query])).toEqual([
      [200, { PrimaryOrderNumber: orderNumber, Date: '2026-12-01', NumberOfWeeks: '2' }],
    ]);
    const bookings = journal.filter((e) => e.operationId === 'postBooking');
    // The second slot offered: Tuesday 1 December, afternoon (window 3), the only free one after school run today.
    expect(offered[1]).toBe('Tuesday 1 December, afternoon, midday to 5pm');
    expect(bookings.map((e) => [e.status, e.body])).toEqual([
      [200, { PrimaryOrderNumber: orderNumber, Date: '2026-12-01', PlanningWindowId: 3 }],
    ]);
    expect(sim.snapshot().visits).toEqual([
      expect.objectContaining({ PrimaryOrderNumber: orderNumber, slot: { date: '2026-12-01', planningWindowId: 3 } }),
    ]);

    const counts = callsByMethod(journal);
    process.stdout.write(callTable(`Connect calls for the happy path (${tenantMessages} tenant messages):`, counts));
    expect(counts).toEqual({
      'POST token': 1,
      'POST postSalesOrder': 1,
      'GET getAvailability': 1,
      'POST postBooking': 1,
    });
    expect(sim.responseFailures()).toEqual([]);
  });

  it('a second conversation booking right after reuses the token: one token request across both', async () => {
    const turns = await converse(channel, 'journey-2', [
      'my bath is leaking',
      'LS3 1XY',
      '27, Okafor',
      'No texts, thanks',
      'Send it',
      '1',
    ]);
    expect(
      turns
        .at(-1)!
        .replies.map((r) => r.text)
        .join(),
    ).toMatch(/^Booked: /);
    const orderNumber = orderNumberIn(turns.at(-2)!.replies);

    const journal = sim.journal();
    const order = journal.find(
      (e) => e.operationId === 'postSalesOrder' && (e.body as SalesOrderBody).CrmId === 'journey-2',
    );
    expect(order?.body).toMatchObject({
      PrimaryOrderNumber: orderNumber,
      Customer: { ExternalId: 'PROP-0002' },
      // No texts: e-mail only.
      OrderContact: { ContactPreference: 1, MessagingPreference: 0 },
    });
    const counts = callsByMethod(journal);
    process.stdout.write(callTable('Connect calls for two conversations:', counts));
    expect(counts['POST token']).toBe(1);
    expect(counts['POST postBooking']).toBe(2);
    expect(sim.snapshot().tokensIssued).toBe(1);
  });

  it('on SMS the choices come as numbered lists and the tenant answers with numbers', async () => {
    const sms = new ChannelHarness(app.url, 'sms');
    await sms.start();
    try {
      const turns = await converse(sms, 'sms-1', ['my bath is leaking', 'S1 2ZZ', '5, Sharma', '1', '1', '3']);
      const [, , house, texts, send, pick] = turns;
      for (const turn of [house!, texts!, send!]) {
        const question = turn.replies.at(-1)!;
        expect(question.suggestedActions).toBeUndefined();
        expect(question.attachments ?? []).toEqual([]);
        expect(question.text).toMatch(/\n1\. .+\n2\. .+[\s\S]*\nReply with a number\.$/);
      }
      expect(choicesIn(house!.replies.at(-1))).toEqual([
        'Yes, text me',
        'No texts, thanks',
        'Change my mobile',
        'Change my e-mail',
      ]);
      expect(choicesIn(texts!.replies.at(-1))[0]).toBe('Send it');
      const offered = choicesIn(send!.replies.at(-1));
      expect(offered).toHaveLength(6);
      expect(pick!.replies.map((r) => r.text)).toEqual([
        `Booked: ${offered[2]}. An adult (18 or over) must be at home for the whole time slot.`,
      ]);
      const order = sim
        .journal()
        .find((e) => e.operationId === 'postSalesOrder' && (e.body as SalesOrderBody).CrmId === 'sms-1');
      // "1" to the texts question is "Yes, text me".
      expect(order?.body).toMatchObject({
        Customer: { ExternalId: 'PROP-0003' },
        OrderContact: { ContactPreference: 4 },
      });
    } finally {
      await sms.stop();
    }
  });
});

describe('a conversation survives a restart of the bot (SQLite state)', () => {
  const username = 'e2e-restart@simulator.local';
  const password = 'e2e-restart-password';
  let sim: Simulator;
  let temp: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    // One Connect for both bot instances, as in production.
    sim = await createSimulator({ port: 0, username, password, now: () => clock.now() });
    temp = tempDir('repairs-bot-restart-');
  });
  afterAll(async () => {
    await sim.close();
    temp.remove();
  });

  const start = () =>
    startApp(
      loadConfig({
        PORT: '0',
        STORAGE: 'sqlite',
        STORAGE_SQLITE_FILE: path.join(temp.dir, 'bot-state.db'),
        CONNECT_BASE_URL: sim.baseUrl,
        CONNECT_USERNAME: username,
        CONNECT_PASSWORD: password,
        CONNECT_EVENTS_SECRET: 'events-secret-for-tests-0123456789abcdef',
        LOG_LEVEL: 'silent',
      }),
      { clock },
    );

  it('continues at the next step on a new instance using the same state file', async () => {
    const conversationId = 'restart-1';
    const before = await start();
    expect(before.simulator).toBeUndefined();
    const firstChannel = new ChannelHarness(before.url);
    await firstChannel.start();
    const firstTurns = await converse(firstChannel, conversationId, ['my bath is leaking', 'LS1 4AB']);
    await firstChannel.stop();
    await before.close();
    expect(firstTurns.at(-1)!.replies.map((r) => r.text)).toEqual([
      'Thank you. What is your house number or name, and your surname? For example: 12, Smith',
    ]);

    const after = await start();
    const channel = new ChannelHarness(after.url);
    await channel.start();
    try {
      expect(after.url).not.toBe(before.url);
      const turns = await converse(channel, conversationId, ['Flat 3, Hart', 'Yes, text me', 'Send it', '1']);
      process.stdout.write(`After the restart:\n${transcript(turns)}\n`);
      // The house and surname answer the question asked before the restart: no postcode asked again.
      expect(turns[0]!.replies.map(visibleText).join()).toMatch(/^Can we text you updates .* mobile ending 101/);
      expect(turns[2]!.replies.map((r) => r.text).join()).toMatch(/Your repair is logged/);
      expect(turns[3]!.replies.map((r) => r.text).join()).toMatch(/^Booked: /);
    } finally {
      await channel.stop();
      await after.close();
    }
    const orders = sim.journal().filter((e) => e.operationId === 'postSalesOrder');
    expect(orders.map((e) => [e.status, (e.body as SalesOrderBody).CrmId])).toEqual([[201, conversationId]]);
    expect(
      sim
        .journal()
        .filter((e) => e.operationId === 'postBooking')
        .map((e) => e.status),
    ).toEqual([200]);
  });
});
