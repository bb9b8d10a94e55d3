import { postAttributes, getAttributes } from './attributes';
import { getAvailability } from './availability';
import { postAvailabilityByTrade } from './availabilityByTrade';
import { postBooking } from './booking';
import { getBookingSummary } from './bookingSummary';
import { postCustomer } from './customer';
import { getOrderIdLookup } from './idLookup';
import { getJobCode, postJobCode, putJobCode } from './jobCodes';
import {
  deleteCode,
  deleteCodeByLocation,
  getCode,
  getCodeByLocation,
  getCodes,
  postCode,
  putCode,
} from './orderCodes';
import { getPlanningWindows } from './planningWindow';
import { postPurchaseInvoice } from './purchaseInvoice';
import { getRateBook, putRateBook } from './rateBook';
import { postResponseCallback } from './responseCallback';
import { getSalesOrder, patchSalesOrder, postSalesOrder } from './salesOrder';
import { patchBookSubContractorOrder, postBookSubContractorOrder } from './subContractor';
import type { HandlerTable } from './types';
import { postUserAccount } from './userAccount';

/** One handler per operation of the contract; the type makes a missing operation a compile error. */
export const HANDLERS: HandlerTable = {
  getAttributes,
  postAttributes,
  getAvailability,
  postAvailabilityByTrade,
  postBooking,
  postBookSubContractorOrder,
  patchBookSubContractorOrder,
  getBookingSummary,
  postCode,
  putCode,
  deleteCode,
  deleteCodeByLocation,
  getCodes,
  getCode,
  getCodeByLocation,
  postCustomer,
  getOrderIdLookup,
  getJobCode,
  postJobCode,
  putJobCode,
  getPlanningWindows,
  postPurchaseInvoice,
  getRateBook,
  putRateBook,
  postResponseCallback,
  getSalesOrder,
  patchSalesOrder,
  postSalesOrder,
  postUserAccount,
};
