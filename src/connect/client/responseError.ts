import { TaskCancelledError } from 'cockatiel';
import { z } from 'zod';
import { ConnectError, isConnectError, type ConnectHttpMethod } from './connectError';

/** The spec's Error object (ASP.NET Web API) or, from the token endpoint, an OAuth2 error. */
const errorBody = z.object({
  Message: z.string().optional(),
  ModelState: z.record(z.string(), z.array(z.string())).optional(),
  error_description: z.string().optional(),
});

/** Turns a non-success answer into a ConnectError that keeps Connect's Message and ModelState. */
export function errorFromResponse(
  operation: string,
  method: ConnectHttpMethod,
  status: number,
  body: unknown,
): ConnectError {
  const parsed = errorBody.safeParse(body);
  const details = parsed.success ? parsed.data : {};
  return new ConnectError({
    operation,
    method,
    status,
    kind: isAuthFailure(operation, status) ? 'auth' : 'http',
    connectMessage: details.Message ?? details.error_description,
    modelState: details.ModelState,
  });
}

/** Turns whatever an attempt threw (our own errors, cockatiel's timeout, fetch's failures) into a ConnectError. */
export function toConnectError(error: unknown, operation: string, method: ConnectHttpMethod): ConnectError {
  if (isConnectError(error)) return error;
  if (error instanceof TaskCancelledError || isAbort(error)) {
    return new ConnectError({ operation, method, kind: 'timeout' });
  }
  // openapi-fetch parses a success body with JSON.parse; its message may quote the body (personal data), so no cause.
  if (error instanceof SyntaxError) return new ConnectError({ operation, method, kind: 'invalid-response' });
  // fetch's "fetch failed" TypeError: its cause (ECONNRESET, ECONNREFUSED, other side closed) helps and holds no secrets.
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return new ConnectError({ operation, method, kind: 'network', cause });
}

function isAuthFailure(operation: string, status: number): boolean {
  // The token endpoint refuses bad credentials with OAuth2's 400 invalid_grant.
  return status === 401 || (operation === 'token' && status === 400);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
