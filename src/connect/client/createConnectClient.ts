import { randomUUID } from 'node:crypto';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../schema';
import { runAttempts, type ApiResult } from './attempts';
import { connectHeaders, requestIdHeader } from './connectHeaders';
import { isConnectError } from './connectError';
import { silentConnectLogger, withLogFields, type ConnectLogger } from './connectLogger';
import type { ConnectOperationId } from './operationIds';
import { operationMethods } from './operationMethods';
import {
  createCircuitBreaker,
  createConnectPolicies,
  policyForMethod,
  type CircuitBreakerOptions,
  type RetryOptions,
} from './resilience';
import { createTokenManager } from './tokenManager';
import { requestToken } from './tokenRequest';

export interface ConnectClientOptions {
  /** e.g. `https://api-qa-customer.clouddialogs.com/WS-API`; the token lives at `{baseUrl}/token`. */
  baseUrl: string;
  username: string;
  password: string;
  /** Limit for one HTTP exchange of an /api call. Default 10 s. */
  timeoutMs?: number;
  /** Limit for one token request. Defaults to `timeoutMs`. */
  tokenTimeoutMs?: number;
  /** Backoff for safe calls (GETs and the token grant); other methods are never retried. */
  retry?: RetryOptions;
  /** When to stop calling a failing Connect for a while (default: 5 failed calls in a row, then 30 s). */
  circuitBreaker?: CircuitBreakerOptions;
  logger?: ConnectLogger;
  fetch?: typeof fetch;
}

/** What each call adds to its openapi-fetch options besides its own params and body. */
export interface ConnectRequestInit {
  signal: AbortSignal;
  middleware: Middleware[];
}

export type ConnectApi = Client<paths>;

export interface ConnectClient {
  /**
   * Runs one operation: `send` makes the typed openapi-fetch call and spreads `init` into its
   * options. Resolves with the success body (undefined when Connect sent none) or throws ConnectError.
   */
  call<D>(
    operation: ConnectOperationId,
    send: (api: ConnectApi, init: ConnectRequestInit) => Promise<ApiResult<D>>,
  ): Promise<D | undefined>;
}

export const defaultTimeoutMs = 10_000;

export function createConnectClient(options: ConnectClientOptions): ConnectClient {
  const logger = options.logger ?? silentConnectLogger;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const api = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  // One breaker for the token grant and every /api call: they reach the same Connect, so failures of either
  // count towards "Connect is down", and while it is open neither is sent.
  const breaker = createCircuitBreaker(options.circuitBreaker);
  const policies = createConnectPolicies({ timeoutMs, retry: options.retry, breaker });
  const tokenPolicies = createConnectPolicies({
    timeoutMs: options.tokenTimeoutMs ?? timeoutMs,
    retry: options.retry,
    breaker,
  });
  const tokens = createTokenManager({
    baseUrl: options.baseUrl,
    username: options.username,
    request: () =>
      requestToken({ api, username: options.username, password: options.password, policies: tokenPolicies, logger }),
  });

  async function callWithToken<D>(
    operation: ConnectOperationId,
    accessToken: string,
    send: (api: ConnectApi, init: ConnectRequestInit) => Promise<ApiResult<D>>,
    requestId: string,
  ): Promise<D | undefined> {
    const method = operationMethods[operation];
    const middleware = [connectHeaders(operation, accessToken), requestIdHeader(requestId)];
    return runAttempts({
      operation,
      method,
      policy: policyForMethod(policies, method),
      policies,
      logger: withLogFields(logger, { connectRequestId: requestId }),
      send: (signal) => send(api, { signal, middleware }),
    });
  }

  return {
    async call(operation, send) {
      // One id per call, for all its attempts: on its log lines and sent to Connect, so both logs can be matched.
      const requestId = randomUUID();
      const accessToken = await tokens.get();
      try {
        return await callWithToken(operation, accessToken, send, requestId);
      } catch (error) {
        if (!isConnectError(error) || error.operation !== operation || error.status !== 401) throw error;
        // Connect refused the token (expired early, revoked, server restarted). A 401 means the call was
        // not processed, so one fresh token and one more try is safe even for a POST. Once only: a second
        // 401 means the account itself is refused, and looping would hammer the token endpoint.
        logger.info(
          { operation, method: error.method, connectRequestId: requestId },
          'Connect refused the token; refreshing it once',
        );
        tokens.invalidate(accessToken);
        return callWithToken(operation, await tokens.get(), send, requestId);
      }
    },
  };
}
