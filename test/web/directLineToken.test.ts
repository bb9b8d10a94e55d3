import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type RunningApp } from '../../src/app';
import { DIRECT_LINE_TOKEN_PATH } from '../../src/server/routes/directLineToken';
import { startTestApp } from '../e2e/testApp';

const SECRET = 'direct-line-secret-that-must-never-reach-a-browser';

/**
 * Stands in for Azure Bot Service's Direct Line (which cannot be reached from here): records what tokens/generate
 * is sent and answers as the service does, or fails on demand.
 */
class DirectLineStandIn {
  readonly requests: { authorization?: string; body: Record<string, unknown> }[] = [];
  failWith?: number;
  private server?: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
          res.writeHead(404);
          res.end();
          return;
        }
        this.requests.push({ authorization: req.headers.authorization, body: JSON.parse(text || '{}') });
        if (this.failWith) {
          res.writeHead(this.failWith, { 'Content-Type': 'application/json' });
          res.end('{"error":{"code":"BadArgument"}}');
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            conversationId: `conv-${this.requests.length}`,
            token: `token-${this.requests.length}`,
            expires_in: 3600,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v3/directline`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }
}

async function askForToken(app: RunningApp, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}${DIRECT_LINE_TOKEN_PATH}`, { method: 'POST', headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('POST /api/directline/token (production Direct Line)', () => {
  const directLine = new DirectLineStandIn();
  let app: RunningApp;
  beforeAll(async () => {
    await directLine.start();
    app = await startTestApp({
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_DOMAIN: directLine.url,
      DIRECT_LINE_TRUSTED_ORIGINS: 'https://www.example-housing.org, https://example-housing.org',
      DIRECT_LINE_TOKENS_PER_MINUTE: '3',
    });
  });
  afterAll(async () => {
    await app.close();
    await directLine.stop();
  });

  it('trades the secret server-side for a one-conversation token with a fresh dl_ user id and trusted origins', async () => {
    const answer = await askForToken(app, { 'X-Forwarded-For': '203.0.113.10:50000' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({
      token: 'token-1',
      conversationId: 'conv-1',
      expires_in: 3600,
      domain: directLine.url,
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.text).not.toContain(SECRET);

    const [sent] = directLine.requests;
    expect(sent!.authorization).toBe(`Bearer ${SECRET}`);
    expect(sent!.body).toEqual({
      user: { id: expect.stringMatching(/^dl_[0-9a-f-]{36}$/) },
      trustedOrigins: ['https://www.example-housing.org', 'https://example-housing.org'],
    });
  });

  it('gives every visitor a different user id', async () => {
    await askForToken(app, { 'X-Forwarded-For': '203.0.113.11' });
    const ids = directLine.requests.map((r) => (r.body.user as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('limits tokens per caller (429 with Retry-After) while other callers still get theirs', async () => {
    const caller = { 'X-Forwarded-For': '198.51.100.7' };
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await askForToken(app, caller)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await askForToken(app, caller);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(refused.text).code).toBe('TooManyRequests');
    expect((await askForToken(app, { 'X-Forwarded-For': '198.51.100.8' })).status).toBe(200);
  });

  it('answers 502 without details when Direct Line refuses, and never passes the secret on', async () => {
    directLine.failWith = 403;
    try {
      const answer = await askForToken(app, { 'X-Forwarded-For': '192.0.2.1' });
      expect(answer.status).toBe(502);
      expect(JSON.parse(answer.text)).toEqual({
        code: 'DirectLineUnavailable',
        message: 'The chat service is not available just now.',
      });
      expect(answer.text).not.toContain(SECRET);
    } finally {
      directLine.failWith = undefined;
    }
  });
});

describe('without DIRECT_LINE_SECRET', () => {
  it('has no token route: the widget uses the local Direct Line', async () => {
    const app = await startTestApp();
    try {
      expect((await askForToken(app)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
