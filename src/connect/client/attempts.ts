import type { ConnectHttpMethod } from './connectError';
import type { ConnectLogger } from './connectLogger';
import { circuitOpenError, type CallPolicy, type ConnectPolicies } from './resilience';
import { errorFromResponse, toConnectError } from './responseError';

/** What an openapi-fetch call resolves to, seen from here: the parsed body or error body, and the response. */
export interface ApiResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

export interface AttemptsPlan<D> {
  operation: string;
  method: ConnectHttpMethod;
  /** Wrapped around all attempts: retrying for safe calls, once for the others. */
  policy: CallPolicy;
  policies: ConnectPolicies;
  logger: ConnectLogger;
  /** One HTTP exchange; must hand the signal to fetch so a timeout closes the socket. */
  send: (signal: AbortSignal) => Promise<ApiResult<D>>;
}

/**
 * Runs one Connect call: every attempt under the timeout, the whole under the plan's policy; a
 * non-success answer or a failure becomes a ConnectError. One log line per attempt with the
 * operation, method, status, duration and attempt number, never the URL, query or body.
 */
export async function runAttempts<D>(plan: AttemptsPlan<D>): Promise<D | undefined> {
  const { operation, method, logger } = plan;
  let attempt = 0;
  return plan.policy
    .execute(async () => {
      attempt += 1;
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        const { data, error, response } = await plan.policies.attempt(plan.send);
        if (!response.ok) throw errorFromResponse(operation, method, response.status, error);
        logger.debug(
          { operation, method, status: response.status, durationMs: elapsed(), attempt },
          'Connect call succeeded',
        );
        return data;
      } catch (caught) {
        const error = toConnectError(caught, operation, method);
        const fields = { operation, method, status: error.status, kind: error.kind, durationMs: elapsed(), attempt };
        if (error.retryable) logger.warn(fields, 'Connect call failed');
        else logger.info(fields, 'Connect call refused');
        throw error;
      }
    })
    .catch((error: unknown) => {
      const refused = circuitOpenError(error, operation, method);
      if (!refused) throw error;
      logger.info({ operation, method, kind: refused.kind }, 'Connect call not sent: circuit breaker open');
      throw refused;
    });
}
