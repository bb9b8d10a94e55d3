import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppOverrides, type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { type JournalEntry, type Simulator } from '../../src/connect/simulator';
import { ChannelHarness } from './channelHarness';
import { fixedClock } from '../../src/repairs/time';

/** Tuesday 1 December 2026, 09:00 in London: "now" for the bot and the Connect simulator alike. */
export const NOW = '2026-12-01T09:00:00Z';
export const clock = fixedClock(NOW);

/**
 * The whole app as `npm start` builds it (server, adapter, bot, services, client, and with no CONNECT_BASE_URL the
 * embedded simulator), on free loopback ports, in-memory state, silent logs, and the fixed clock.
 */
export function startTestApp(
  env: Record<string, string> = {},
  overrides: Omit<AppOverrides, 'clock'> = {},
): Promise<RunningApp> {
  return startApp(
    loadConfig({ PORT: '0', CONNECT_SIMULATOR_PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'silent', ...env }),
    { clock, ...overrides },
  );
}

/** A directory of its own under the system's temp directory, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Connect calls as 'METHOD operationId' → count, in the order first made. */
export function callsByMethod(journal: readonly JournalEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of journal) {
    const key = `${entry.method} ${entry.operationId ?? entry.path}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** The counts as a small text table, for the test output. */
export function callTable(title: string, counts: Record<string, number>): string {
  const rows = Object.entries(counts).map(([call, count]) => {
    const [method, operation] = call.split(' ');
    return `| ${method!.padEnd(6)} | ${operation!.padEnd(26)} | ${String(count).padStart(5)} |`;
  });
  return [
    title,
    `| ${'method'.padEnd(6)} | ${'Connect operation'.padEnd(26)} | calls |`,
    `|${'-'.repeat(8)}|${'-'.repeat(28)}|${'-'.repeat(7)}|`,
    ...rows,
    '',
  ].join('\n');
}

/** A running app with a channel endpoint on loopback, for one describe block. */
export interface AppWithChannel {
  app: RunningApp;
  sim: Simulator;
  channel: ChannelHarness;
}

/**
 * Starts the app (by `start`) and a channel endpoint before the block's tests and stops both after them. The
 * returned object is filled in by the time the tests run.
 */
export function appWithChannel(start: () => Promise<RunningApp> = () => startTestApp()): AppWithChannel {
  const running = {} as AppWithChannel;
  beforeAll(async () => {
    running.app = await start();
    running.sim = running.app.simulator!;
    running.channel = new ChannelHarness(running.app.url);
    await running.channel.start();
  });
  afterAll(async () => {
    await running.channel?.stop();
    await running.app?.close();
  });
  return running;
}
