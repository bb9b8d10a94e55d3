import { addComplaint, ConnectApiError, INVALID_REQUEST_MESSAGE, type ModelState } from '../apiError';
import { isIsoDate } from '../calendar';
import type { OperationHandler } from './types';

/** PurchaseInvoice POST (version 3): a supplier's invoice matched to orders; its reference is unique per supplier. */
export const postPurchaseInvoice: OperationHandler<'postPurchaseInvoice'> = ({ body, office }) => {
  const { state } = office;
  const modelState: ModelState = {};
  const complain = (member: string, text: string): void => addComplaint(modelState, `request.${member}`, text);
  if (!state.suppliers.has(body.SupplierExternalId)) {
    complain('SupplierExternalId', `The supplier '${body.SupplierExternalId}' does not exist.`);
  }
  const duplicate = state.purchaseInvoices.some(
    (i) =>
      i.SupplierExternalId.toLowerCase() === body.SupplierExternalId.toLowerCase() &&
      i.SupplierInvoiceReference.toLowerCase() === body.SupplierInvoiceReference.toLowerCase(),
  );
  if (duplicate)
    complain('SupplierInvoiceReference', `The invoice '${body.SupplierInvoiceReference}' was already received.`);
  for (const member of ['InvoiceDateUTC', 'EarlySettlementDate'] as const) {
    const value = body[member];
    if (value !== undefined && !isIsoDate(value)) complain(member, `The value '${value}' is not a valid date.`);
  }
  (body.PurchaseInvoiceLines ?? []).forEach((line, i) => {
    if (!state.jobCodeByExternalId(line.CodeExternalId)) {
      complain(`PurchaseInvoiceLines[${i}].CodeExternalId`, `The job code '${line.CodeExternalId}' does not exist.`);
    }
    if (line.PrimaryOrderNumber !== undefined && !state.orders.has(line.PrimaryOrderNumber)) {
      complain(`PurchaseInvoiceLines[${i}].PrimaryOrderNumber`, `No sales order '${line.PrimaryOrderNumber}' exists.`);
    }
  });
  if (Object.keys(modelState).length > 0) throw ConnectApiError.badRequest(INVALID_REQUEST_MESSAGE, modelState);
  state.purchaseInvoices.push(structuredClone(body));
  return { status: 201, body: structuredClone(body) };
};
