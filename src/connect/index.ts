/**
 * The public entry of src/connect: build a client, wrap it in the façade, and use Connect's types
 * and enums by name. The rest of the bot imports from here, never from paths or schema.ts.
 */
export { createConnectClient, defaultTimeoutMs } from './client/createConnectClient';
export type { ConnectClient, ConnectClientOptions } from './client/createConnectClient';
export { ConnectError, isConnectError } from './client/connectError';
export type { ConnectErrorKind, ConnectHttpMethod } from './client/connectError';
export { silentConnectLogger } from './client/connectLogger';
export type { ConnectLogger } from './client/connectLogger';
export type { CircuitBreakerOptions, RetryOptions } from './client/resilience';
export type { ConnectOperationId } from './client/operationIds';

export { createConnectFacade } from './facade/connectFacade';
export type { ConnectFacade } from './facade/connectFacade';
export type { CancelOrderRequest } from './facade/orders';
export type { AvailabilityRequest, BookingSummarySubject, BookingSummaryWindow } from './facade/scheduling';
export type { SubcontractorBookingRequest } from './facade/subcontractors';

export * from './facade/connectTypes';
export * from './facade/connectEnums';
