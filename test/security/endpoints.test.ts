import { createHmac } from 'node:crypto';
import os from 'node:os';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { localOnly, type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createSimulator, type Simulator } from '../../src/connect/simulator';
import { createLogger } from '../../src/logging/logger';
import { isLoopback } from '../../src/server/loopback';
import {
  bodyLimitFor,
  CONNECTOR_REPLY_MAX_BODY_BYTES,
  DEFAULT_MAX_BODY_BYTES,
  MESSAGES_MAX_BODY_BYTES,
} from '../../src/server/requestBodies';
import { SECURITY_HEADERS } from '../../src/server/securityHeaders';
import { ChannelHarness } from '../e2e/channelHarness';
import { clock, appWithChannel } from '../e2e/testApp';

/**
 * The bot's endpoints against callers they must turn away: who may post activities (Bot Framework JWT with an app
 * id, this machine only without one), which routes exist in which mode, the body limits of each route, and the
 * headers of every answer. Real apps over real HTTP.
 */

const APP_ID = '11111111-2222-3333-4444-555555555555';
const SIM_USER = 'endpoints@simulator.local';
const SIM_PASSWORD = 'endpoints-simulator-password';
const EVENTS_SECRET = 'endpoints-events-secret-0123456789abcdef';

/** A log sink: the app's JSON lines, parsed. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('trace', stream) };
}

/** An IPv4 address of this machine that is not loopback, if it has one (CI runners and containers do). */
function outsideAddress(): string | undefined {
  for (const addresses of Object.values(os.networkInterfaces()))
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return undefined;
}

const activity = (serviceUrl: string, conversationId: string, text = 'hello') => ({
  type: 'message',
  id: `in-${conversationId}`,
  channelId: 'directline',
  serviceUrl,
  conversation: { id: conversationId },
  from: { id: `user-${conversationId}` },
  recipient: { id: 'repairs-bot' },
  text,
});

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A JWT shaped like a Bot Connector token for our app id, signed with a key that is not Microsoft's. */
function forgedJwt(): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT', kid: 'forged' });
  const body = b64({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: 'http://127.0.0.1/',
    nbf: now - 60,
    exp: now + 3600,
  });
  const signature = createHmac('sha256', 'not-microsoft').update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

describe('isLoopback: only the socket address of this machine counts', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:192.0.2.2', false],
    ['10.0.0.1', false],
    ['fe80::1', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});

describe('localOnly: the local helpers only without credentials and without a real Connect', () => {
  const base = { PORT: '0', STORAGE: 'memory' };
  const real = {
    CONNECT_BASE_URL: 'https://connect.example.org/WS-API',
    CONNECT_USERNAME: 'u',
    CONNECT_PASSWORD: 'p',
    CONNECT_EVENTS_SECRET: EVENTS_SECRET,
  };
  const creds = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' };
  it.each([
    ['embedded simulator, no app id', {}, true],
    ['a real Connect', real, false],
    ['an app id', creds, false],
    ['both', { ...real, ...creds }, false],
  ])('%s → %s', (_name, env, expected) => {
    expect(localOnly(loadConfig({ ...base, ...env }))).toBe(expected);
  });
});

