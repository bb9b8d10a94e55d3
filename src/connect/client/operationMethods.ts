import type { ConnectHttpMethod } from './connectError';
import type { ConnectOperationId } from './operationIds';

/**
 * The HTTP method of each operation, known before the call so the client can choose its policy
 * (only GETs are retried) and name the method in logs and errors. A test checks it against openapi.yaml.
 */
export const operationMethods = {
  getAttributes: 'GET',
  postAttributes: 'POST',
  getAvailability: 'GET',
  postAvailabilityByTrade: 'POST',
  postBooking: 'POST',
  postBookSubContractorOrder: 'POST',
  patchBookSubContractorOrder: 'PATCH',
  getBookingSummary: 'GET',
  postCode: 'POST',
  putCode: 'PUT',
  deleteCode: 'DELETE',
  deleteCodeByLocation: 'DELETE',
  getCodes: 'GET',
  getCode: 'GET',
  getCodeByLocation: 'GET',
  postCustomer: 'POST',
  getOrderIdLookup: 'GET',
  getJobCode: 'GET',
  postJobCode: 'POST',
  putJobCode: 'PUT',
  getPlanningWindows: 'GET',
  postPurchaseInvoice: 'POST',
  getRateBook: 'GET',
  putRateBook: 'PUT',
  postResponseCallback: 'POST',
  getSalesOrder: 'GET',
  patchSalesOrder: 'PATCH',
  postSalesOrder: 'POST',
  postUserAccount: 'POST',
} as const satisfies Record<ConnectOperationId, ConnectHttpMethod>;
