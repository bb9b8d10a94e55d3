import type { Middleware } from 'openapi-fetch';
import type { ConnectOperationId } from './operationIds';
import { acceptHeaderFor } from './versions';

/**
 * openapi-fetch middleware for one call: the bearer token and the version the operation asks for.
 * Built per call (not once per client) because the client must know which token a call carried
 * to forget exactly that one after a 401, and the version depends on the operation.
 */
export function connectHeaders(operation: ConnectOperationId, accessToken: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${accessToken}`);
      request.headers.set('Accept', acceptHeaderFor(operation));
    },
  };
}

/**
 * The call's request id as X-Request-Id (the same on each retry of the call), so a call in our logs can be found
 * in Connect's. A header Connect does not know is ignored.
 */
export function requestIdHeader(requestId: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('X-Request-Id', requestId);
    },
  };
}
