import {
  type Activity,
  ActivityTypes,
  type Attachment,
  ConversationState,
  MemoryStorage,
  type Middleware,
  type TurnContext,
  TestAdapter,
} from 'botbuilder';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { createBot } from '../../src/bot/createBot';
import { RepairsBot } from '../../src/bot/repairsBot';
import { createConnectClient, createConnectFacade, type SalesOrder } from '../../src/connect';
import { createSimulator, type JournalEntry, type Simulator } from '../../src/connect/simulator';
import { type ConversationData, type DialogDeps } from '../../src/dialogs/dialogDeps';
import { startLocalMailServer } from '../../src/local/localMailServer';
import { loadCatalogue } from '../../src/repairs/catalogue';
import { SmtpRepairsTeamMail } from '../../src/repairs/handoff/smtpRepairsTeamMail';
import { Outbox } from '../../src/repairs/outbox/outbox';
import { OrderRegistry } from '../../src/repairs/orders/orderRegistry';
import { MemoryRecordStore } from '../../src/repairs/orders/recordStore';
import { RepairServices } from '../../src/repairs/repairServices';
import { type RepairReport } from '../../src/repairs/reporting/repairReport';
import { createWishParser, type WishParser } from '../../src/repairs/slots';
import { TenantDirectory } from '../../src/repairs/tenants';
import { DEFAULT_TENANTS_PATH } from '../../src/repairs/tenants/defaultTenants';
import { fixedClock } from '../../src/repairs/time';

/**
 * Test plumbing for the dialog tests: one real Connect simulator per test file (fixed clock, unique user name),
 * RepairServices over the real Connect client and façade, and two ways to talk to the bot — a DialogTestClient
 * for one dialog, or a TestAdapter driving the whole RepairsBot from createBot — both read as transcripts.
 */

export const NOW = '2026-12-01T09:00:00Z';
export const ZONE = 'Europe/London';
export const PHONES = { repairs: '0113 496 0000', emergency: '0113 496 0999' };
export const LANDLORD = 'Aire Valley Homes';
export const PRIVACY_URL = 'https://example.com/privacy';
const PASSWORD = 'dialog-tests-password';

let simulators = 0;
let parser: WishParser | undefined;

export interface World {
  sim: Simulator;
  services: RepairServices;
  /** The local SMTP server that services.repairsTeam sends to: its URL, and the folder of received .eml files. */
  mail: { url: string; folder: string };
  /** Connect calls since the start (or since `mark()`), by operation id. */
  calls(operationId: string, since?: number): JournalEntry[];
  /** The journal position now, to look only at what a test caused. */
  mark(): number;
  /** Back to the seed, the clock pinned to NOW again. */
  reset(): void;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  simulators += 1;
  // Tokens are cached per process by base URL and user: a name of its own per simulator.
  const username = `dialogs-${process.pid}-${simulators}-${Date.now()}@simulator.local`;
  const sim = await createSimulator({ port: 0, username, password: PASSWORD, now: () => new Date(NOW) });
  sim.setClock(new Date(NOW), true);
  const connect = createConnectFacade(
    createConnectClient({
      baseUrl: sim.baseUrl,
      username,
      password: PASSWORD,
      timeoutMs: 5_000,
      retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 5 },
    }),
  );
  parser ??= createWishParser();
  const mailServer = await startLocalMailServer({ port: 0, folder: fs.mkdtempSync(path.join(os.tmpdir(), 'mail-')) });
  const repairsTeam = new SmtpRepairsTeamMail({
    smtpUrl: mailServer.url,
    to: 'repairs-team@example.org',
    from: 'bot@example.org',
  });
  const records = new MemoryRecordStore();
  const services = new RepairServices({
    connect,
    catalogue: loadCatalogue(),
    tenants: TenantDirectory.fromFile(DEFAULT_TENANTS_PATH),
    clock: fixedClock(NOW),
    zone: ZONE,
    phones: PHONES,
    wishParser: parser,
    orders: new OrderRegistry(records),
    // Beside the orders, as in the app, so that reset() empties it too.
    outbox: new Outbox(records),
    repairsTeam,
    rebookMinDays: 1,
  });
  const lastSeq = () => sim.journal().reduce((max, entry) => Math.max(max, entry.seq), 0);
  return {
    sim,
    services,
    mail: { url: mailServer.url, folder: mailServer.folder },
    calls: (operationId, since = 0) =>
      sim.journal().filter((entry) => entry.operationId === operationId && entry.seq > since),
    mark: lastSeq,
    reset: () => {
      // Connect forgets its orders, so the bot forgets the ones it raised.
      records.clear();
      sim.reset({ now: new Date(NOW) });
    },
    close: async () => {
      repairsTeam.close();
      await mailServer.close();
      await sim.close();
    },
  };
}

// --- what the bot said ---------------------------------------------------------------------------------------------

