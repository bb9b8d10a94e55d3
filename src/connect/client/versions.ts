import type { ConnectOperationId } from './operationIds';

/**
 * The version each operation asks for in `Accept: application/json; version=N`, mirroring the
 * operation's `x-connect-version` in openapi.yaml (a test keeps the two equal). The choices are the
 * contract's: e.g. SalesOrder POST asks for 3 so the created order comes back instead of `{}`.
 */
export const connectVersions = {
  getAttributes: 3,
  postAttributes: 3,
  getAvailability: 3,
  postAvailabilityByTrade: 3,
  postBooking: 3,
  postBookSubContractorOrder: 1,
  patchBookSubContractorOrder: 3,
  getBookingSummary: 1,
  postCode: 3,
  putCode: 3,
  deleteCode: 3,
  deleteCodeByLocation: 3,
  getCodes: 3,
  getCode: 3,
  getCodeByLocation: 3,
  postCustomer: 4,
  getOrderIdLookup: 3,
  getJobCode: 3,
  postJobCode: 3,
  putJobCode: 3,
  getPlanningWindows: 1,
  postPurchaseInvoice: 3,
  getRateBook: 3,
  putRateBook: 3,
  postResponseCallback: 2,
  getSalesOrder: 3,
  patchSalesOrder: 2,
  postSalesOrder: 3,
  postUserAccount: 2,
} as const satisfies Record<ConnectOperationId, number>;

export function acceptHeaderFor(operation: ConnectOperationId): string {
  return `application/json; version=${connectVersions[operation]}`;
}
