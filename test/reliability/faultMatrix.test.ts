import fs from 'node:fs';
import path from 'node:path';
import { type Activity } from 'botbuilder';
import { SLOW_REPLY_TEXT } from '../../src/bot/slowReplyNotice';
import { type JournalEntry } from '../../src/connect/simulator';
import { parseReference } from '../../src/repairs/orders/orderNumber';
import { type ChannelHarness, visibleText } from '../e2e/channelHarness';
import { appWithChannel, startTestApp } from '../e2e/testApp';

/**
 * The fault matrix of issue 7: every fault the simulator injects, at every Connect step of the report journey, over
 * HTTP through the whole app (server, adapter, bot, dialogs, services, client with its retries and breaker, outbox),
 * with the outcome measured from what the tenant saw and what Connect recorded. One app for all cells; the simulator
 * is reset through its admin API before each.
 */

// Small limits keep the matrix fast; their ratios are those of production (notice < slow answer < time limit).
const TIMEOUT_MS = 600;
const NOTICE_MS = 300;
const SLOW_MS = 400;
const HANG_MS = 1_000;
const HALF_OPEN_MS = 300;
/** How long "Connect down" lasts once the tenant has been told the report is saved. */
const DOWN_MS = 1_000;

const running = appWithChannel(() =>
  startTestApp({
    CONNECT_TIMEOUT_MS: String(TIMEOUT_MS),
    SLOW_REPLY_NOTICE_MS: String(NOTICE_MS),
    OUTBOX_RETRY_MS: '100',
    CONNECT_BREAKER_FAILURES: '3',
    CONNECT_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
  }),
);

type FaultSpec =
  | { kind: 'latency'; ms: number; operationId: string; count: number }
  | { kind: 'status'; status: number; operationId: string; count: number }
  | { kind: 'drop'; operationId: string; count: number }
  | { kind: 'expire-tokens' };

interface Step {
  name: string;
  operationId: string;
  /** Attempts the client makes of this call: GETs and the token grant are retried, POSTs never. */
  attempts: number;
  /** Connect's operations from this step to the end of the journey, with the look-ups that check them. */
  fromHereOn: string[];
}

const STEPS: Step[] = [
  {
    name: 'token',
    operationId: 'token',
    attempts: 3,
    fromHereOn: ['token', 'postSalesOrder', 'getSalesOrder', 'getAvailability', 'postBooking', 'getBookingSummary'],
  },
  {
    name: 'SalesOrder POST',
    operationId: 'postSalesOrder',
    attempts: 1,
    fromHereOn: ['postSalesOrder', 'getSalesOrder', 'getAvailability', 'postBooking', 'getBookingSummary'],
  },
  {
    name: 'Availability GET',
    operationId: 'getAvailability',
    attempts: 3,
    fromHereOn: ['getAvailability', 'postBooking', 'getBookingSummary'],
  },
  {
    name: 'Booking POST',
    operationId: 'postBooking',
    attempts: 1,
    fromHereOn: ['postBooking', 'getBookingSummary', 'getAvailability'],
  },
];

interface Fault {
  name: string;
  arm(step: Step): FaultSpec[];
  /** Armed until cleared: held for DOWN_MS after the tenant is told, then cleared (Connect comes back). */
  lasting?: boolean;
  /** Answers arrive this long after the request: wait for late ones before reading Connect's state. */
  lateMs?: number;
}

const FAULTS: Fault[] = [
  { name: 'none (baseline)', arm: () => [] },
  {
    name: `slow answer (${SLOW_MS} ms, within the ${TIMEOUT_MS} ms limit)`,
    arm: (s) => [{ kind: 'latency', ms: SLOW_MS, operationId: s.operationId, count: 1 }],
  },
  {
    name: `timeout (${HANG_MS} ms, every attempt)`,
    arm: (s) => [{ kind: 'latency', ms: HANG_MS, operationId: s.operationId, count: s.attempts }],
    lateMs: HANG_MS,
  },
  { name: '503 once', arm: (s) => [{ kind: 'status', status: 503, operationId: s.operationId, count: 1 }] },
  {
    name: '500, every attempt',
    arm: (s) => [{ kind: 'status', status: 500, operationId: s.operationId, count: s.attempts }],
  },
  {
    name: 'dropped connection, every attempt',
    arm: (s) => [{ kind: 'drop', operationId: s.operationId, count: s.attempts }],
  },
  {
    // At the token step: every token issued stops working, so the next call needs a new grant. Elsewhere: the call
    // is refused with a 401, as Connect does for a token it no longer accepts.
    name: 'expired or refused token',
    arm: (s) =>
      s.operationId === 'token'
        ? [{ kind: 'expire-tokens' }]
        : [{ kind: 'status', status: 401, operationId: s.operationId, count: 1 }],
  },
  {
    name: `Connect down from this step on (503 for ${DOWN_MS} ms)`,
    arm: (s) => s.fromHereOn.map((operationId) => ({ kind: 'status', status: 503, operationId, count: 1_000 })),
    lasting: true,
  },
];