export interface Reply {
  activity: Partial<Activity>;
  text: string;
  /** Button titles (suggested actions or a card's buttons). */
  choices: string[];
}

function buttonsOf(attachments: Attachment[] | undefined): string[] {
  return (attachments ?? []).flatMap((attachment) => {
    const content = attachment.content as { buttons?: { title?: string }[] } | undefined;
    return (content?.buttons ?? []).map((button) => button.title ?? '');
  });
}

export function replyOf(activity: Partial<Activity>): Reply {
  const card = (activity.attachments ?? []).map((a) => (a.content as { text?: string } | undefined)?.text ?? '');
  return {
    activity,
    text: [activity.text ?? '', ...card].filter(Boolean).join('\n'),
    choices: [
      ...(activity.suggestedActions?.actions ?? []).map((action) => action.title ?? ''),
      ...buttonsOf(activity.attachments),
    ],
  };
}

/** Everything said in one turn, buttons included, as one string to search. */
export function said(replies: readonly Reply[]): string {
  return replies.map((r) => [r.text, ...r.choices.map((c) => `[${c}]`)].join('\n')).join('\n---\n');
}

export interface Talker {
  say(text: string): Promise<Reply[]>;
}

// --- transcripts ---------------------------------------------------------------------------------------------------

/** What a turn's replies must contain: text, a pattern, or `{ not }` for what must not appear. */
export type Expect = string | RegExp | { not: string | RegExp };
/** One turn: what the tenant types, then what the bot's replies (all of them together) must include. */
export type Step = [user: string, ...expected: Expect[]];

export interface Transcript {
  name: string;
  steps: Step[];
}

const matches = (text: string, pattern: string | RegExp) =>
  typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);

/** Plays the steps in order; fails naming the turn and showing the conversation so far. Returns every turn's replies. */
export async function play(talker: Talker, steps: readonly Step[]): Promise<Reply[][]> {
  const turns: Reply[][] = [];
  const log: string[] = [];
  for (const [user, ...expected] of steps) {
    const replies = await talker.say(user);
    turns.push(replies);
    const text = said(replies);
    log.push(`USER: ${user}`, `BOT: ${text.replace(/\n/g, '\n     ')}`);
    for (const expectation of expected) {
      const ok =
        typeof expectation === 'object' && 'not' in expectation
          ? !matches(text, expectation.not)
          : matches(text, expectation);
      if (!ok) {
        throw new Error(
          `After "${user}" the bot's replies ${
            typeof expectation === 'object' && 'not' in expectation
              ? `should not include ${String(expectation.not)}`
              : `should include ${String(expectation)}`
          }.\n\nConversation so far:\n${log.join('\n')}`,
        );
      }
    }
  }
  return turns;
}

// --- one dialog ----------------------------------------------------------------------------------------------------

export interface DialogUnderTest extends Talker {
  client: DialogTestClient;
  conversationState: ConversationState;
  deps: DialogDeps;
}

export function depsFor(services: RepairServices, conversationState: ConversationState): DialogDeps {
  return {
    services,
    conversationData: RepairsBot.conversationDataAccessor(conversationState),
    saveState: (context: TurnContext) => conversationState.saveChanges(context, false),
    landlordName: LANDLORD,
    privacyUrl: PRIVACY_URL,
  };
}

/**
 * A DialogTestClient around one dialog, built by `make` from deps over the client's own conversation state.
 * `conversationData`, if given, is what the conversation already remembers when the dialog starts (e.g. a tenant
 * check passed earlier: `{ verifiedPropertyId: 'PROP-0001' }`).
 */
export function dialogClient(
  make: (deps: DialogDeps) => Dialog,
  services: RepairServices,
  options: unknown,
  channelId = 'webchat',
  conversationData?: ConversationData,
): DialogUnderTest {
  const conversationState = new ConversationState(new MemoryStorage());
  const deps = depsFor(services, conversationState);
  let seed = conversationData;
  const seeding: Middleware = {
    async onTurn(context, next) {
      if (seed) Object.assign(await deps.conversationData.get(context, {}), seed);
      seed = undefined;
      await next();
    },
  };
  const client = new DialogTestClient(channelId, make(deps), options, [seeding], conversationState);
  return {
    client,
    conversationState,
    deps,
    async say(text) {
      const replies: Reply[] = [];
      let next = await client.sendActivity(text);
      while (next) {
        if (next.type === ActivityTypes.Message) replies.push(replyOf(next));
        next = client.getNextReply();
      }
      return replies;
    },
  };
}

// --- the whole bot -------------------------------------------------------------------------------------------------

export interface BotUnderTest extends Talker {
  adapter: TestAdapter;
  /** A member joins (conversationUpdate), as Web Chat sends when it opens. */
  join(): Promise<Reply[]>;
}

