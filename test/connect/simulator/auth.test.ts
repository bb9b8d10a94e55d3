import {
  expectNoContractBreaches,
  FIXED_NOW,
  PASSWORD,
  startTestSimulator,
  USERNAME,
  type TestSimulator,
} from './harness';

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator({ tokenLifetimeSeconds: 3600 });
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

describe('POST /token', () => {
  test('issues an opaque bearer token with OWIN-style dates', async () => {
    const answer = await t.requestToken({ grant_type: 'password', username: USERNAME, password: PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      token_type: 'bearer',
      expires_in: 3600,
      user_name: USERNAME,
      '.issued': 'Tue, 01 Dec 2026 09:00:00 GMT',
      '.expires': 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    expect(new Date((answer.body as Record<string, string>)['.issued']).getTime()).toBe(FIXED_NOW.getTime());
  });

  test('each call issues a different token', async () => {
    const form = { grant_type: 'password', username: USERNAME, password: PASSWORD };
    const first = (await t.requestToken(form)).body as { access_token: string };
    const second = (await t.requestToken(form)).body as { access_token: string };
    expect(first.access_token).not.toBe(second.access_token);
  });

  test('the user name ignores case, the password does not', async () => {
    expect(
      (await t.requestToken({ grant_type: 'password', username: USERNAME.toUpperCase(), password: PASSWORD })).status,
    ).toBe(200);
    const wrong = await t.requestToken({
      grant_type: 'password',
      username: USERNAME,
      password: PASSWORD.toUpperCase(),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({
      error: 'invalid_grant',
      error_description: 'The user name or password is incorrect.',
    });
  });

  test('refuses an unknown user and a grant other than password', async () => {
    const stranger = await t.requestToken({
      grant_type: 'password',
      username: 'someone@example.com',
      password: PASSWORD,
    });
    expect(stranger.status).toBe(400);
    expect((stranger.body as { error: string }).error).toBe('invalid_grant');
    const clientCredentials = await t.requestToken({
      grant_type: 'client_credentials',
      username: USERNAME,
      password: PASSWORD,
    });
    expect(clientCredentials.status).toBe(400);
    expect(clientCredentials.body).toEqual({
      error: 'invalid_grant',
      error_description: expect.stringContaining('client_credentials'),
    });
  });

  test('the journal records the user name but never the password', async () => {
    await t.requestToken({ grant_type: 'password', username: USERNAME, password: PASSWORD });
    const entries = t.sim.journal().filter((e) => e.operationId === 'token');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.at(-1)?.body).toEqual({ grant_type: 'password', username: USERNAME });
    expect(JSON.stringify(t.sim.journal())).not.toContain(PASSWORD);
  });
});

describe('bearer tokens on /api', () => {
  const denied = { Message: 'Authorization has been denied for this request.' };

  test('a valid token is accepted', async () => {
    expect((await t.api('GET', '/api/PlanningWindow', { version: 1 })).status).toBe(200);
  });

  test('no token, a malformed header or an unknown token answer 401 with the Error body', async () => {
    const none = await t.api('GET', '/api/PlanningWindow', { version: 1, token: null });
    expect(none.status).toBe(401);
    expect(none.body).toEqual(denied);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const unknown = await t.api('GET', '/api/PlanningWindow', { version: 1, token: 'not-a-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(denied);
    const basic = await t.api('GET', '/api/PlanningWindow', {
      version: 1,
      token: null,
      headers: { Authorization: 'Basic abc' },
    });
    expect(basic.status).toBe(401);
  });

  test('a token stops working when its lifetime has passed on the simulator clock', async () => {
    const form = { grant_type: 'password', username: USERNAME, password: PASSWORD };
    const { access_token } = (await t.requestToken(form)).body as { access_token: string };
    t.sim.setClock(new Date(FIXED_NOW.getTime() + 3599_000));
    expect((await t.api('GET', '/api/PlanningWindow', { version: 1, token: access_token })).status).toBe(200);
    t.sim.setClock(new Date(FIXED_NOW.getTime() + 3600_000));
    expect((await t.api('GET', '/api/PlanningWindow', { version: 1, token: access_token })).status).toBe(401);
    t.sim.restoreClock();
    expect((await t.api('GET', '/api/PlanningWindow', { version: 1, token: access_token })).status).toBe(200);
  });
});
