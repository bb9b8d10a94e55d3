import { addComplaint, ConnectApiError, INVALID_REQUEST_MESSAGE, type ModelState } from '../apiError';
import type { SubcontractOrder } from '../state';
import { requireOpenOrder } from './lookups';
import type { OperationHandler } from './types';

/**
 * BookSubContractorOrder POST and PATCH: work the landlord's own operatives do not do goes to a supplier of the
 * contract. Booking the same supplier again for an order answers the same (a retried request does no harm);
 * another supplier for an order that already has one is refused.
 */
export const postBookSubContractorOrder: OperationHandler<'postBookSubContractorOrder'> = ({ body, office }) => {
  const { state } = office;
  const stored = requireOpenOrder(state, body.PrimaryOrderNumber);
  const supplier = state.suppliers.get(body.SupplierExternalId);
  if (!supplier) {
    throw ConnectApiError.invalid(
      'request.SupplierExternalId',
      `The supplier '${body.SupplierExternalId}' does not exist.`,
    );
  }
  const pon = stored.order.PrimaryOrderNumber;
  const existing = [...state.subcontractOrders.values()].find((s) => s.PrimaryOrderNumber === pon);
  if (existing && existing.SupplierExternalId.toLowerCase() !== supplier.ExternalId.toLowerCase()) {
    throw ConnectApiError.invalid(
      'request.PrimaryOrderNumber',
      `The sales order '${pon}' already has a sub-contractor order with '${existing.SupplierExternalId}'.`,
    );
  }
  if (!existing) {
    const id = state.nextSubcontractOrderId();
    state.subcontractOrders.set(id, {
      SubcontractOrderId: id,
      PrimaryOrderNumber: pon,
      SupplierExternalId: supplier.ExternalId,
      updates: [],
    });
  }
  return {
    status: 200,
    body: { PrimaryOrderNumber: pon, SupplierExternalId: supplier.ExternalId, SupplierName: supplier.Name },
  };
};

function findSubcontractOrder(
  subcontractOrders: Map<number, SubcontractOrder>,
  id?: number,
  pon?: string,
): SubcontractOrder | undefined {
  if (id !== undefined) return subcontractOrders.get(id);
  return [...subcontractOrders.values()].find((s) => s.PrimaryOrderNumber.toLowerCase() === pon?.toLowerCase());
}

export const patchBookSubContractorOrder: OperationHandler<'patchBookSubContractorOrder'> = ({ body, office }) => {
  const { state } = office;
  if (body.SubcontractOrderId === undefined && body.PrimaryOrderNumber === undefined) {
    throw ConnectApiError.invalid(
      'request.SubcontractOrderId',
      'Either SubcontractOrderId or PrimaryOrderNumber is required.',
    );
  }
  const subcontractOrder = findSubcontractOrder(
    state.subcontractOrders,
    body.SubcontractOrderId,
    body.PrimaryOrderNumber,
  );
  if (!subcontractOrder) {
    const member = body.SubcontractOrderId !== undefined ? 'request.SubcontractOrderId' : 'request.PrimaryOrderNumber';
    throw ConnectApiError.invalid(member, 'No sub-contractor order matches the request.');
  }
  const modelState: ModelState = {};
  if (body.CustomerExternalId !== undefined && !state.customers.has(body.CustomerExternalId)) {
    addComplaint(modelState, 'request.CustomerExternalId', `The customer '${body.CustomerExternalId}' does not exist.`);
  }
  (body.Codes ?? []).forEach((code, i) => {
    if (!state.jobCodeByExternalId(code.CodeExternalId)) {
      addComplaint(
        modelState,
        `request.Codes[${i}].CodeExternalId`,
        `The job code '${code.CodeExternalId ?? ''}' does not exist.`,
      );
    }
  });
  if (Object.keys(modelState).length > 0) throw ConnectApiError.badRequest(INVALID_REQUEST_MESSAGE, modelState);
  subcontractOrder.updates.push(structuredClone(body));
  return {
    status: 200,
    body: {
      ...body,
      SubcontractOrderId: subcontractOrder.SubcontractOrderId,
      PrimaryOrderNumber: subcontractOrder.PrimaryOrderNumber,
    },
  };
};