/** The RepairsBot from createBot over MemoryStorage, driven by a TestAdapter on one conversation. */
export function botConversation(
  services: RepairServices,
  options: { channelId?: string; privacyUrl?: string } = {},
): BotUnderTest {
  const { bot } = createBot({
    storage: new MemoryStorage(),
    services,
    landlordName: LANDLORD,
    privacyUrl: options.privacyUrl,
  });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId: options.channelId ?? 'webchat' });
  const drain = () =>
    adapter.activeQueue
      .splice(0)
      .filter((a) => a.type === ActivityTypes.Message)
      .map(replyOf);
  return {
    adapter,
    async say(text) {
      await adapter.receiveActivity({ type: ActivityTypes.Message, text });
      return drain();
    },
    async join() {
      await adapter.receiveActivity({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: 'user1', name: 'User1' }, adapter.conversation.bot],
      });
      return drain();
    },
  };
}

// --- Connect facts -------------------------------------------------------------------------------------------------

/** The SalesOrder bodies POSTed since `since`. */
export function postedOrders(world: World, since = 0): SalesOrder[] {
  return world.calls('postSalesOrder', since).map((entry) => entry.body as SalesOrder);
}

/** A report for a demo tenant, for tests that need an order in Connect before their dialog starts. */
export function reportFor(world: World, overrides: Partial<RepairReport> = {}): RepairReport {
  const tenant = world.services.tenants.findByPropertyId('PROP-0001');
  if (!tenant) throw new Error('PROP-0001 is missing from the demo tenants');
  return {
    orderNumber: world.services.newOrderNumber(),
    tenant,
    code: 'BATH003',
    description: 'The bath panel has come off',
    contact: { mobile: '+447700900101', wantsTexts: false },
    emergency: false,
    conversationId: 'dialog-tests',
    raisedAt: world.services.clock.now(),
    ...overrides,
  };
}

/** Places an order through the real service and returns its number. */
export async function placedOrder(world: World, overrides: Partial<RepairReport> = {}): Promise<string> {
  const report = reportFor(world, overrides);
  const outcome = await world.services.placeOrder(report, { mayAlreadyExist: false });
  if (outcome.kind !== 'placed') throw new Error(`could not place the test order: ${outcome.kind}`);
  return report.orderNumber;
}

/** The orders Connect holds now (the simulator's back office). */
export function ordersIn(world: World): SalesOrder[] {
  return world.sim.snapshot().orders.map((stored) => stored.order);
}

/** The visits Connect holds for one order. */
export function visitsOf(world: World, orderNumber: string) {
  return world.sim.snapshot().visits.filter((visit) => visit.PrimaryOrderNumber === orderNumber);
}

// --- orders already raised (for "My appointments") -----------------------------------------------------------------

export interface RaisedOrder {
  orderNumber: string;
  visitExternalId?: string;
  /** How the bot described the visit when it booked it, e.g. 'Thursday 3 December, morning, 8am to 1pm'. */
  description?: string;
}

/**
 * An order as a report leaves it: placed in Connect for a demo tenant, recorded in the bot's registry, and (unless
 * `slot` is null) booked into `slot`, by default Thursday 3 December, morning. `recorded: false` leaves it out of
 * the registry, as for an order raised by phone.
 */
export async function raisedOrder(
  world: World,
  options: {
    propertyId?: string;
    code?: string;
    slot?: { date: string; planningWindowId: number } | null;
    recorded?: boolean;
  } = {},
): Promise<RaisedOrder> {
  const propertyId = options.propertyId ?? 'PROP-0001';
  const tenant = world.services.tenants.findByPropertyId(propertyId);
  if (!tenant) throw new Error(`${propertyId} is missing from the demo tenants`);
  const code = options.code ?? 'BATH003';
  const orderNumber = await placedOrder(world, { tenant, code });
  if (options.recorded !== false) {
    await world.services.orders.record({
      orderNumber,
      propertyId,
      code,
      raisedAt: world.services.clock.now().toISOString(),
      status: 'open',
      channelId: 'webchat',
    });
  }
  const slot = options.slot === undefined ? { date: '2026-12-03', planningWindowId: 2 } : options.slot;
  if (!slot) return { orderNumber };
  const booked = await world.services.book({ orderNumber, slot });
  if (booked.kind !== 'booked') throw new Error(`could not book the test visit: ${booked.kind}`);
  const windows = (await world.services.connect.getPlanningWindows()).map((w) => ({
    id: w.Id ?? 0,
    name: w.Name ?? '',
    start: `${String(w.StartHour ?? 0).padStart(2, '0')}:${String(w.StartMinute ?? 0).padStart(2, '0')}`,
    end: `${String(w.EndHour ?? 0).padStart(2, '0')}:${String(w.EndMinute ?? 0).padStart(2, '0')}`,
  }));
  const description = world.services.describeSlot(slot, windows);
  if (options.recorded !== false) {
    await world.services.orders.update(orderNumber, {
      visit: { visitExternalId: booked.visitExternalId, slot, description },
    });
  }
  return { orderNumber, visitExternalId: booked.visitExternalId, description };
}
