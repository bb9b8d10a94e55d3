import { createHmac } from 'node:crypto';
import { ReplayGuard, signDelivery, TOLERANCE_SECONDS, verifyDelivery } from '../../src/server/deliverySignature';

const SECRET = 'connect-events-secret-for-tests-0123456789';
const NOW = new Date('2026-12-01T09:00:00Z');
const T = NOW.getTime() / 1000;
const BODY = Buffer.from('{"EventType":"OrderCompleted","PrimaryOrderNumber":"RB-261201-7KQ4MZ8P"}');

const headersFor = (timestamp: number | string, signature: string) => ({
  'x-connect-timestamp': String(timestamp),
  'x-connect-signature': signature,
});

describe('the delivery signature: HMAC-SHA256 of "timestamp.rawBody"', () => {
  it('is sha256= and the hex HMAC, as anyone can compute it from the description', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY.toString()}`).digest('hex');
    expect(signDelivery(SECRET, T, BODY)).toBe(`sha256=${expected}`);
  });

  it.each([
    ['a correct signature', T, signDelivery(SECRET, T, BODY), { ok: true }],
    ['upper-case hex', T, signDelivery(SECRET, T, BODY).toUpperCase().replace('SHA256=', 'sha256='), { ok: true }],
    [
      'the edge of the window, behind',
      T - TOLERANCE_SECONDS,
      signDelivery(SECRET, T - TOLERANCE_SECONDS, BODY),
      { ok: true },
    ],
    [
      'the edge of the window, ahead',
      T + TOLERANCE_SECONDS,
      signDelivery(SECRET, T + TOLERANCE_SECONDS, BODY),
      { ok: true },
    ],
    [
      'one second too old',
      T - TOLERANCE_SECONDS - 1,
      signDelivery(SECRET, T - TOLERANCE_SECONDS - 1, BODY),
      { ok: false, reason: 'stale' },
    ],
    [
      'one second too far ahead',
      T + TOLERANCE_SECONDS + 1,
      signDelivery(SECRET, T + TOLERANCE_SECONDS + 1, BODY),
      { ok: false, reason: 'stale' },
    ],
    ['another secret', T, signDelivery('another-secret', T, BODY), { ok: false, reason: 'mismatch' }],
    ['another timestamp signed', T, signDelivery(SECRET, T - 1, BODY), { ok: false, reason: 'mismatch' }],
    ['no sha256= prefix', T, signDelivery(SECRET, T, BODY).slice(7), { ok: false, reason: 'malformed' }],
    ['a short signature', T, signDelivery(SECRET, T, BODY).slice(0, -2), { ok: false, reason: 'malformed' }],
    ['a timestamp in milliseconds', T * 1000, signDelivery(SECRET, T * 1000, BODY), { ok: false, reason: 'malformed' }],
    ['a negative timestamp', -T, signDelivery(SECRET, -T, BODY), { ok: false, reason: 'malformed' }],
  ])('%s', (_name, timestamp, signature, expected) => {
    expect(
      verifyDelivery({ secret: SECRET, headers: headersFor(timestamp, signature), rawBody: BODY, now: NOW }),
    ).toMatchObject(expected);
  });

  it('a body changed by one byte does not verify', () => {
    const tampered = Buffer.from(BODY.toString().replace('RB-261201', 'RB-261202'));
    const headers = headersFor(T, signDelivery(SECRET, T, BODY));
    expect(verifyDelivery({ secret: SECRET, headers, rawBody: tampered, now: NOW })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('missing or repeated headers are refused', () => {
    const signature = signDelivery(SECRET, T, BODY);
    for (const headers of [
      { 'x-connect-signature': signature },
      { 'x-connect-timestamp': String(T) },
      { 'x-connect-timestamp': [String(T), String(T)], 'x-connect-signature': signature },
    ]) {
      expect(verifyDelivery({ secret: SECRET, headers, rawBody: BODY, now: NOW })).toEqual({
        ok: false,
        reason: 'missing',
      });
    }
  });
});

describe('ReplayGuard: a signature accepted within its window is a replay', () => {
  it('remembers an accepted signature until its timestamp leaves the window', () => {
    const guard = new ReplayGuard();
    expect(guard.seen('abc', NOW)).toBe(false);
    guard.remember('abc', T);
    expect(guard.seen('abc', NOW)).toBe(true);
    expect(guard.seen('abc', new Date((T + TOLERANCE_SECONDS) * 1000))).toBe(true);
    // Past the window the timestamp check refuses the delivery anyway, so the signature is forgotten.
    expect(guard.seen('abc', new Date((T + TOLERANCE_SECONDS + 1) * 1000))).toBe(false);
  });

  it('is bounded: when full, the oldest signature goes first', () => {
    const guard = new ReplayGuard(2);
    guard.remember('a', T);
    guard.remember('b', T);
    guard.remember('c', T);
    expect([guard.seen('a', NOW), guard.seen('b', NOW), guard.seen('c', NOW)]).toEqual([false, true, true]);
  });
});
