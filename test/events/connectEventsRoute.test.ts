import { Writable } from 'node:stream';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { type Simulator } from '../../src/connect/simulator';
import { createLogger } from '../../src/logging/logger';
import { ChannelHarness } from '../e2e/channelHarness';
import { clock } from '../e2e/testApp';
import { deliver, EVENTS_SECRET, NOW_SECONDS, post, sign, waitFor } from './eventsHarness';

/** Everything the app logs, as text, to check that no delivery's contents reach the log. */
class LogCapture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const unknownOrder = (changes: Record<string, unknown> = {}) => ({
  EventType: 'VisitShelved',
  PrimaryOrderNumber: 'RB-261130-ZZZZZZZZ',
  VisitExternalId: 'VIS-LOGCHECK-1',
  ...changes,
});

describe('POST /api/connect/events: authentication, contract and refusals', () => {
  let app: RunningApp;
  let sim: Simulator;
  let channel: ChannelHarness;
  const logs = new LogCapture();
  beforeAll(async () => {
    app = await startApp(
      loadConfig({
        PORT: '0',
        CONNECT_SIMULATOR_PORT: '0',
        STORAGE: 'memory',
        CONNECT_EVENTS_SECRET: EVENTS_SECRET,
        LOG_LEVEL: 'debug',
      }),
      { clock, logger: createLogger('debug', logs) },
    );
    sim = app.simulator!;
    channel = new ChannelHarness(app.url);
    await channel.start();
  });
  afterAll(async () => {
    await channel.stop();
    await app.close();
  });

  const callback = (cloudExternalId: string) =>
    sim.snapshot().callbacks.find((c) => c.callback.CloudExternalId === cloudExternalId)?.callback;

  it('an update about an order the bot did not raise: 202, no message, and a 404 ResponseCallback', async () => {
    expect((await channel.say('bystander', 'hello')).length).toBeGreaterThan(0);
    const before = channel.messages('bystander').length;
    const answer = await deliver(app.url, { body: unknownOrder({ CloudExternalId: 'cb-unknown-order' }) });
    expect(answer).toMatchObject({ status: 202, body: { status: 'accepted' } });

    const answered = await waitFor('the ResponseCallback', () => callback('cb-unknown-order'));
    expect(answered).toEqual({
      CloudExternalId: 'cb-unknown-order',
      StatusCode: 404,
      Message: 'Order RB-261130-ZZZZZZZZ was not raised by the bot; nothing sent.',
    });
    expect(channel.messages('bystander')).toHaveLength(before);

    // Delivered again (signed again): answered as the first time, without acting again.
    const again = await deliver(app.url, {
      body: unknownOrder({ CloudExternalId: 'cb-unknown-order-2' }),
      timestamp: NOW_SECONDS - 3,
    });
    expect(again.status).toBe(202);
    expect(await waitFor('the second ResponseCallback', () => callback('cb-unknown-order-2'))).toMatchObject({
      StatusCode: 404,
      Message: 'Already handled; nothing sent again.',
    });
  });

  it.each([
    ['signed with another secret', { secret: 'not-the-secret-0123456789-0123456789' }],
    ['a signature of other content', { signature: sign(EVENTS_SECRET, NOW_SECONDS, '{"EventType":"OrderCompleted"}') }],
    [
      'a signature of another timestamp',
      { signature: sign(EVENTS_SECRET, NOW_SECONDS - 1, JSON.stringify(unknownOrder())) },
    ],
    ['no signature header', { signature: null }],
    ['no timestamp header', { timestampHeader: null }],
    ['a signature not in sha256=<hex> form', { signature: 'abc123' }],
    ['a signature of the wrong length', { signature: `sha256=${'a'.repeat(63)}` }],
    ['a timestamp that is not unix seconds', { timestampHeader: '2026-12-01T09:00:00Z' }],
  ])('%s: 401', async (_name, delivery) => {
    const answer = await deliver(app.url, { body: unknownOrder(), ...delivery });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 'Unauthorized' });
  });

  it.each([
    ['more than 5 minutes old', NOW_SECONDS - 301],
    ['more than 5 minutes ahead', NOW_SECONDS + 301],
  ])('a timestamp %s is stale: 401, even correctly signed', async (_name, timestamp) => {
    const answer = await deliver(app.url, { body: unknownOrder({ EventId: `stale-${timestamp}` }), timestamp });
    expect(answer.status).toBe(401);
    expect(answer.body?.message).toMatch(/timestamp is more than 5 minutes from now/);
  });

  it('a timestamp within 5 minutes either way is fresh', async () => {
    for (const timestamp of [NOW_SECONDS - 299, NOW_SECONDS + 299]) {
      const answer = await deliver(app.url, { body: unknownOrder({ EventId: `fresh-${timestamp}` }), timestamp });
      expect(answer.status).toBe(202);
    }
  });

  it('a replay of an accepted delivery is refused with 409; the same event signed again is accepted', async () => {
    const first = await deliver(app.url, { body: unknownOrder({ EventId: 'replayed-1' }) });
    expect(first.status).toBe(202);
    const replay = await post(app.url, first.raw, first.headers);
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ code: 'Replay' });
    const signedAgain = await deliver(app.url, {
      body: unknownOrder({ EventId: 'replayed-1' }),
      timestamp: NOW_SECONDS - 5,
    });
    expect(signedAgain.status).toBe(202);
  });

  it('a refused delivery can be sent again as it was (only accepted ones count as replays)', async () => {
    const bad = await deliver(app.url, { body: unknownOrder({ PlanningWindowId: 'two' }) });
    expect(bad.status).toBe(400);
    expect((await post(app.url, bad.raw, bad.headers)).status).toBe(400);
  });

  it.each([
    ['malformed JSON', '{"EventType": "OrderCompleted", ', /not JSON/],
    ['an empty body', '', /not JSON/],
    ['a JSON array', '[]', /\(body\) must be object/],
    ['JSON null', 'null', /\(body\) must be object/],
    ['a JSON string', '"OrderCompleted"', /\(body\) must be object/],
    ['no EventType', { PrimaryOrderNumber: 'RB-1' }, /EventType must be one of/],
    ['no PrimaryOrderNumber', { EventType: 'OrderCompleted' }, /must have required property 'PrimaryOrderNumber'/],
    [
      'an unknown EventType',
      { EventType: 'OrderExploded', PrimaryOrderNumber: 'RB-1' },
      /EventType must be one of OrderCompleted, NewAppointment/,
    ],
    [
      'a re-appointment without its new slot',
      { EventType: 'ReAppointment', PrimaryOrderNumber: 'RB-1', VisitExternalId: 'VIS-1' },
      /must have required property 'Date'.*must have required property 'PlanningWindowId'/,
    ],
    [
      'a visit event without its visit',
      { EventType: 'VisitDeleted', PrimaryOrderNumber: 'RB-1' },
      /required property 'VisitExternalId'/,
    ],
    [
      'a member the contract does not have',
      { EventType: 'OrderCompleted', PrimaryOrderNumber: 'RB-1', Tenant: 'x' },
      /must NOT have additional properties: Tenant/,
    ],
    [
      'a Date that is not yyyy-MM-dd',
      {
        EventType: 'NewAppointment',
        PrimaryOrderNumber: 'RB-1',
        VisitExternalId: 'V',
        Date: '03/12/2026',
        PlanningWindowId: 2,
      },
      /Date must match format "date"/,
    ],
    [
      'a VisitResultType Connect does not have',
      { EventType: 'VisitCompleted', PrimaryOrderNumber: 'RB-1', VisitExternalId: 'V', VisitResultType: 9 },
      /VisitResultType must be <= 3/,
    ],
  ])('%s: 400 naming the fault', async (_name, body, message) => {
    const answer = await deliver(app.url, { body });
    expect(answer.status).toBe(400);
    expect(answer.body?.code).toBe('BadRequest');
    expect(answer.body?.message).toMatch(message);
  });

  it('a body that is not application/json: 415', async () => {
    const answer = await deliver(app.url, { body: JSON.stringify(unknownOrder()), contentType: 'text/plain' });
    expect(answer.status).toBe(415);
  });

  it('a body over 64 KB: 413, before anything else is looked at', async () => {
    const answer = await deliver(app.url, { body: unknownOrder({ VisitExternalId: 'V'.repeat(70 * 1024) }) });
    expect(answer.status).toBe(413);
    expect(answer.body?.code).toBe('PayloadTooLarge');
  });

  it('refused deliveries lead to no ResponseCallback, and the server keeps serving', async () => {
    await deliver(app.url, {
      body: unknownOrder({ CloudExternalId: 'cb-refused' }),
      secret: 'wrong-secret-wrong-secret-wrong-secret',
    });
    await deliver(app.url, { body: unknownOrder({ CloudExternalId: 'cb-accepted', EventId: 'after-refusal' }) });
    await waitFor('the accepted delivery to be answered', () => callback('cb-accepted'));
    expect(callback('cb-refused')).toBeUndefined();
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });

  it('logs say what was refused and why, never what the delivery said', async () => {
    await deliver(app.url, { body: unknownOrder({ VisitExternalId: 'VIS-SECRET-REFUSED', Extra: 1 }) });
    await deliver(app.url, {
      body: unknownOrder({
        VisitExternalId: 'VIS-SECRET-ACCEPTED',
        EventId: 'log-check',
        CloudExternalId: 'cb-log-check',
      }),
    });
    await waitFor('the accepted delivery to be answered', () => callback('cb-log-check'));
    expect(logs.text).toMatch(/Connect event refused: not a ConnectEvent/);
    expect(logs.text).toMatch(/Connect event handled/);
    for (const value of [
      'VIS-SECRET-REFUSED',
      'VIS-SECRET-ACCEPTED',
      'cb-log-check',
      'RB-261130-ZZZZZZZZ',
      EVENTS_SECRET,
    ]) {
      expect(logs.text).not.toContain(value);
    }
  });
});