describe('with MicrosoftAppId set, /api/messages needs the Bot Framework JWT (CloudAdapter)', () => {
  let app: RunningApp;
  let channel: ChannelHarness;
  const sink = logSink();
  beforeAll(async () => {
    app = await startApp(
      loadConfig({
        PORT: '0',
        CONNECT_SIMULATOR_PORT: '0',
        STORAGE: 'memory',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-a-real-password',
      }),
      { clock, logger: sink.logger },
    );
    channel = new ChannelHarness(app.url);
    await channel.start();
  });
  afterAll(async () => {
    await channel.stop();
    await app.close();
  });

  it.each([
    ['no Authorization header', {}, [401]],
    ['a Bearer token that is not a JWT', { authorization: 'Bearer not-a-token' }, [401]],
    ['another scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, [401]],
    // The SDK fetches Microsoft's signing keys to check a well-formed token: 401 when it finds the key id is not
    // Microsoft's, 500 when the keys cannot be fetched (this test may run with no internet). Refused either way.
    ['a forged JWT (right shape and audience, wrong key)', { authorization: `Bearer ${forgedJwt()}` }, [401, 500]],
  ])('%s is refused, and nothing reaches the bot', async (name, headers, statuses) => {
    const conversationId = `jwt-${name.replace(/\W+/g, '-')}`;
    const response = await postJson(`${app.url}/api/messages`, activity(channel.serviceUrl, conversationId), headers);
    expect(statuses).toContain(response.status);
    await response.body?.cancel();
    // A turn that ran would have replied (or tried to, and logged 'turn failed'): neither happened.
    expect(channel.messages(conversationId)).toEqual([]);
    expect(sink.lines.filter((l) => l.msg === 'turn failed')).toEqual([]);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });

  it('the local Direct Line is not there: its routes are 404', async () => {
    const response = await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST' });
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });
});

describe('in local mode (no MicrosoftAppId) only callers on this machine are served', () => {
  const outside = outsideAddress();
  const running = appWithChannel();

  it('this machine has an address other than loopback to call from (else this block proves nothing)', () => {
    expect(outside).toBeDefined();
  });

  it('a caller on loopback is served', async () => {
    expect((await running.channel.say('loopback-1', 'hello')).length).toBeGreaterThan(0);
  });

  it.each([
    ['POST /api/messages', '/api/messages', 'POST'],
    ['POST /v3/directline/conversations', '/v3/directline/conversations', 'POST'],
    ['POST /v3/directline/tokens/generate', '/v3/directline/tokens/generate', 'POST'],
  ])('%s from another address gets a 403 and no turn', async (_name, path, method) => {
    const port = new URL(running.app.url).port;
    const conversationId = `outside-${path.replace(/\W+/g, '-')}`;
    const response = await fetch(`http://${outside}:${port}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '127.0.0.1' },
      body: JSON.stringify(activity(running.channel.serviceUrl, conversationId)),
    });
    expect(response.status).toBe(403);
    await response.body?.cancel();
    expect(running.channel.messages(conversationId)).toEqual([]);
  });

  it('the health check answers anyone (load balancers probe it from outside)', async () => {
    const port = new URL(running.app.url).port;
    expect((await fetch(`http://${outside}:${port}/health`)).status).toBe(200);
  });
});

describe('the simulator admin API and the local Direct Line are never mounted against a real Connect', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ port: 0, username: SIM_USER, password: SIM_PASSWORD, now: () => clock.now() });
  });
  afterAll(() => sim.close());

  const realConnect = () => ({
    CONNECT_BASE_URL: sim.baseUrl,
    CONNECT_USERNAME: SIM_USER,
    CONNECT_PASSWORD: SIM_PASSWORD,
    CONNECT_EVENTS_SECRET: EVENTS_SECRET,
  });
  const creds = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-password' };

  it.each([
    ['a real Connect, no app id', () => realConnect()],
    ['a real Connect and an app id', () => ({ ...realConnect(), ...creds })],
    ['the embedded simulator and an app id', () => creds],
  ])('%s: no local Direct Line, no admin API on the bot', async (name, env) => {
    const app = await startApp(
      loadConfig({ PORT: '0', CONNECT_SIMULATOR_PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'silent', ...env() }),
      { clock },
    );
    try {
      for (const [method, path] of [
        ['POST', '/v3/directline/conversations'],
        ['POST', '/v3/directline/tokens/generate'],
        ['GET', '/v3/directline/conversations/x/activities'],
        ['POST', '/v3/directline/connector/v3/conversations/x/activities'],
        ['GET', '/simulator'],
        ['GET', '/simulator/state'],
      ] as const) {
        const response = await fetch(`${app.url}${path}`, { method });
        expect(`${method} ${path}: ${response.status}`).toBe(`${method} ${path}: 404`);
        await response.body?.cancel();
      }
      // Against a real Connect no simulator is started at all (so its admin API exists nowhere).
      if (name.startsWith('a real Connect')) expect(app.simulator).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

describe('body limits by route, and security headers on every answer', () => {
  const running = appWithChannel();

  it('each route has its limit', () => {
    expect(bodyLimitFor('/api/messages')).toBe(64 * 1024);
    expect(bodyLimitFor('/v3/directline/conversations/:conversationId/activities')).toBe(MESSAGES_MAX_BODY_BYTES);
    expect(bodyLimitFor('/v3/directline/connector/v3/conversations/:conversationId/activities')).toBe(
      CONNECTOR_REPLY_MAX_BODY_BYTES,
    );
    expect(bodyLimitFor('/v3/directline/tokens/generate')).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(bodyLimitFor('/api/directline/token')).toBe(DEFAULT_MAX_BODY_BYTES);
  });

  it(`an activity just over ${MESSAGES_MAX_BODY_BYTES} bytes gets a 413 on /api/messages; just under is served`, async () => {
    const envelope = JSON.stringify(activity(running.channel.serviceUrl, 'limit-1', '')).length;
    const over = await postJson(
      `${running.app.url}/api/messages`,
      activity(running.channel.serviceUrl, 'limit-1', 'x'.repeat(MESSAGES_MAX_BODY_BYTES - envelope + 1)),
    );
    expect(over.status).toBe(413);
    await over.body?.cancel();
    const under = await postJson(
      `${running.app.url}/api/messages`,
      activity(running.channel.serviceUrl, 'limit-2', 'tap '.repeat((MESSAGES_MAX_BODY_BYTES - envelope - 16) / 4)),
    );
    expect(under.status).toBe(200);
  });

  it('a Direct Line activity over 64 KB gets a 413; a token call with a 17 KB body too', async () => {
    const started = (await (
      await fetch(`${running.app.url}/v3/directline/conversations`, { method: 'POST' })
    ).json()) as {
      conversationId: string;
      token: string;
    };
    const big = await postJson(
      `${running.app.url}/v3/directline/conversations/${started.conversationId}/activities`,
      { type: 'message', text: 'x'.repeat(MESSAGES_MAX_BODY_BYTES) },
      { authorization: `Bearer ${started.token}` },
    );
    expect(big.status).toBe(413);
    await big.body?.cancel();
    const token = await postJson(`${running.app.url}/v3/directline/tokens/generate`, { pad: 'x'.repeat(17 * 1024) });
    expect(token.status).toBe(413);
    await token.body?.cancel();
  });

  it('a compressed body is refused (415) before it is unpacked', async () => {
    const bomb = gzipSync(
      Buffer.from(JSON.stringify({ ...activity(running.channel.serviceUrl, 'gz'), text: 'a'.repeat(5e6) })),
    );
    expect(bomb.length).toBeLessThan(MESSAGES_MAX_BODY_BYTES);
    const response = await fetch(`${running.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(response.status).toBe(415);
    await response.body?.cancel();
    expect(running.channel.messages('gz')).toEqual([]);
  });

  it('a multipart upload is not parsed (no file is written): a 400', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x'.repeat(1000)]), 'upload.bin');
    const response = await fetch(`${running.app.url}/api/messages`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    await response.body?.cancel();
  });

  it.each([
    ['GET /health', '/health', 'GET', undefined],
    ['GET /widget.js', '/widget.js', 'GET', undefined],
    ['GET /webchat/webchat.js', '/webchat/webchat.js', 'GET', undefined],
    ['a 404', '/no/such/route', 'GET', undefined],
    ['a 400 from /api/messages', '/api/messages', 'POST', '[]'],
    ['a 413 from /api/messages', '/api/messages', 'POST', JSON.stringify({ t: 'x'.repeat(70_000) })],
    ['a 401 from /api/connect/events', '/api/connect/events', 'POST', '{}'],
  ])('%s has the security headers', async (_name, path, method, body) => {
    const response = await fetch(`${running.app.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body,
    });
    await response.body?.cancel();
    for (const name of ['X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options', 'Strict-Transport-Security'])
      expect(`${name}: ${response.headers.get(name)}`).toBe(`${name}: ${SECURITY_HEADERS[name]}`);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
  });

  it('API answers are not cached; the widget files are', async () => {
    const health = await fetch(`${running.app.url}/health`);
    expect(health.headers.get('cache-control')).toBe('no-store');
    const widget = await fetch(`${running.app.url}/widget.js`);
    expect(widget.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    await Promise.all([health.body?.cancel(), widget.body?.cancel()]);
  });

  it('the demo page has a content security policy with a fresh nonce, the same one as on its widget script', async () => {
    const pages = await Promise.all([fetch(`${running.app.url}/`), fetch(`${running.app.url}/`)]);
    const nonces: string[] = [];
    for (const page of pages) {
      const policy = page.headers.get('content-security-policy') ?? '';
      const html = await page.text();
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce).toBeDefined();
      expect(html).toContain(`<script src="/widget.js" nonce="${nonce}"`);
      expect(html).not.toContain('__CSP_NONCE__');
      nonces.push(nonce!);
      for (const directive of [
        "default-src 'none'",
        "script-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
      ])
        expect(policy).toContain(directive);
      // Neither inline script nor eval: only what this server serves runs.
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
