import { ConnectError } from '../client/connectError';
import type { ConnectOperationId } from '../client/operationIds';
import { operationMethods } from '../client/operationMethods';

/** Connect answered success but without the body the operation promises. */
export function invalidResponse(operation: ConnectOperationId): ConnectError {
  return new ConnectError({ operation, method: operationMethods[operation], kind: 'invalid-response' });
}

/** The body of an operation that promises one; a success without it is an invalid response, not data. */
export function expectBody<T>(operation: ConnectOperationId, body: T | null | undefined): T {
  if (body === undefined || body === null) throw invalidResponse(operation);
  return body;
}

export function expectArray<T>(operation: ConnectOperationId, body: T[] | null | undefined): T[] {
  if (!Array.isArray(body)) throw invalidResponse(operation);
  return body;
}