const RECOVERED = 'recovered, visit booked';
const OUTBOX = 'saved in outbox → sent when Connect was back, tenant messaged';
const NO_TIMES = 'order kept, no times offered: "team will call"';
const NOT_BOOKED = 'order kept, booking failed: "team will call"';
const UNCONFIRMED = 'order kept, booking unconfirmed: "check My appointments"';

/** What each cell must come to, by fault (row) and step (column). */
const EXPECTED: Record<string, string[]> = {
  [FAULTS[0]!.name]: [RECOVERED, RECOVERED, RECOVERED, RECOVERED],
  [FAULTS[1]!.name]: [RECOVERED, RECOVERED, RECOVERED, RECOVERED],
  [FAULTS[2]!.name]: [OUTBOX, OUTBOX, NO_TIMES, UNCONFIRMED],
  [FAULTS[3]!.name]: [RECOVERED, OUTBOX, RECOVERED, NOT_BOOKED],
  [FAULTS[4]!.name]: [OUTBOX, OUTBOX, NO_TIMES, NOT_BOOKED],
  [FAULTS[5]!.name]: [OUTBOX, OUTBOX, NO_TIMES, NOT_BOOKED],
  [FAULTS[6]!.name]: [RECOVERED, RECOVERED, RECOVERED, RECOVERED],
  [FAULTS[7]!.name]: [OUTBOX, OUTBOX, NO_TIMES, NOT_BOOKED],
};
const SLOW = FAULTS[1]!;

interface Cell {
  outcome: string;
  /** Orders with the journey's number in Connect, and booked visits of it. */
  orders: number;
  visits: number;
  /** When "This is taking longer than usual" reached the channel in the faulted turn, while it was still running. */
  noticeAtMs?: number;
  /** How long the faulted turn took, from the tenant's message to the bot's last reply. */
  faultedTurnMs: number;
  /** Connect calls of the journey that met the fault: dropped (status 0), refused token (401) or 5xx. */
  faultedCalls: number;
}

