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
