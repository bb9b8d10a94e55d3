import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as prettier from 'prettier';
import { startAzurite } from './lib/azurite';
import { BenchChannel } from './lib/channel';
import {
  DEFAULT_PASSWORD as SIMULATOR_DEFAULT_PASSWORD,
  DEFAULT_USERNAME as SIMULATOR_DEFAULT_USERNAME,
} from '../src/connect/simulator/options';
import { CONNECT_EVENTS_PATH } from '../src/server/botApiContract';
import { type BotProcess, startBot } from './lib/child';
import {
  answered,
  booked,
  callsJourney,
  type CallsJourney,
  countCalls,
  happyPath,
  journal,
  type LoadResult,
  midJourney,
  runLoad,
} from './lib/journeys';
import { median, round, summarise, type LatencySummary } from './lib/stats';
import { measureStartup } from './lib/startup';
import { benchTenants } from './lib/tenants';
import { type CpuProfile, summarize } from './cpuProfileSummary';
import { renderMarkdown, renderTable, type Row } from './lib/report';
import { NOTES } from './lib/notes';

/**
 * `npm run bench` (full) and `npm run bench:quick` (CI: a few tenants, small counts, well under a minute).
 * Options: --quick, --tenants N (concurrent tenants, default 200), --journeys N (journeys per tenant, default 3),
 * --memory 1000,10000 (conversations held mid-journey), --startup-runs N, --skip-build, --cpu-prof (profiles both
 * bots during the flat-out turns into bench/profiles/), --think-ms N (mean pause of a tenant between a reply and its
 * next message in the flat-out run; 0, the default, runs the bots flat out), --paced-think-ms N (the paced run's mean
 * pause, default 10000 ms; 0 skips it), --only turns,calls,memory,startup,storage (sections), --out DIR
 * (where results.json and RESULTS.md go: bench/ by default, a temp folder in quick mode so that the kept results of
 * the last full run stay). It measures and does not judge: it exits 0 whatever the figures; in quick mode (CI) it
 * exits 1 when a journey failed or a section could not run, since that means the bench itself is broken.
 */
const ROOT = path.resolve(__dirname, '..');

interface Options {
  quick: boolean;
  tenants: number;
  journeys: number;
  memory: number[];
  startupRuns: number;
  skipBuild: boolean;
  cpuProf: boolean;
  only?: Set<string>;
  out?: string;
  thinkMs: number;
  /** Mean pause of the paced run, in which the latency goal is judged; 0 skips it. */
  pacedThinkMs: number;
}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value('--only');
  return {
    quick,
    tenants: Number(value('--tenants') ?? (quick ? 10 : 200)),
    journeys: Number(value('--journeys') ?? (quick ? 1 : 3)),
    memory: (value('--memory') ?? (quick ? '50,200' : '1000,10000')).split(',').map(Number),
    startupRuns: Number(value('--startup-runs') ?? (quick ? 1 : 5)),
    skipBuild: argv.includes('--skip-build'),
    cpuProf: argv.includes('--cpu-prof'),
    only: only ? new Set(only.split(',')) : undefined,
    out: value('--out'),
    thinkMs: Number(value('--think-ms') ?? 0),
    pacedThinkMs: Number(value('--paced-think-ms') ?? (quick ? 200 : 10_000)),
  };
}

interface TurnFigures {
  turnsPerSecond: number;
  /** CPU time of the bot process per turn (the embedded simulator included): what a turn costs, whatever the load. */
  botCpuMsPerTurn?: number;
  /** CPU time of the bench process (the tenants and the channel endpoint) per turn: the load generator's share. */
  driverCpuMsPerTurn?: number;
  /** Activities the bot sent per turn: its messages, and the typing indicators of turns slower than half a second. */
  sentPerTurn?: { messages: number; typing: number };
  latencyMs: LatencySummary;
  /** p50 and p99 by step of the journey (the first message, the postcode, …). */
  latencyByStepMs: { p50: number; p99: number }[];
  turns: number;
  journeys: number;
  failedJourneys: number;
  seconds: number;
  problems: string[];
}

