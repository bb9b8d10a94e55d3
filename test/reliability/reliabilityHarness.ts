import { spawn } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type Activity } from 'botbuilder';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createSimulator, type Simulator } from '../../src/connect/simulator';
import { createLogger } from '../../src/logging/logger';
import { type ChannelHarness, visibleText } from '../e2e/channelHarness';
import { clock } from '../e2e/testApp';

export const CONNECT_USER = 'reliability@simulator.local';
const CONNECT_PASSWORD = 'reliability-password';
const EVENTS_SECRET = 'events-secret-for-reliability-tests-0123456789';

/**
 * The report journey of the end-to-end tests, six messages from free text to a booked visit, for one of the demo
 * tenants. Each test's conversation is a different home: a second report of the same repair for the same home
 * would (rightly) take the duplicate-report path instead.
 */
export const TENANTS = {
  hart: ['LS1 4AB', 'Flat 3, Hart'],
  okafor: ['LS3 1XY', '27, Okafor'],
  sharma: ['S1 2ZZ', '5, Sharma'],
  nowak: ['M3 5QD', '41, Nowak'],
  whitfield: ['NG1 6PB', '8, Whitfield'],
} as const;

export function happyPath(tenant: keyof typeof TENANTS): string[] {
  const [postcode, house] = TENANTS[tenant];
  return ['my bath is leaking', postcode, house, 'Yes, text me', 'Send it', '2'];
}

/** One Connect simulator on loopback, outside any bot instance, so that instances can come and go around it. */
export function startConnect(): Promise<Simulator> {
  return createSimulator({ port: 0, username: CONNECT_USER, password: CONNECT_PASSWORD, now: () => clock.now() });
}

/** Log lines kept in memory: the tests count the turns that were run again, from the bot's own log. */
export class LogLines {
  readonly lines: Record<string, unknown>[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
      done();
    },
  });

  count(message: string): number {
    return this.lines.filter((line) => line.msg === message).length;
  }
}

/** A bot instance as `npm start` builds it, on the given storage, talking to the shared simulator. */
export function startInstance(sim: Simulator, storage: Record<string, string>, log?: LogLines): Promise<RunningApp> {
  return startApp(
    loadConfig({
      PORT: '0',
      CONNECT_BASE_URL: sim.baseUrl,
      CONNECT_USERNAME: CONNECT_USER,
      CONNECT_PASSWORD: CONNECT_PASSWORD,
      CONNECT_EVENTS_SECRET: EVENTS_SECRET,
      LOG_LEVEL: log ? 'info' : 'silent',
      ...storage,
    }),
    { clock, logger: log ? createLogger('info', log.stream) : undefined },
  );
}

/**
 * Posts one tenant message to one instance, as a channel does, with the activity id given (so a test can deliver
 * the same message twice). Replies go to the harness at its serviceUrl, whichever instance sends them.
 */
export async function deliver(
  botUrl: string,
  channel: ChannelHarness,
  conversationId: string,
  id: string,
  text: string,
): Promise<number> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id,
      text,
      channelId: 'directline',
      serviceUrl: channel.serviceUrl,
      conversation: { id: conversationId },
      from: { id: `user-${conversationId}`, name: 'Tenant' },
      recipient: { id: 'repairs-bot', name: 'Repairs bot' },
      timestamp: new Date().toISOString(),
      locale: 'en-GB',
    }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** The bot's messages in answer to one inbound activity (the channel gets them as replies to its id). */
export function repliesTo(channel: ChannelHarness, conversationId: string, id: string): Partial<Activity>[] {
  return channel.messages(conversationId).filter((a) => a.replyToId === id);
}

export const textOf = (replies: Partial<Activity>[]): string => replies.map(visibleText).join('\n');

export interface InstanceProcess {
  url: string;
  /** Its log lines so far, parsed. */
  log: LogLines;
  stop(): Promise<void>;
}

/**
 * A bot instance in a child process (its own event loop, its own CPU), on the given storage and the shared
 * simulator: closer to two App Service instances than two apps in one process.
 */
export async function spawnInstance(sim: Simulator, storage: Record<string, string>): Promise<InstanceProcess> {
  const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
  const child = spawn(tsx, [path.join(__dirname, 'botProcess.ts')], {
    env: {
      ...process.env,
      PORT: '0',
      CONNECT_BASE_URL: sim.baseUrl,
      CONNECT_USERNAME: CONNECT_USER,
      CONNECT_PASSWORD: CONNECT_PASSWORD,
      CONNECT_EVENTS_SECRET: EVENTS_SECRET,
      LOG_LEVEL: 'info',
      ...storage,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = new LogLines();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (typeof parsed.ready === 'string') resolve(parsed.ready);
        else log.lines.push(parsed);
      }
    });
    child.once('exit', (code) => reject(new Error(`bot process exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
