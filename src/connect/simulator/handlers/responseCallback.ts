import type { OperationHandler } from './types';

/** ResponseCallback POST: recorded for tests and the admin state, answered with {}. */
export const postResponseCallback: OperationHandler<'postResponseCallback'> = ({ body, office }) => {
  office.state.callbacks.push({ receivedAt: office.clock.now().toISOString(), callback: structuredClone(body) });
  return { status: 200, body: {} };
};
