import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How Connect's deliveries are signed (see botApi.yaml): `X-Connect-Timestamp` is the time of sending in unix
 * seconds, `X-Connect-Signature` is `sha256=` and the hex HMAC-SHA256 of `timestamp + "." + raw body` under the shared
 * secret. The timestamp is signed with the body, so an old delivery cannot be given a fresh one.
 */
export const TIMESTAMP_HEADER = 'x-connect-timestamp';
export const SIGNATURE_HEADER = 'x-connect-signature';
/** How far a delivery's timestamp may be from the bot's clock, either way. */
export const TOLERANCE_SECONDS = 300;

const SIGNATURE_FORMAT = /^sha256=([0-9a-fA-F]{64})$/;
const TIMESTAMP_FORMAT = /^\d{1,12}$/;

export function signDelivery(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(rawBody);
  return `sha256=${hmac.digest('hex')}`;
}

export type Verdict =
  | { ok: true; signature: string; timestamp: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? undefined : value?.trim());

export function verifyDelivery(input: {
  secret: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  now: Date;
}): Verdict {
  const timestampText = single(input.headers[TIMESTAMP_HEADER]);
  const signatureText = single(input.headers[SIGNATURE_HEADER]);
  if (!timestampText || !signatureText) return { ok: false, reason: 'missing' };
  const given = SIGNATURE_FORMAT.exec(signatureText)?.[1];
  if (!TIMESTAMP_FORMAT.test(timestampText) || !given) return { ok: false, reason: 'malformed' };
  const timestamp = Number(timestampText);
  if (Math.abs(input.now.getTime() / 1000 - timestamp) > TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signDelivery(input.secret, timestampText, input.rawBody).slice('sha256='.length), 'hex');
  // Both are 32 bytes here (the format checked 64 hex digits), as timingSafeEqual requires.
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return { ok: false, reason: 'mismatch' };
  return { ok: true, signature: given.toLowerCase(), timestamp };
}

/**
 * Signatures accepted lately, each kept until its timestamp leaves the tolerance window (after which the timestamp
 * check refuses the delivery anyway). In this process only: across instances the event ledger still makes sure the
 * same event is acted on once. Bounded: when full, the oldest entries go first.
 */
export class ReplayGuard {
  private readonly accepted = new Map<string, number>();

  constructor(private readonly capacity = 100_000) {}

  /** Whether this signature was accepted within its window: the delivery is a replay. */
  seen(signature: string, now: Date): boolean {
    const nowMs = now.getTime();
    this.forgetExpired(nowMs);
    const expiry = this.accepted.get(signature);
    return expiry !== undefined && expiry >= nowMs;
  }

  /** Marks a signature accepted until its timestamp leaves the tolerance window. */
  remember(signature: string, timestamp: number): void {
    if (this.accepted.size >= this.capacity) this.accepted.delete(this.accepted.keys().next().value as string);
    this.accepted.set(signature, (timestamp + TOLERANCE_SECONDS) * 1000);
  }

  /** Entries come in about the order they expire, so the sweep stops at the first one still live. */
  private forgetExpired(nowMs: number): void {
    for (const [signature, expiry] of this.accepted) {
      if (expiry >= nowMs) break;
      this.accepted.delete(signature);
    }
  }
}
