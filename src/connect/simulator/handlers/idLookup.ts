import { requireOrder } from './lookups';
import type { OperationHandler } from './types';

/** IdLookup GET: the internal integer id of an order, which the Code and Attribute methods take. */
export const getOrderIdLookup: OperationHandler<'getOrderIdLookup'> = ({ query, office }) => {
  const stored = requireOrder(
    office.state,
    query.PrimaryOrderNumber,
    'request.PrimaryOrderNumber',
    query.ContractExternalId,
  );
  return { status: 200, body: stored.orderId };
};
