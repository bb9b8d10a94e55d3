import { ExponentialBackoff, TimeoutStrategy, handleWhen, noop, retry, timeout } from 'cockatiel';
import { isConnectError, type ConnectHttpMethod } from './connectError';

export interface RetryOptions {
  /** Total attempts for a safe (GET) call, the first one included. 1 turns retrying off. */
  maxAttempts?: number;
  /** First backoff delay; later ones grow exponentially, with decorrelated jitter. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface ResilienceOptions {
  timeoutMs: number;
  retry?: RetryOptions;
}

export const defaultRetryOptions: Required<RetryOptions> = {
  maxAttempts: 3,
  initialDelayMs: 200,
  maxDelayMs: 2_000,
};

/** Anything that runs a call under some policy: a cockatiel retry, a no-op, later a circuit breaker. */
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
 * Only safe, idempotent methods are retried. A POST/PATCH/PUT/DELETE that timed out, failed on the
 * network or got a 5xx may still have been processed, so sending it again could create a second
 * order or booking; the caller decides (e.g. it looks the order number up first).
 *
 * Seam for the circuit breaker a later issue adds: build one breaker per client here and make
 * `retrying` = `wrap(breaker, retryTransient)` and `once` = `breaker`.
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

  return {
    attempt: (fn) => attemptTimeout.execute(({ signal }) => fn(signal)),
    retrying: retryTransient,
    once: noop,
  };
}

/** Only safe, idempotent methods may be sent again without asking whether the first one landed. */
export function policyForMethod(policies: ConnectPolicies, method: ConnectHttpMethod): CallPolicy {
  return method === 'GET' ? policies.retrying : policies.once;
}
