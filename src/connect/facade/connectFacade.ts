import type { ConnectClient } from '../client/createConnectClient';
import { accountsAndCallbacksMethods, type AccountsAndCallbacksMethods } from './accountsAndCallbacks';
import { jobCodesAndRateBooksMethods, type JobCodesAndRateBooksMethods } from './jobCodesAndRateBooks';
import { orderCodesAndAttributesMethods, type OrderCodesAndAttributesMethods } from './orderCodesAndAttributes';
import { orderMethods, type OrderMethods } from './orders';
import { schedulingMethods, type SchedulingMethods } from './scheduling';
import { subcontractorMethods, type SubcontractorMethods } from './subcontractors';

/**
 * Everything the bot may ask Connect, by what it does. Each method returns typed data or throws
 * ConnectError; none exposes paths, HTTP or tokens. Methods do not use `this`, so they can be
 * passed around detached (e.g. `const { book } = connect`).
 */
export type ConnectFacade = OrderMethods &
  SchedulingMethods &
  SubcontractorMethods &
  OrderCodesAndAttributesMethods &
  JobCodesAndRateBooksMethods &
  AccountsAndCallbacksMethods;

export function createConnectFacade(client: ConnectClient): ConnectFacade {
  return {
    ...orderMethods(client),
    ...schedulingMethods(client),
    ...subcontractorMethods(client),
    ...orderCodesAndAttributesMethods(client),
    ...jobCodesAndRateBooksMethods(client),
    ...accountsAndCallbacksMethods(client),
  };
}