/** What every load run reports: its pace, its latency overall and by step of the journey, its journeys. */
const loadFigures = (load: LoadResult) => ({
  turnsPerSecond: round(load.turns / load.seconds),
  latencyMs: summarise(load.turnMs),
  latencyByStepMs: load.stepMs.map((ms) => {
    const { p50, p99 } = summarise(ms);
    return { p50, p99 };
  }),
  turns: load.turns,
  journeys: load.journeys,
  failedJourneys: load.failedJourneys,
  problems: load.problems,
});

const figures = (
  load: LoadResult & { botCpuMs?: number; driverCpuMs?: number; sent?: { messages: number; typing: number } },
): TurnFigures => ({
  ...loadFigures(load),
  botCpuMsPerTurn: load.botCpuMs === undefined ? undefined : round(load.botCpuMs / load.turns, 2),
  driverCpuMsPerTurn: load.driverCpuMs === undefined ? undefined : round(load.driverCpuMs / load.turns, 2),
  sentPerTurn: load.sent && {
    messages: round(load.sent.messages / load.turns, 2),
    typing: round(load.sent.typing / load.turns, 2),
  },
  seconds: round(load.seconds, 2),
});

type PacedFigures = ReturnType<typeof loadFigures> & { thinkMs: number };

const pacedFigures = (load: LoadResult, thinkMs: number): PacedFigures => ({ thinkMs, ...loadFigures(load) });

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** A temp folder for the run's state files and tenant file. */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'repairs-bench-'));

