import { addComplaint, ConnectApiError, INVALID_REQUEST_MESSAGE, type ModelState } from '../apiError';
import type { Customer, SalesOrder } from '../connectTypes';
import { cancelOrder } from '../orderLifecycle';
import { ORDER_STATUS_CANCEL, type SimulatorState } from '../state';
import { findOrder, isCancelled, requireOrder, requireRealDate, today } from './lookups';
import { salesOrderAtVersion } from './salesOrderVersions';
import type { OperationHandler } from './types';

/** SalesOrder POST, GET and PATCH: raising, reading, updating and cancelling works orders. */

function refuseIfAny(modelState: ModelState): void {
  if (Object.keys(modelState).length > 0) throw ConnectApiError.badRequest(INVALID_REQUEST_MESSAGE, modelState);
}

/** Rules the schema cannot say: known references, the customer rule and the cancellation rule. */
function checkNewOrder(state: SimulatorState, order: SalesOrder): ModelState {
  const modelState: ModelState = {};
  const complain = (member: string, text: string): void => addComplaint(modelState, `request.${member}`, text);
  if (state.orders.has(order.PrimaryOrderNumber)) {
    complain(
      'PrimaryOrderNumber',
      `A sales order with PrimaryOrderNumber '${order.PrimaryOrderNumber}' already exists.`,
    );
  }
  if (!state.contracts.has(order.ContractExternalId)) {
    complain('ContractExternalId', `The contract '${order.ContractExternalId}' does not exist.`);
  }
  if (!state.priorities.has(order.PriorityExternalId)) {
    complain('PriorityExternalId', `The priority '${order.PriorityExternalId}' does not exist.`);
  }
  if (!state.organisations.has(order.Customer.OrganisationExternalId)) {
    complain(
      'Customer.OrganisationExternalId',
      `The organisation '${order.Customer.OrganisationExternalId}' does not exist.`,
    );
  }
  if (order.UseExistingCustomerDetails === true) {
    if (!state.customers.has(order.Customer.ExternalId)) {
      complain('Customer.ExternalId', `The customer '${order.Customer.ExternalId}' does not exist.`);
    }
  } else {
    if (order.Customer.PrimaryContact === undefined)
      complain('Customer.PrimaryContact', 'The PrimaryContact field is required.');
    if (order.Customer.PrimaryAddress === undefined)
      complain('Customer.PrimaryAddress', 'The PrimaryAddress field is required.');
  }
  (order.JobCodes ?? []).forEach((jobCode, i) => {
    if (!state.jobCodeByExternalId(jobCode.CodeExternalId)) {
      complain(`JobCodes[${i}].CodeExternalId`, `The job code '${jobCode.CodeExternalId}' does not exist.`);
    }
  });
  if (order.OrderStatus === ORDER_STATUS_CANCEL && !order.CancelReason) {
    complain('CancelReason', 'The CancelReason field is required when OrderStatus is Cancel (11).');
  }
  return modelState;
}

/** With UseExistingCustomerDetails the rest of the customer comes from Connect's record; a new property is recorded. */
function customerOf(state: SimulatorState, order: SalesOrder): Customer {
  const existing = state.customers.get(order.Customer.ExternalId);
  if (order.UseExistingCustomerDetails === true && existing) return structuredClone(existing);
  if (!existing) state.customers.set(order.Customer.ExternalId, structuredClone(order.Customer));
  return order.Customer;
}

export const postSalesOrder: OperationHandler<'postSalesOrder'> = ({ body, version, office }) => {
  const { state } = office;
  const order = salesOrderAtVersion(body, version);
  requireRealDate('request.TargetDateUTC', order.TargetDateUTC);
  refuseIfAny(checkNewOrder(state, order));
  order.Customer = customerOf(state, order);
  const stored = {
    orderId: state.nextOrderId(),
    raisedDate: today(office),
    order,
    codes: (order.JobCodes ?? []).map((j) => ({
      CodeExternalId: j.CodeExternalId,
      Quantity: j.Quantity ?? 1,
      ...(j.Location !== undefined ? { LocationExternalId: j.Location } : {}),
    })),
    attributes: [],
  };
  state.orders.set(order.PrimaryOrderNumber, stored);
  // Version 2 answers {}, version 3 the stored order.
  return { status: 201, body: version >= 3 ? salesOrderAtVersion(order, version) : {} };
};

export const getSalesOrder: OperationHandler<'getSalesOrder'> = ({ query, version, office }) => {
  const stored = findOrder(office.state, query.PrimaryOrderNumber, query.ContractExternalId);
  // "An unsuccessful response will be NULL": 404 with an empty body.
  if (!stored) return { status: 404, body: undefined };
  return { status: 200, body: salesOrderAtVersion(stored.order, version) };
};

export const patchSalesOrder: OperationHandler<'patchSalesOrder'> = ({ body, office }) => {
  const { state } = office;
  const stored = requireOrder(state, body.PrimaryOrderNumber, 'request.PrimaryOrderNumber', body.ContractExternalId);
  const modelState: ModelState = {};
  const complain = (member: string, text: string): void => addComplaint(modelState, `request.${member}`, text);
  const cancelling = body.OrderStatus === ORDER_STATUS_CANCEL;
  if (cancelling && !body.CancelReason) {
    complain('CancelReason', 'The CancelReason field is required when OrderStatus is Cancel (11).');
  }
  if (isCancelled(stored)) {
    complain(
      cancelling ? 'OrderStatus' : 'PrimaryOrderNumber',
      `The sales order '${stored.order.PrimaryOrderNumber}' is already cancelled.`,
    );
  }
  if (body.PriorityExternalId !== undefined) {
    if (body.TargetDateUTC === undefined) {
      complain('TargetDateUTC', 'The TargetDateUTC field is required when PriorityExternalId is set.');
    }
    if (!state.priorities.has(body.PriorityExternalId)) {
      complain('PriorityExternalId', `The priority '${body.PriorityExternalId}' does not exist.`);
    }
  }
  requireRealDate('request.TargetDateUTC', body.TargetDateUTC);
  refuseIfAny(modelState);

  if (body.JobDescription !== undefined) stored.order.JobDescription = body.JobDescription;
  if (body.PriorityExternalId !== undefined) stored.order.PriorityExternalId = body.PriorityExternalId;
  if (body.TargetDateUTC !== undefined) stored.order.TargetDateUTC = body.TargetDateUTC;
  // JobCodes: "Not currently implemented" in Connect, so ignored here too.
  if (cancelling && body.CancelReason) cancelOrder(state, stored, body.CancelReason, body.CancelDescription);
  return { status: 200, body: {} };
};
