import { requireOrderById } from './lookups';
import type { OperationHandler } from './types';

/** Attribute methods: scheduling attributes of an order; posting an attribute again replaces its value. */
export const getAttributes: OperationHandler<'getAttributes'> = ({ params, office }) => {
  const stored = requireOrderById(office.state, params.orderId);
  return { status: 200, body: { OrderId: stored.orderId, Attribute: structuredClone(stored.attributes) } };
};

export const postAttributes: OperationHandler<'postAttributes'> = ({ params, body, office }) => {
  const stored = requireOrderById(office.state, params.orderId);
  for (const item of body) {
    const name = item.AttributeName?.toLowerCase();
    const index = stored.attributes.findIndex((a) => a.AttributeName?.toLowerCase() === name);
    if (index >= 0) stored.attributes[index] = { ...item };
    else stored.attributes.push({ ...item });
  }
  return { status: 200, body: {} };
};
