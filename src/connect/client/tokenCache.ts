import { LRUCache } from 'lru-cache';

/** A bearer token Connect granted, and how many seconds it said the token lives. */
export interface TokenGrant {
  accessToken: string;
  expiresInSeconds: number;
}

/**
 * Module-level on purpose: every client for the same Connect account (base URL + user name) in
 * this process shares one token, so conversations reuse it instead of each asking for their own.
 */
const tokens = new LRUCache<string, string>({ max: 100 });
/** Token requests under way, so concurrent callers wait for the same answer (single-flight). */
const inFlight = new Map<string, Promise<string>>();

export interface TokenSource {
  /** Cache key: the account, never the password. */
  key: string;
  request: () => Promise<TokenGrant>;
}

export function accountKey(baseUrl: string, username: string): string {
  return JSON.stringify([baseUrl.replace(/\/+$/, ''), username]);
}

export async function getSharedToken(source: TokenSource): Promise<string> {
  const cached = tokens.get(source.key);
  if (cached !== undefined) return cached;
  const pending = inFlight.get(source.key);
  if (pending) return pending;

  const request = source
    .request()
    .then((grant) => {
      const ttlMs = cacheLifetimeMs(grant.expiresInSeconds);
      if (ttlMs > 0) tokens.set(source.key, grant.accessToken, { ttl: ttlMs });
      return grant.accessToken;
    })
    .finally(() => inFlight.delete(source.key));
  inFlight.set(source.key, request);
  return request;
}

/**
 * Forgets the token after Connect refused it, but only if it is still the cached one: when many
 * calls fail with the same stale token, the first refresh must not be thrown away by the others.
 */
export function invalidateSharedToken(key: string, staleToken: string): void {
  if (tokens.peek(key) === staleToken) tokens.delete(key);
}

/**
 * Stop using a token a margin before Connect's expiry, so a call never sets off with a token that
 * dies in flight: max(30 s, 10 %) of its life, but at most half of it for very short-lived tokens.
 */
export function cacheLifetimeMs(expiresInSeconds: number): number {
  const lifetimeMs = expiresInSeconds * 1000;
  const marginMs = Math.min(Math.max(30_000, lifetimeMs * 0.1), lifetimeMs / 2);
  return Math.floor(lifetimeMs - marginMs);
}
