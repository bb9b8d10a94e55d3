import { type RunningApp } from '../../src/app';
import { startTestApp } from '../e2e/testApp';

interface Listed {
  activities: { id: string; type: string; text?: string; from: { id: string; role?: string }; channelData?: unknown }[];
  watermark: string;
}

describe('the local Direct Line 3.0 endpoint (/v3/directline)', () => {
  let app: RunningApp;
  let dl: string;
  beforeAll(async () => {
    app = await startTestApp();
    dl = `${app.url}/v3/directline`;
  });
  afterAll(() => app.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

  async function start(): Promise<{ conversationId: string; token: string; expires_in: number }> {
    const response = await fetch(`${dl}/conversations`, { method: 'POST' });
    expect(response.status).toBe(201);
    return (await response.json()) as { conversationId: string; token: string; expires_in: number };
  }

  async function list(id: string, token: string, watermark?: string): Promise<Listed> {
    const query = watermark === undefined ? '' : `?watermark=${watermark}`;
    const response = await fetch(`${dl}/conversations/${id}/activities${query}`, { headers: auth(token) });
    expect(response.status).toBe(200);
    return (await response.json()) as Listed;
  }

  /** Polls until the list has more than `count` messages, as Web Chat does. */
  async function waitFor(id: string, token: string, predicate: (l: Listed) => boolean): Promise<Listed> {
    for (let i = 0; i < 100; i += 1) {
      const listed = await list(id, token);
      if (predicate(listed)) return listed;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('timed out waiting for the bot');
  }

  it('starts a conversation with a random token of its own and the welcome in it', async () => {
    const first = await start();
    const second = await start();
    expect(first.conversationId).not.toBe(second.conversationId);
    expect(first.token).toMatch(/^[\w-]{40,}$/);
    expect(first.token).not.toBe(second.token);
    expect(first.expires_in).toBeGreaterThan(0);
    expect(first).not.toHaveProperty('streamUrl');
    const listed = await list(first.conversationId, first.token);
    expect(listed.activities.filter((a) => a.type === 'message').map((a) => a.from.id)).toEqual(['repairs-bot']);
  });

  it('takes a message, echoes it with its id and clientActivityID, and lists the replies after a watermark', async () => {
    const { conversationId, token } = await start();
    const before = await list(conversationId, token);
    const posted = await fetch(`${dl}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: auth(token),
      body: JSON.stringify({
        type: 'message',
        text: 'my bath is leaking',
        from: { id: 'tenant-1', name: 'You', role: 'user' },
        locale: 'en-GB',
        channelData: { clientActivityID: 'client-123' },
      }),
    });
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    expect(id).toContain(conversationId);

    const after = await waitFor(conversationId, token, (l) =>
      l.activities.some((a) => a.type === 'message' && a.from.id === 'repairs-bot' && /postcode/i.test(a.text ?? '')),
    );
    const fresh = await list(conversationId, token, before.watermark);
    expect(fresh.activities[0]).toMatchObject({
      id,
      type: 'message',
      text: 'my bath is leaking',
      from: { id: 'tenant-1', role: 'user' },
      channelData: { clientActivityID: 'client-123' },
    });
    expect(fresh.activities.slice(1).every((a) => a.from.id === 'repairs-bot')).toBe(true);
    expect(fresh.watermark).toBe(after.watermark);
    // Nothing new after the last watermark.
    expect((await list(conversationId, token, after.watermark)).activities).toEqual([]);
  });

  it('hands out a token first and starts that conversation with it, as Web Chat does', async () => {
    const generated = await fetch(`${dl}/tokens/generate`, { method: 'POST' });
    expect(generated.status).toBe(200);
    const { conversationId, token } = (await generated.json()) as { conversationId: string; token: string };
    const started = await fetch(`${dl}/conversations`, { method: 'POST', headers: auth(token) });
    expect(started.status).toBe(201);
    expect(await started.json()).toMatchObject({ conversationId, token });
    const refreshed = await fetch(`${dl}/tokens/refresh`, { method: 'POST', headers: auth(token) });
    expect(refreshed.status).toBe(200);
  });

  it("requires the conversation's own token on its calls", async () => {
    const mine = await start();
    const theirs = await start();
    const url = `${dl}/conversations/${mine.conversationId}/activities`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: auth(theirs.token) })).status).toBe(403);
    const post = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hello' }),
    });
    expect(post.status).toBe(401);
    expect((await fetch(`${dl}/conversations`, { method: 'POST', headers: auth('not-a-token') })).status).toBe(403);
  });

  it('answers 404 for a conversation it does not know, and 400 for a body that is not an activity', async () => {
    const { conversationId, token } = await start();
    expect((await fetch(`${dl}/conversations/local-unknown/activities`, { headers: auth(token) })).status).toBe(404);
    const bad = await fetch(`${dl}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: auth(token),
      body: JSON.stringify({ text: 'no type' }),
    });
    expect(bad.status).toBe(400);
  });

  it('serves the demo page, the widget and the Web Chat bundle from this server', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<script src="/widget.js"');
    const widget = await fetch(`${app.url}/widget.js`);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    const bundle = await fetch(`${app.url}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
  });
});

describe('the local Direct Line with a Bot Framework app id set', () => {
  it('is not there', async () => {
    const app = await startTestApp({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' });
    try {
      expect((await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${app.url}/`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
