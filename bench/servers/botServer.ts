import fs from 'node:fs';
import { Session } from 'node:inspector';
import { type AddressInfo } from 'node:net';
import { ConversationState, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { startApp, type RunningApp } from '../../src/app';
import { createSimulator, type Simulator } from '../../src/connect/simulator';
import { createAdapter } from '../../src/bot/createAdapter';
import { type RepairsBot } from '../../src/bot/repairsBot';
import { createStorage } from '../../src/bot/storage/createStorage';
import { useTurnMiddleware } from '../../src/bot/turnMiddleware';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import { fixedClock } from '../../src/repairs/time';
import { createServer, listen } from '../../src/server/createServer';
import { mountMessages } from '../../src/server/routes/messages';

/**
 * A bot under test, in a process of its own (forked by bench/run.ts with an IPC channel), so that the load
 * generator does not share its event loop. `repairs`: the whole app as `npm start` builds it, with the embedded
 * Connect simulator and a fixed "now". `echo`: the floor, on the same server, adapter, middleware and storage, with
 * a bot that reads and saves its conversation state and echoes the text.
 *
 * Settings come from the environment as for `npm start` (STORAGE, STORAGE_SQLITE_FILE, STORAGE_BLOB_..., and
 * BENCH_TENANTS_FILE: the tenants to seed the simulator with). Messages from the parent: 'memory' (answers the
 * process's memory after a full GC when run with --expose-gc), 'cpu' (the process's CPU time so far), 'profile-start' and 'profile-stop' (a CPU profile of
 * what happens in between, written to `file`) and 'stop'.
 */
export const BENCH_NOW = '2026-12-01T09:00:00Z';

type Message =
  | { type: 'events-target'; url: string; secret: string }
  | { type: 'memory' }
  | { type: 'cpu' }
  | { type: 'stop' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string };

let profiler: Session | undefined;

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

class EchoBot extends TeamsActivityHandler {
  constructor(private readonly conversationState: ConversationState) {
    super();
    const turns = conversationState.createProperty<{ count: number }>('echo');
    this.onMessage(async (context, next) => {
      const state = await turns.get(context, { count: 0 });
      state.count += 1;
      await context.sendActivity(`You said: ${context.activity.text ?? ''} (${state.count})`);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

/** Capacity without limit on the working windows of the next months: every tenant can book the slot it picks. */
function unlimitedCapacity(from: string, days: number) {
  const capacity: { date: string; planningWindowId: number; capacity: number }[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (const planningWindowId of [1, 2, 3, 4]) capacity.push({ date, planningWindowId, capacity: 1_000_000 });
  }
  return capacity;
}

/** The bench's tenants and unlimited capacity, seeded into the simulator, whichever process it runs in. */
async function seedAndWarm(sim: Simulator): Promise<void> {
  const file = process.env.BENCH_TENANTS_FILE;
  const properties = file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as never[]) : [];
  sim.seed({ properties, capacity: unlimitedCapacity(BENCH_NOW.slice(0, 10), 120) });
  await sim.warmUp();
}

/**
 * The repairs bot as `npm start` builds it. With CONNECT_BASE_URL set (the bench's default) it talks to Connect in
 * another process, as in production; without, to the simulator embedded in its own process.
 */
async function startRepairs(): Promise<{ url: string; simulatorOrigin?: string; close(): Promise<void> }> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    CONNECT_SIMULATOR_PORT: '0',
    SMTP_PORT_LOCAL: '0',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  });
  const app: RunningApp = await startApp(config, { clock: fixedClock(BENCH_NOW) });
  if (app.simulator) await seedAndWarm(app.simulator);
  return { url: app.url, simulatorOrigin: app.simulator?.origin, close: () => app.close() };
}

/** Connect for the repairs bot: the simulator in a process of its own, its clock fixed as the bot's. */
async function startConnect(): Promise<{ url: string; simulatorOrigin: string; close(): Promise<void> }> {
  const now = new Date(BENCH_NOW);
  const sim = await createSimulator({ port: 0, now: () => now });
  await seedAndWarm(sim);
  process.on('message', (message: Message) => {
    if (message.type === 'events-target') {
      sim.setEventsTarget({ url: message.url, secret: message.secret });
      process.send?.({ type: 'events-target-set' });
    }
  });
  return { url: sim.baseUrl, simulatorOrigin: sim.origin, close: () => sim.close() };
}

async function startEcho(): Promise<{ url: string; close(): Promise<void> }> {
  const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const state = createStorage(config.storage);
  // The adapter and middleware exactly as the app sets them up (typing, slow-reply notice, turn logging, funnel, SMS).
  const adapter = createAdapter(config.botFramework, logger, config.phones.repairs, {
    slowReplyNoticeMs: config.slowReplyNoticeMs,
  });
  useTurnMiddleware(adapter, logger);
  const bot = new EchoBot(new ConversationState(state.storage));
  const server = createServer(logger);
  mountMessages(server, adapter, bot as unknown as RepairsBot, { loopbackOnly: !config.botFramework.appId });
  await listen(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      state.close();
    },
  };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== 'repairs' && mode !== 'echo' && mode !== 'connect') {
    throw new Error('usage: botServer.ts repairs|echo|connect');
  }
  const running =
    mode === 'repairs' ? await startRepairs() : mode === 'connect' ? await startConnect() : await startEcho();
  process.on('message', (message: Message) => {
    if (message.type === 'memory') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      process.send?.({ type: 'memory', memory: process.memoryUsage() });
    } else if (message.type === 'cpu') {
      process.send?.({ type: 'cpu', cpu: process.cpuUsage() });
    } else if (message.type === 'profile-start') {
      profiler = new Session();
      profiler.connect();
      void post(profiler, 'Profiler.enable')
        .then(() => post(profiler!, 'Profiler.setSamplingInterval', { interval: 500 }))
        .then(() => post(profiler!, 'Profiler.start'))
        .then(() => process.send?.({ type: 'profile-started' }));
    } else if (message.type === 'profile-stop') {
      const session = profiler;
      void post(session!, 'Profiler.stop').then((result) => {
        fs.writeFileSync(message.file, JSON.stringify((result as { profile: unknown }).profile));
        session!.disconnect();
        process.send?.({ type: 'profile-stopped' });
      });
    } else if (message.type === 'stop') {
      running.close().finally(() => process.exit(0));
    }
  });
  process.send?.({
    type: 'ready',
    url: running.url,
    simulatorOrigin: 'simulatorOrigin' in running ? running.simulatorOrigin : undefined,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench bot failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
