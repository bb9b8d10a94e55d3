import { Writable } from 'node:stream';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createConnectClient, createConnectFacade } from '../../src/connect';
import { createLogger } from '../../src/logging/logger';
import {
  capturingLogger,
  clientOptions,
  startSimulator,
  type RunningSimulator,
} from '../connect/client/simulatorHarness';
import { ChannelHarness } from '../e2e/channelHarness';
import { clock, tempDir } from '../e2e/testApp';

type Line = Record<string, unknown>;

describe('a request id per Connect call', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  it('is on every log line of the call, the same for each retry, and sent to Connect as X-Request-Id', async () => {
    const logger = capturingLogger();
    const sent: { path: string; requestId: string | null }[] = [];
    // A pass-through to the real fetch that only notes the header each request carried.
    const recordingFetch: typeof fetch = (input, init) => {
      if (input instanceof Request) {
        sent.push({ path: new URL(input.url).pathname, requestId: input.headers.get('X-Request-Id') });
      }
      return fetch(input, init);
    };
    const connect = createConnectFacade(
      createConnectClient(clientOptions(simulator, { logger, fetch: recordingFetch, timeoutMs: 500 })),
    );
    await simulator.fault({ kind: 'status', status: 503, operationId: 'getPlanningWindows', count: 1 });
    expect((await connect.getPlanningWindows()).length).toBeGreaterThan(0);
    await connect.getPlanningWindows();

    const lines = logger.lines.map((line) => JSON.parse(line) as Line);
    const calls = lines.filter((line) => line.operation === 'getPlanningWindows');
    expect(calls.map((line) => [line.status, line.attempt])).toEqual([
      [503, 1],
      [200, 2],
      [200, 1],
    ]);
    const [first, retry, second] = calls.map((line) => line.connectRequestId);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);
    expect(second).not.toBe(first);
    // Connect (here the simulator, which validates requests against the spec) took the header: the calls succeeded.
    const apiCalls = sent.filter((request) => request.path.includes('/api/'));
    expect(apiCalls.map((request) => request.requestId)).toEqual([first, first, second]);
  });
});

describe('a request id per turn', () => {
  const scratch = tempDir('repairs-bot-turn-ids-');
  const lines: Line[] = [];
  const raw: string[] = [];
  let app: RunningApp;
  let channel: ChannelHarness;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const text of chunk.toString('utf8').split('\n'))
          if (text.trim()) {
            raw.push(text);
            lines.push(JSON.parse(text) as Line);
          }
        done();
      },
    });
    const config = loadConfig({
      PORT: '0',
      CONNECT_SIMULATOR_PORT: '0',
      STORAGE: 'memory',
      LOG_LEVEL: 'debug',
      FUNNEL_LOG_FILE: `${scratch.dir}/funnel.jsonl`,
    });
    app = await startApp(config, { clock, logger: createLogger(config.logLevel, sink) });
    channel = new ChannelHarness(app.url);
    await channel.start();
  });
  afterAll(async () => {
    await channel?.stop();
    await app?.close();
    scratch.remove();
  });

  it('is on every line logged during the turn, the Connect client’s included, and differs between turns', async () => {
    const before = lines.length;
    for (const text of ['my bath is leaking', 'LS1 4AB', 'Flat 3, Hart', 'Yes, text me', 'Send it']) {
      await channel.say('turn-ids', text);
    }
    const turnLines = lines.slice(before);
    const ends = turnLines.filter((line) => line.msg === 'turn done');
    expect(ends).toHaveLength(5);
    const turnIds = ends.map((line) => line.turnId);
    expect(new Set(turnIds).size).toBe(5);
    for (const id of turnIds) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ends[0]).toMatchObject({ component: 'turn', channel: 'directline', activityType: 'message' });
    expect(ends[0]?.durationMs).toEqual(expect.any(Number));
    // "Send it" created the order and asked for free times: those Connect calls carry the last turn's id.
    const connectLines = turnLines.filter((line) => line.component === 'connect' && line.operation !== 'token');
    const sendTurn = connectLines.filter((line) => line.turnId === turnIds[4]).map((line) => line.operation);
    expect(sendTurn).toEqual(expect.arrayContaining(['postSalesOrder']));
    for (const line of connectLines) {
      expect(turnIds).toContain(line.turnId);
      expect(line.connectRequestId).toEqual(expect.any(String));
    }
    // The turn id is written once per line, not both as a child logger's binding and by the mixin.
    expect(raw.filter((line) => line.split('"turnId"').length > 2)).toEqual([]);
    // Nothing the tenant typed is logged.
    const text = JSON.stringify(turnLines);
    for (const personal of ['bath is leaking', 'LS1 4AB', 'Hart', 'text me']) expect(text).not.toContain(personal);
  });

  it('is not on lines logged outside a turn', () => {
    const startup = lines.find((line) => line.msg === 'repairs bot listening');
    expect(startup).toBeDefined();
    expect(startup).not.toHaveProperty('turnId');
  });
});