const results = new Map<string, Cell>();
const cellKey = (fault: Fault, step: Step) => `${fault.name}|${step.name}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function admin(method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${running.sim.origin}/simulator/${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator admin ${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

const texts = (replies: Partial<Activity>[]) => replies.map(visibleText);
const isNotice = (reply: Partial<Activity>) => reply.text === SLOW_REPLY_TEXT;

function orderNumberIn(all: string[]): string {
  const reference = /reference (?:is )?(RB [0-9A-Z ]+?)[.,]/.exec(all.join('\n'))?.[1];
  const orderNumber = reference ? parseReference(reference) : null;
  if (!orderNumber) throw new Error(`no reference in:\n${all.join('\n')}`);
  return orderNumber;
}

/** Waits until the conversation has a message matching `pattern` (a proactive one comes in its own time). */
async function waitForMessage(channel: ChannelHarness, conversationId: string, pattern: RegExp, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (texts(channel.messages(conversationId)).some((t) => pattern.test(t))) return true;
    await sleep(50);
  }
  return false;
}

function classify(all: string[], lastPick: string | undefined, told: { saved: boolean; sent: boolean }): string {
  if (lastPick?.startsWith('Booked: ')) return RECOVERED;
  if (told.saved) return told.sent ? OUTBOX : 'saved in outbox, NOT sent';
  const said = all.join('\n');
  if (/cannot get the free times/.test(said)) return NO_TIMES;
  if (/did not confirm the booking in time/.test(said)) return UNCONFIRMED;
  if (/could not book the visit/.test(said)) return NOT_BOOKED;
  return `unexpected: ${all.at(-1) ?? '(nothing said)'}`;
}

const PREFIX = ['my bath is leaking', 'LS1 4AB', 'Flat 3, Hart', 'Yes, text me'];

async function runCell(fault: Fault, step: Step, conversationId: string) {
  const { channel } = running;
  await admin('POST', 'reset');
  const turns: { said: string; replies: Partial<Activity>[]; ms: number; noticeAtMs?: number }[] = [];
  const say = async (text: string) => {
    const started = Date.now();
    const before = channel.messages(conversationId).length;
    // Watches the channel while the turn runs: a notice only counts if it arrives before the answer's turn ends.
    let running = true;
    let noticeAtMs: number | undefined;
    const watching = (async () => {
      while (running && noticeAtMs === undefined) {
        if (channel.messages(conversationId).slice(before).some(isNotice)) noticeAtMs = Date.now() - started;
        await sleep(10);
      }
    })();
    const replies = await channel.say(conversationId, text);
    const ms = Date.now() - started;
    running = false;
    await watching;
    turns.push({
      said: text,
      replies,
      ms,
      noticeAtMs: noticeAtMs !== undefined && noticeAtMs < ms ? noticeAtMs : undefined,
    });
    return replies;
  };
  const arm = async () => {
    // At the token step the cached token must be given up first, or no token call would be made at all.
    const specs =
      step.operationId === 'token' ? [{ kind: 'expire-tokens' as const }, ...fault.arm(step)] : fault.arm(step);
    for (const spec of specs) await admin('POST', 'faults', spec);
  };

  for (const text of PREFIX) await say(text);
  if (step.operationId !== 'postBooking') await arm();
  const sent = await say('Send it');
  let faultedTurn = sent;
  let lastPick: string | undefined;
  if (sent.at(-1)?.suggestedActions?.actions.some((a) => a.title === 'None of these')) {
    if (step.operationId === 'postBooking') await arm();
    const picked = await say('2');
    if (step.operationId === 'postBooking') faultedTurn = picked;
    lastPick = picked.filter((r) => !isNotice(r)).at(-1)?.text;
  }
  const saved = texts(sent).some((t) => /I have saved it, with reference/.test(t));
  // Connect stays down a while with the report waiting (the breaker opens), then comes back.
  if (fault.lasting && saved) await sleep(DOWN_MS);
  await admin('DELETE', 'faults');
  const messaged = saved && (await waitForMessage(channel, conversationId, /has now been sent/, 5_000));
  if (fault.lateMs) await sleep(fault.lateMs);

  const all = texts(channel.messages(conversationId));
  const orderNumber = orderNumberIn(all);
  const state = (await admin('GET', 'state')) as {
    orders: {
      order: { PrimaryOrderNumber: string; JobDescription?: string; OrderContact?: { MobilePhone?: string } };
    }[];
    visits: { PrimaryOrderNumber: string; VisitStatus: number }[];
  };
  const journal = (await admin('GET', 'journal')) as JournalEntry[];
  const orders = state.orders.map((o) => o.order).filter((o) => o.PrimaryOrderNumber === orderNumber);
  const cell: Cell = {
    outcome: classify(all, lastPick, { saved, sent: messaged }),
    orders: orders.length,
    visits: state.visits.filter((v) => v.PrimaryOrderNumber === orderNumber && v.VisitStatus === 5).length,
    noticeAtMs: turns.find((t) => t.replies === faultedTurn)?.noticeAtMs,
    faultedTurnMs: turns.find((t) => t.replies === faultedTurn)?.ms ?? -1,
    faultedCalls: journal.filter((e) => e.status === 0 || e.status === 401 || e.status >= 500).length,
  };
  return { cell, turns, orders, all };
}

function matrixTable(): string {
  const header = `| fault \\ Connect step | ${STEPS.map((s) => s.name).join(' | ')} |`;
  const rule = `|---|${STEPS.map(() => '---').join('|')}|`;
  const rows = FAULTS.map((fault) => {
    const cells = STEPS.map((step) => {
      const cell = results.get(cellKey(fault, step));
      if (!cell) return 'not run';
      const extras = [
        `${cell.orders} order${cell.orders === 1 ? '' : 's'}`,
        `${cell.visits} visit${cell.visits === 1 ? '' : 's'}`,
        `${cell.faultedCalls} faulted call${cell.faultedCalls === 1 ? '' : 's'}`,
        cell.noticeAtMs === undefined ? '' : `notice at ${cell.noticeAtMs} ms`,
        `${cell.faultedTurnMs} ms`,
      ].filter(Boolean);
      return `${cell.outcome} (${extras.join(' · ')})`;
    });
    return `| ${fault.name} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

