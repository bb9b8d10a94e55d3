import type { operations } from '../schema';

/** Every operationId in openapi.yaml except the token grant, which the token manager calls itself. */
export type ConnectOperationId = Exclude<keyof operations, 'token'>;
