import path from 'node:path';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createSimulator, type Simulator } from '../../src/connect/simulator';
import { parseReference } from '../../src/repairs/orders/orderNumber';
import { ChannelHarness } from '../e2e/channelHarness';
import { clock, tempDir } from '../e2e/testApp';

/**
 * The outbox is durable: a report saved while Connect was down, by an instance that then stopped, is sent by the
 * next instance on the same state file, found rather than posted again when its first attempt landed late, and the
 * tenant is told in their conversation.
 */

const TIMEOUT_MS = 600;
const LATE_MS = 1_200;
const username = 'outbox-restart@simulator.local';
const password = 'outbox-restart-password';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('outbox across a restart (SQLite state, one Connect)', () => {
  let sim: Simulator;
  let temp: ReturnType<typeof tempDir>;
  let channel: ChannelHarness;
  beforeAll(async () => {
    sim = await createSimulator({ port: 0, username, password, now: () => clock.now() });
    temp = tempDir('repairs-bot-outbox-');
  });
  afterAll(async () => {
    await sim.close();
    temp.remove();
  });

  const start = (outboxRetryMs: number) =>
    startApp(
      loadConfig({
        PORT: '0',
        STORAGE: 'sqlite',
        STORAGE_SQLITE_FILE: path.join(temp.dir, 'bot-state.db'),
        CONNECT_BASE_URL: sim.baseUrl,
        CONNECT_USERNAME: username,
        CONNECT_PASSWORD: password,
        CONNECT_EVENTS_SECRET: 'events-secret-for-tests-0123456789abcdef',
        CONNECT_TIMEOUT_MS: String(TIMEOUT_MS),
        SLOW_REPLY_NOTICE_MS: '300',
        OUTBOX_RETRY_MS: String(outboxRetryMs),
        LOG_LEVEL: 'silent',
      }),
      { clock },
    );

  async function waitForMessage(conversationId: string, pattern: RegExp, ms: number): Promise<string | undefined> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const found = channel.messages(conversationId).find((m) => pattern.test(m.text ?? ''));
      if (found) return found.text;
      await sleep(50);
    }
    return undefined;
  }

  it('a SalesOrder POST that timed out and landed late: the next instance finds it, posts nothing, tells the tenant', async () => {
    const conversationId = 'outbox-restart-1';
    // This instance never gets round to sending: its rounds are an hour apart.
    let app: RunningApp = await start(3_600_000);
    channel = new ChannelHarness(app.url);
    await channel.start();
    try {
      for (const text of ['my bath is leaking', 'LS1 4AB', 'Flat 3, Hart', 'Yes, text me']) {
        await channel.say(conversationId, text);
      }
      // Connect takes the order, but answers after the bot has stopped waiting.
      sim.fault({ kind: 'latency', ms: LATE_MS, operationId: 'postSalesOrder', count: 1 });
      const replies = await channel.say(conversationId, 'Send it');
      const said = replies.map((r) => r.text ?? '').join('\n');
      expect(said).toMatch(/I could not send your report yet\. I have saved it, with reference RB /);
      expect(said).toMatch(/This is taking longer than usual/);
      expect(said).not.toMatch(/Your repair is logged/);
      const reference = /with reference (RB [0-9A-Z ]+?)\./.exec(said)?.[1];
      const orderNumber = parseReference(reference ?? '')!;
      expect(orderNumber).toMatch(/^RB-/);
      await app.close();

      // Meanwhile the slow POST lands: Connect has the order, and the stopped bot does not know.
      await sleep(LATE_MS);
      expect(sim.snapshot().orders.map((o) => o.order.PrimaryOrderNumber)).toEqual([orderNumber]);
      const before = sim.journal().length;

      app = await start(100);
      const told = await waitForMessage(conversationId, /has now been sent/, 5_000);
      expect(told).toBe(
        `Your repair report has now been sent to our repairs system. Your reference is ${reference}. Our repairs team will contact you to arrange a visit. It is listed under "My appointments" until then.`,
      );
      // The order number was looked up and found: nothing posted again, one order.
      const after = sim
        .journal()
        .slice(before)
        .filter((e) => e.operationId !== 'token')
        .map((e) => `${e.method} ${e.operationId} ${e.status}`);
      expect(after).toEqual(['GET getSalesOrder 200']);
      expect(sim.journal().filter((e) => e.operationId === 'postSalesOrder')).toHaveLength(1);
      expect(sim.snapshot().orders).toHaveLength(1);

      // Told once: later rounds find nothing waiting.
      await sleep(300);
      expect(channel.messages(conversationId).filter((m) => /has now been sent/.test(m.text ?? ''))).toHaveLength(1);
    } finally {
      await channel.stop();
      await app.close();
    }
  });
});