describe('fault matrix: each Connect fault at each step of the report journey', () => {
  beforeAll(async () => {
    // The simulator compiles an operation's validators on its first call, which can take longer than the small time
    // limit used here: two unfaulted journeys first (the second's duplicate check looks the first's order up), so
    // every cell measures the fault and not a cold start.
    for (const id of ['fm-warm-1', 'fm-warm-2']) {
      for (const text of [...PREFIX, 'Send it', '2']) await running.channel.say(id, text);
    }
    await sleep(HANG_MS);
  }, 30_000);

  afterAll(() => {
    const table = matrixTable();
    const text = [
      '# Fault matrix of the report journey',
      '',
      `Measured by test/reliability/faultMatrix.test.ts over HTTP against the simulator: Connect time limit ${TIMEOUT_MS} ms,`,
      `"taking longer" notice after ${NOTICE_MS} ms, breaker open after 3 failed calls in a row for ${HALF_OPEN_MS} ms,`,
      'outbox round every 100 ms.',
      '',
      "In each cell: the outcome the tenant saw; then what Connect holds for the journey's order number (orders,",
      'booked visits); the calls that met a dropped connection, a 401 or a 5xx (a timed-out call is journalled with the',
      'status it ended with after the client gave up); "notice at" when "This is taking longer than usual" reached the',
      'channel while the faulted turn was still running; and the time the faulted turn took, from message to last reply.',
      'Faults are armed just before the turn that makes the call.',
      '',
      table,
      '',
    ].join('\n');
    // The matrix is this suite's report (issue 7 asks for it in the closing note): it belongs in the test output.
    // eslint-disable-next-line no-console
    console.log(text);
    const dir = path.join(__dirname, 'artifacts');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'fault-matrix.md'), text);
  });

  const cases = FAULTS.flatMap((fault, row) =>
    STEPS.map((step, column) => ({ fault, step, expected: EXPECTED[fault.name]![column]!, id: `fm-${row}-${column}` })),
  );

  it.each(cases.map((c) => [`${c.fault.name} at ${c.step.name}`, c] as const))(
    '%s',
    async (_title, { fault, step, expected, id }) => {
      const { cell, turns, orders, all } = await runCell(fault, step, id);
      results.set(cellKey(fault, step), cell);
      const transcript = turns.map(
        (t) =>
          `> ${t.said}\n${texts(t.replies)
            .map((r) => `  < ${r}`)
            .join('\n')}`,
      );

      expect({ outcome: cell.outcome, transcript }).toEqual({ outcome: expected, transcript });
      // Nothing doubled: one order in Connect whatever happened, and never two visits.
      expect(cell.orders).toBe(1);
      expect(cell.visits).toBeLessThanOrEqual(1);
      if (expected === RECOVERED) expect(cell.visits).toBe(1);
      if (expected === NO_TIMES || expected === NOT_BOOKED) expect(cell.visits).toBe(0);
      // Nothing the tenant gave is lost, even when the report went through the outbox.
      expect(orders[0]).toMatchObject({
        JobDescription: 'Bath leaking: my bath is leaking',
        OrderContact: { MobilePhone: '+447700900101' },
      });
      // Every failure is said once, in plain words, with what happens next; no reply is doubled.
      for (const turn of turns) expect(turn.replies.filter(isNotice).length).toBeLessThanOrEqual(1);
      expect(all.filter((t) => /^Your repair is logged\. Your reference/.test(t)).length).toBeLessThanOrEqual(1);
      expect(all.filter((t) => /has now been sent/.test(t)).length).toBe(expected === OUTBOX ? 1 : 0);
      // A slow step is announced in words: the faulted turn took longer than the notice's threshold.
      if (fault === SLOW) expect(cell.noticeAtMs).toBeGreaterThanOrEqual(NOTICE_MS - 20);
    },
    30_000,
  );
});