function storageEnv(
  kind: 'sqlite' | 'memory' | 'blob',
  name: string,
  blobConnection?: string,
): Record<string, string> & { STORAGE_SQLITE_FILE: string } {
  const env: Record<string, string> & { STORAGE_SQLITE_FILE: string } = {
    STORAGE: kind,
    STORAGE_SQLITE_FILE: path.join(work, `${name}.db`),
  };
  if (kind === 'blob' && blobConnection) {
    env.STORAGE_BLOB_CONNECTION_STRING = blobConnection;
    env.STORAGE_BLOB_CONTAINER = `bench-${name}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  }
  return env;
}

/** Stored state of the conversations whose ids start with `prefix`: bytes per conversation (JSON as stored). */
function stateBytes(dbFile: string, prefix: string): { conversations: number; mean: number; max: number } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        "SELECT key, length(CAST(value AS BLOB)) AS bytes FROM bot_state WHERE key LIKE '%/conversations/' || ? || '%'",
      )
      .all(prefix) as { key: string; bytes: number }[];
    const sizes = rows.map((r) => r.bytes);
    return {
      conversations: rows.length,
      mean: sizes.length ? Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) : Number.NaN,
      max: sizes.length ? Math.max(...sizes) : Number.NaN,
    };
  } finally {
    db.close();
  }
}

/** The secret the repairs bot and its Connect share for Connect's updates (the bench's own; 32 characters or more). */
const BENCH_EVENTS_SECRET = 'bench-events-secret-0123456789abcdef';

/**
 * A bot process and the channel endpoint its replies go to. The repairs bot gets its Connect (the simulator) in a
 * process of its own, as in production, unless `embeddedConnect`: then the simulator runs inside the bot's process
 * as `npm start` runs it, and its CPU counts as the bot's.
 */
async function withBot<T>(
  mode: 'repairs' | 'echo',
  env: Record<string, string>,
  body: (bot: BotProcess, channel: BenchChannel) => Promise<T>,
  embeddedConnect = false,
): Promise<T> {
  const connect = mode === 'repairs' && !embeddedConnect ? await startBot('connect', env) : undefined;
  let bot: BotProcess | undefined;
  try {
    bot = await startBot(
      mode,
      connect
        ? {
            ...env,
            CONNECT_BASE_URL: connect.url,
            CONNECT_USERNAME: SIMULATOR_DEFAULT_USERNAME,
            CONNECT_PASSWORD: SIMULATOR_DEFAULT_PASSWORD,
            CONNECT_EVENTS_SECRET: BENCH_EVENTS_SECRET,
          }
        : env,
    );
    if (connect) {
      await connect.tell('events-target', 'events-target-set', {
        url: `${bot.url}${CONNECT_EVENTS_PATH}`,
        secret: BENCH_EVENTS_SECRET,
      });
    }
    const channel = new BenchChannel(bot.url);
    await channel.start();
    try {
      return await body(connect ? { ...bot, simulatorOrigin: connect.simulatorOrigin } : bot, channel);
    } finally {
      await channel.stop();
    }
  } finally {
    await bot?.stop();
    await connect?.stop();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const wants = (section: string) => !options.only || options.only.has(section);
  const warmUpJourneys = options.quick ? 2 : 20;
  const pacedCount = options.pacedThinkMs > 0 ? options.tenants : 0;
  const tenantCount = warmUpJourneys + options.tenants * options.journeys + pacedCount + 20;
  const tenants = benchTenants(tenantCount);
  const tenantsFile = path.join(work, 'tenants.json');
  fs.writeFileSync(tenantsFile, JSON.stringify(tenants));
  // The simulator runs in the bot's process and shares its CPU: with every tenant sending flat out, its answers wait
  // behind the bot's own queue. That is the bench saturating itself, not Connect failing, so the client's time limit
  // is raised and the circuit breaker kept shut; otherwise one busy second opens the breaker and every journey after
  // it ends in "our repairs system is not answering".
  const common = {
    TENANTS_FILE: tenantsFile,
    BENCH_TENANTS_FILE: tenantsFile,
    REBOOK_MIN_DAYS: '0',
    CONNECT_TIMEOUT_MS: '60000',
    CONNECT_BREAKER_FAILURES: '100',
  };
  const warmUp = tenants.slice(0, warmUpJourneys);
  const measured = tenants.slice(warmUpJourneys);
  // The paced run's tenants come after those of the flat-out run, so that no conversation is met twice.
  const paced = tenants.slice(warmUpJourneys + options.tenants * options.journeys);
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: {
      platform: `${os.platform()} ${os.release()}`,
      arch: os.arch(),
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      cpus: os.cpus().length,
      memoryGB: round(os.totalmem() / 2 ** 30, 1),
      loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
    },
    node: process.version,
    options: { ...options, only: options.only ? [...options.only] : undefined },
    notes: NOTES,
  };

  /** One load run: warm-up journeys first (not measured), then `tenants` at once. */
  const load =
    (label: string, messages: typeof happyPath, check: typeof booked) =>
    async (bot: BotProcess, channel: BenchChannel) => {
      await runLoad({
        channel,
        label: `${label}-warm`,
        tenants: warmUp,
        concurrency: 1,
        journeysEach: warmUp.length,
        messages,
        check,
      });
      const stopProfile = options.cpuProf && (label === 'tenant' || label === 'echo') ? await bot.profile() : undefined;
      const cpuBefore = await bot.cpuMs();
      const driverBefore = process.cpuUsage();
      const sentBefore = { ...channel.received };
      const result = await runLoad({
        channel,
        label,
        tenants: measured,
        concurrency: options.tenants,
        journeysEach: options.journeys,
        messages,
        check,
        thinkMs: options.thinkMs,
      });
      const botCpuMs = (await bot.cpuMs()) - cpuBefore;
      const driver = process.cpuUsage(driverBefore);
      const driverCpuMs = (driver.user + driver.system) / 1000;
      const sent = {
        messages: channel.received.message - sentBefore.message,
        typing: channel.received.typing - sentBefore.typing,
      };
      if (stopProfile) {
        const dir = path.join(__dirname, 'profiles');
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `${label}-turns.cpuprofile`);
        await stopProfile(file);
        const summary = summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, 15);
        results.profile = { file: path.relative(ROOT, file), ...summary };
        log(`profile of the measured turns written to ${file}`);
      }
      return { ...result, botCpuMs, driverCpuMs, sent };
    };

  /**
   * The paced run, on a bot already warm from the flat-out one: the same number of tenants, each pausing
   * `pacedThinkMs` on average (0.5 to 1.5 times) between a reply and its next message, as a person reading and
   * typing does. The bot is not saturated, so its latency is its own rather than a queue: the latency goal is judged
   * here.
   */
  const pacedLoad =
    (label: string, messages: typeof happyPath, check: typeof booked) =>
    async (_bot: BotProcess, channel: BenchChannel): Promise<PacedFigures | undefined> => {
      if (options.pacedThinkMs <= 0) return undefined;
      const result = await runLoad({
        channel,
        label: `${label}-paced`,
        tenants: paced,
        concurrency: options.tenants,
        journeysEach: 1,
        messages,
        check,
        thinkMs: options.pacedThinkMs,
      });
      return pacedFigures(result, options.pacedThinkMs);
    };

  // 1 and 2. Turns: the echo floor and the repairs bot on SQLite, then the Connect calls per journey.
  let sqliteTurns: TurnFigures | undefined;
  if (wants('turns') || wants('calls')) {
    log(`turns: echo bot, ${options.tenants} tenants x ${options.journeys} journeys`);
    const echo = await withBot('echo', { ...common, ...storageEnv('sqlite', 'echo') }, async (b, c) => {
      const flatOut = figures(await load('echo', happyPath, answered)(b, c));
      if (options.pacedThinkMs > 0) log(`turns: echo bot, paced (${options.pacedThinkMs} ms between messages)`);
      return { ...flatOut, paced: await pacedLoad('echo', happyPath, answered)(b, c) };
    });
    log(`turns: repairs bot, ${options.tenants} tenants x ${options.journeys} journeys`);
    const repairsEnv = { ...common, ...storageEnv('sqlite', 'repairs') };
    const { turns, calls } = await withBot('repairs', repairsEnv, async (bot, channel) => {
      const flatOut = figures(await load('tenant', happyPath, booked)(bot, channel));
      const all = await journal(bot.simulatorOrigin!);
      const counts = countCalls(all);
      const journeys = warmUpJourneys + flatOut.journeys;
      if (options.pacedThinkMs > 0) log(`turns: repairs bot, paced (${options.pacedThinkMs} ms between messages)`);
      const turns = { ...flatOut, paced: await pacedLoad('tenant', happyPath, booked)(bot, channel) };
      const perJourney = Object.fromEntries(
        Object.entries(counts)
          .filter(([op]) => op !== 'token')
          .map(([op, n]) => [op, round(n / journeys, 2)]),
      );
      log('calls: report and book, move, cancel');
      const samples: CallsJourney[] = [];
      const sampleTenants = tenants.slice(-5);
      for (const [i, tenant] of sampleTenants.entries())
        samples.push(await callsJourney(channel, bot.simulatorOrigin!, tenant, `calls-${i}`));
      const tokens = countCalls(await journal(bot.simulatorOrigin!)).token ?? 0;
      return {
        turns,
        calls: {
          loadRun: { journeys, successfulJourneys: journeys - turns.failedJourneys, perJourney },
          sample: samples[0],
          samplesAgree: samples.every(
            (s) => JSON.stringify(s) === JSON.stringify({ ...samples[0], problems: s.problems }),
          ),
          problems: samples.flatMap((s) => s.problems),
          tokenRequests: tokens,
          conversations: journeys + (turns.paced?.journeys ?? 0) + samples.length,
          tokenLifetimeSeconds: 3600,
          note: 'The bench runs on a fixed clock (2026-12-01T09:00Z), so one token lifetime covers the whole run.',
        },
      };
    });
    sqliteTurns = turns;
    const stored = stateBytes(repairsEnv.STORAGE_SQLITE_FILE, 'tenant-');
    results.turns = {
      concurrentTenants: options.tenants,
      journeysPerTenant: options.journeys,
      turnsPerJourney: happyPath(tenants[0]!).length,
      storage: 'sqlite',
      echo,
      repairs: turns,
      ratio: round(turns.turnsPerSecond / echo.turnsPerSecond, 2),
      // Flat out, the latency is mostly time queued before the bot reads the request: reported, not judged.
      flatOutP99DeltaMs: round(turns.latencyMs.p99 - echo.latencyMs.p99),
      // The latency goal, judged in the paced run.
      p99DeltaMs: turns.paced && echo.paced ? round(turns.paced.latencyMs.p99 - echo.paced.latencyMs.p99) : undefined,
      storedStateBytesAfterBooking: stored,
    };
    results.connectCalls = calls;
  }

  // 3. Memory: conversations held mid-journey (repair, postcode, house and surname: waiting on the contact question).
  if (wants('memory')) {
    const env = { ...common, ...storageEnv('sqlite', 'memory-run') };
    results.memory = await withBot('repairs', env, async (bot, channel) => {
      const points: { conversations: number; rssMB: number; heapUsedMB: number; externalMB: number }[] = [];
      const take = async (conversations: number) => {
        const m = await bot.memory();
        points.push({
          conversations,
          rssMB: round(m.rss / 2 ** 20),
          heapUsedMB: round(m.heapUsed / 2 ** 20),
          externalMB: round(m.external / 2 ** 20),
        });
      };
      // The simulator's journal (in its own process) is emptied, as it grows with every Connect call.
      await take(0);
      let held = 0;
      for (const target of options.memory) {
        log(`memory: ${target} conversations held mid-journey`);
        const more = target - held;
        const concurrency = Math.min(options.tenants, more);
        const each = Math.ceil(more / concurrency);
        await runLoad({
          channel,
          label: `held-${held}`,
          tenants: measured,
          concurrency,
          journeysEach: each,
          messages: midJourney,
          check: (last) => /text you|e-mail/i.test(last.replies.map((r) => r.text ?? '').join(' ')),
        });
        held += concurrency * each;
        await fetch(`${bot.simulatorOrigin}/simulator/journal`, { method: 'DELETE' });
        await take(held);
      }
      const first = points[0]!;
      const last = points.at(-1)!;
      const stored = stateBytes(env.STORAGE_SQLITE_FILE, 'held-');
      return {
        points,
        heapBytesPerConversation: Math.round(((last.heapUsedMB - first.heapUsedMB) * 2 ** 20) / last.conversations),
        rssBytesPerConversation: Math.round(((last.rssMB - first.rssMB) * 2 ** 20) / last.conversations),
        storedStateBytesPerConversation: stored,
        note: 'Memory of the bot process after a full GC, embedded Connect simulator included (its journal emptied).',
      };
    });
  }

  // 4. Start-up of the built app.
  if (wants('startup')) {
    // Quick mode (CI) uses dist/ as `npm ci` left it (its prepare script builds); the full run builds afresh.
    const reuseDist = options.quick && fs.existsSync(path.join(ROOT, 'dist', 'index.js'));
    let build = options.skipBuild ? 'skipped (--skip-build)' : 'skipped (quick mode: dist/ as built)';
    if (!options.skipBuild && !reuseDist) {
      log('startup: npm run build');
      const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
      build = built.status === 0 ? 'ok' : `failed (exit ${built.status}); dist/ may be stale`;
      if (built.status !== 0) log(`build failed:\n${(built.stdout + built.stderr).slice(-1500)}`);
    }
    const runs = [];
    for (let i = 0; i < options.startupRuns; i++) {
      log(`startup: run ${i + 1}/${options.startupRuns}`);
      runs.push(await measureStartup(ROOT));
    }
    results.startup = {
      build,
      runs: runs.map((r) => ({
        readyMs: round(r.readyMs),
        cpuToReadyMs: r.cpuToReadyMs,
        firstTurnMs: round(r.firstTurnMs),
        secondConversationFirstTurnMs: round(r.secondConversationFirstTurnMs),
      })),
      readyMs: round(median(runs.map((r) => r.readyMs))),
      slowestReadyMs: round(Math.max(...runs.map((r) => r.readyMs))),
      cpuToReadyMs: round(median(runs.map((r) => r.cpuToReadyMs ?? Number.NaN))),
      firstTurnMs: round(median(runs.map((r) => r.firstTurnMs))),
      secondConversationFirstTurnMs: round(median(runs.map((r) => r.secondConversationFirstTurnMs))),
    };
  }

  // 5. Storage: the same load on SQLite (the turns run), in-memory SQLite and Azure Blob Storage (Azurite).
  if (wants('storage')) {
    const storage: Record<string, unknown> = {};
    if (sqliteTurns) storage.sqlite = sqliteTurns;
    else {
      log('storage: sqlite');
      storage.sqlite = figures(
        await withBot('repairs', { ...common, ...storageEnv('sqlite', 'storage-sqlite') }, (b, c) =>
          load('sq', happyPath, booked)(b, c),
        ),
      );
    }
    // In-memory SQLite shows what the state file costs; quick mode (CI) leaves it out to stay short.
    if (!options.quick) {
      log('storage: memory');
      storage.memory = figures(
        await withBot('repairs', { ...common, ...storageEnv('memory', 'storage-memory') }, (b, c) =>
          load('mem', happyPath, booked)(b, c),
        ),
      );
    }
    log('storage: blob (Azurite)');
    try {
      const azurite = await startAzurite(ROOT);
      try {
        storage.blob = figures(
          await withBot(
            'repairs',
            { ...common, ...storageEnv('blob', 'storage-blob', azurite.connectionString) },
            (b, c) => load('blob', happyPath, booked)(b, c),
          ),
        );
      } finally {
        await azurite.stop();
      }
    } catch (error) {
      storage.blob = { error: error instanceof Error ? error.message : String(error) };
    }
    results.storage = storage;
  }

  // 6. Language: the figures of npm run bench:language, as last written.
  const languageFile = path.join(__dirname, 'language', 'results.json');
  if (fs.existsSync(languageFile)) {
    const language = JSON.parse(fs.readFileSync(languageFile, 'utf8')) as Record<string, unknown>;
    results.language = {
      generatedAt: language.generatedAt,
      diagnosis: language.diagnosis,
      emergencies: language.emergencies,
      wishes: language.wishes,
      timingsMs: language.timingsMs,
    };
  }

  (results.machine as Record<string, unknown>).loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
  const rows: Row[] = renderTable(results);
  const table = rows.map((r) => `${r.item.padEnd(44)} ${r.figure.padEnd(40)} ${r.goal.padEnd(26)} ${r.verdict}`);
  console.log(['', `${'item'.padEnd(44)} ${'figure'.padEnd(40)} ${'goal'.padEnd(26)} met`, ...table, ''].join('\n'));
  const outDir = options.out ?? (options.quick ? path.join(os.tmpdir(), 'repairs-bench-quick') : __dirname);
  fs.mkdirSync(outDir, { recursive: true });
  // Written as the project's Prettier settings would have them, so that `prettier --check .` passes on them.
  const write = async (file: string, text: string) => {
    const config = (await prettier.resolveConfig(file)) ?? {};
    fs.writeFileSync(file, await prettier.format(text, { ...config, filepath: file }));
  };
  await write(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
  await write(path.join(outDir, 'RESULTS.md'), renderMarkdown(results, rows));
  log(`wrote ${path.join(outDir, 'results.json')} and RESULTS.md`);
  if (options.quick) {
    const broken = rows.filter((r) => /FAILED|not measured/.test(r.figure));
    const callProblems = (obj(results.connectCalls).problems as string[] | undefined) ?? [];
    if (broken.length || callProblems.length) {
      log(`quick check failed: ${[...broken.map((r) => r.item), ...callProblems].join('; ')}`);
      process.exitCode = 1;
    }
  }
}

const obj = (value: unknown): Record<string, unknown> => (value ?? {}) as Record<string, unknown>;

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(work, { recursive: true, force: true, maxRetries: 3 }));
