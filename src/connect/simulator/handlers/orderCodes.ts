import { ConnectApiError } from '../apiError';
import type { Code } from '../connectTypes';
import type { StoredOrder } from '../state';
import { requireOrderById } from './lookups';
import type { OperationHandler } from './types';

/**
 * Code methods: the job codes (SORs) on an order, addressed by the order's internal id. A code is identified by
 * its CodeExternalId and, when the order is split by location, its LocationExternalId.
 */
const same = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

function indexOfCode(stored: StoredOrder, codeExternalId: string, locationExternalId?: string): number {
  return stored.codes.findIndex(
    (c) => same(c.CodeExternalId, codeExternalId) && same(c.LocationExternalId, locationExternalId),
  );
}

function requireCode(stored: StoredOrder, codeExternalId: string, locationExternalId?: string): number {
  const index = indexOfCode(stored, codeExternalId, locationExternalId);
  if (index < 0) {
    const at = locationExternalId === undefined ? '' : ` at location '${locationExternalId}'`;
    throw ConnectApiError.invalid('id', `The code '${codeExternalId}'${at} is not on order ${stored.orderId}.`);
  }
  return index;
}

export const postCode: OperationHandler<'postCode'> = ({ params, body, office }) => {
  const stored = requireOrderById(office.state, params.orderId);
  const jobCode = office.state.jobCodeByExternalId(body.CodeExternalId);
  if (!jobCode)
    throw ConnectApiError.invalid('request.CodeExternalId', `The job code '${body.CodeExternalId}' does not exist.`);
  if (indexOfCode(stored, body.CodeExternalId, body.LocationExternalId) >= 0) {
    throw ConnectApiError.invalid(
      'request.CodeExternalId',
      `The code '${body.CodeExternalId}' is already on order ${stored.orderId}.`,
    );
  }
  const code: Code = { ...body, CodeExternalId: jobCode.jobCode.CodeExternalId };
  stored.codes.push(code);
  return { status: 200, body: {} };
};

export const putCode: OperationHandler<'putCode'> = ({ params, body, office }) => {
  const stored = requireOrderById(office.state, params.orderId);
  const index = indexOfCode(stored, body.CodeExternalId, body.LocationExternalId);
  if (index < 0)
    throw ConnectApiError.invalid(
      'request.CodeExternalId',
      `The code '${body.CodeExternalId}' is not on order ${stored.orderId}.`,
    );
  stored.codes[index] = { ...stored.codes[index], Quantity: body.Quantity };
  return { status: 200, body: {} };
};

export const deleteCode: OperationHandler<'deleteCode'> = ({ params, office }) => {
  const stored = requireOrderById(office.state, params.orderId);
  stored.codes.splice(requireCode(stored, params.id), 1);
  return { status: 200, body: {} };
};

export const deleteCodeByLocation: OperationHandler<'deleteCodeByLocation'> = ({ params, office }) => {
  const stored = requireOrderById(office.state, params.orderId);
  stored.codes.splice(requireCode(stored, params.id, params.locationExternalId), 1);
  return { status: 200, body: {} };
};

export const getCodes: OperationHandler<'getCodes'> = ({ params, office }) => {
  const stored = requireOrderById(office.state, params.orderId);
  return { status: 200, body: structuredClone(stored.codes) };
};

export const getCode: OperationHandler<'getCode'> = ({ params, office }) => {
  const stored = requireOrderById(office.state, params.orderId);
  return { status: 200, body: structuredClone(stored.codes[requireCode(stored, params.id)]) };
};

export const getCodeByLocation: OperationHandler<'getCodeByLocation'> = ({ params, office }) => {
  const stored = requireOrderById(office.state, params.orderId);
  return {
    status: 200,
    body: structuredClone(stored.codes[requireCode(stored, params.id, params.locationExternalId)]),
  };
};
