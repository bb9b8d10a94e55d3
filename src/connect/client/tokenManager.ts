import { accountKey, getSharedToken, invalidateSharedToken, type TokenGrant } from './tokenCache';

export interface TokenManager {
  /** A valid bearer token for the account: cached, shared, or freshly granted (once for all waiting callers). */
  get(): Promise<string>;
  /** Forget a token Connect refused, so the next `get` asks for a new one. */
  invalidate(refusedToken: string): void;
}

export function createTokenManager(account: {
  baseUrl: string;
  username: string;
  request: () => Promise<TokenGrant>;
}): TokenManager {
  const key = accountKey(account.baseUrl, account.username);
  return {
    get: () => getSharedToken({ key, request: account.request }),
    invalidate: (refusedToken) => invalidateSharedToken(key, refusedToken),
  };
}
