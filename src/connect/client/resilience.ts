import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  type CircuitBreakerPolicy,
  ExponentialBackoff,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import { ConnectError, isConnectError, type ConnectHttpMethod } from './connectError';

export interface RetryOptions {
  /** Total attempts for a safe (GET) call, the first one included. 1 turns retrying off. */
  maxAttempts?: number;
  /** First backoff delay; later ones grow exponentially, with decorrelated jitter. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface CircuitBreakerOptions {
  /** Calls that failed in a row (after their retries) before the breaker opens. */
  consecutiveFailures?: number;
  /** How long an open breaker fails calls at once before it lets one test call through (half-open). */
  halfOpenAfterMs?: number;
}

export interface ResilienceOptions {
  timeoutMs: number;
  retry?: RetryOptions;
  /** The client's one breaker, shared by its token grant and its /api calls (see createCircuitBreaker). */
  breaker?: CircuitBreakerPolicy;
}

export const defaultRetryOptions: Required<RetryOptions> = {
  maxAttempts: 3,
  initialDelayMs: 200,
  maxDelayMs: 2_000,
};

export const defaultCircuitBreakerOptions: Required<CircuitBreakerOptions> = {
  consecutiveFailures: 5,
  halfOpenAfterMs: 30_000,
};

/** Anything that runs a call under some policy: a cockatiel retry, a breaker, or both wrapped. */
export interface CallPolicy {
  execute<T>(fn: () => PromiseLike<T> | T): Promise<T>;
}

export interface ConnectPolicies {
  /**
   * Bounds one HTTP exchange. Aggressive: the caller gets its error at the deadline even if the
   * server keeps the socket open, and cockatiel aborts the signal handed to fetch, which closes it.
   */
  attempt<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Retries transient failures with backoff: for calls that are safe to repeat (GETs, the token grant). */
  retrying: CallPolicy;
  /** Runs a call once: for calls that may have taken effect even though they failed. */
  once: CallPolicy;
}

/**
 * One breaker per client. Only failures that say Connect itself is in trouble count (timeouts, dropped
 * connections, 408/429/5xx): a 400 or 404 is Connect answering normally about one request, and must neither
 * open the breaker nor close it again.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreakerPolicy {
  return circuitBreaker(
    handleWhen((error) => isConnectError(error) && error.retryable),
    {
      halfOpenAfter: options.halfOpenAfterMs ?? defaultCircuitBreakerOptions.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.consecutiveFailures ?? defaultCircuitBreakerOptions.consecutiveFailures),
    },
  );
}

/**
 * Only safe, idempotent methods are retried. A POST/PATCH/PUT/DELETE that timed out, failed on the
 * network or got a 5xx may still have been processed, so sending it again could create a second
 * order or booking; the caller decides (e.g. it looks the order number up first).
 *
 * The breaker sits outside the retry: a call that failed after all its retries counts once, so a few tenants'
 * turns (not one turn's retries) decide that Connect is down. While it is open every call fails at once with a
 * ConnectError of kind 'circuit-open', instead of each tenant waiting for timeouts and retries.
 */
export function createConnectPolicies(options: ResilienceOptions): ConnectPolicies {
  const settings = {
    maxAttempts: options.retry?.maxAttempts ?? defaultRetryOptions.maxAttempts,
    initialDelayMs: options.retry?.initialDelayMs ?? defaultRetryOptions.initialDelayMs,
    maxDelayMs: options.retry?.maxDelayMs ?? defaultRetryOptions.maxDelayMs,
  };
  const attemptTimeout = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  const retryTransient = retry(
    handleWhen((error) => isConnectError(error) && error.retryable),
    {
      // cockatiel counts retries after the first attempt.
      maxAttempts: Math.max(0, settings.maxAttempts - 1),
      backoff: new ExponentialBackoff({ initialDelay: settings.initialDelayMs, maxDelay: settings.maxDelayMs }),
    },
  );
  const breaker = options.breaker ?? createCircuitBreaker();

  return {
    attempt: (fn) => attemptTimeout.execute(({ signal }) => fn(signal)),
    retrying: wrap(breaker, retryTransient),
    once: breaker,
  };
}

/** Only safe, idempotent methods may be sent again without asking whether the first one landed. */
export function policyForMethod(policies: ConnectPolicies, method: ConnectHttpMethod): CallPolicy {
  return method === 'GET' ? policies.retrying : policies.once;
}

/** An open breaker's refusal, as the one error type callers know: nothing was sent, Connect is taken as down. */
export function circuitOpenError(
  error: unknown,
  operation: string,
  method: ConnectHttpMethod,
): ConnectError | undefined {
  return error instanceof BrokenCircuitError
    ? new ConnectError({ operation, method, kind: 'circuit-open' })
    : undefined;
}
