import { type ConnectFacade, isConnectError, type SalesOrder } from '../../connect';

export type PlaceOrderOutcome =
  /** Connect has the order: created now, or found from an earlier attempt. */
  | { kind: 'placed'; order: SalesOrder; alreadyExisted: boolean }
  /** Connect could not be reached or did not answer in time, and has no such order: nothing was raised. */
  | { kind: 'unavailable' }
  /** Connect refused the order (400): sending it again unchanged will not help. */
  | { kind: 'refused'; reason: string };

/**
 * SalesOrder POST, made safe to repeat. A POST is never retried blindly: after an attempt whose outcome is
 * unknown (timeout, dropped connection, a restart of the bot mid-call) the order number is looked up first, so
 * a report can be sent any number of times and still raise one order.
 */
export async function placeOrder(
  connect: ConnectFacade,
  order: SalesOrder,
  { mayAlreadyExist }: { mayAlreadyExist: boolean },
): Promise<PlaceOrderOutcome> {
  const lookUp = () => connect.getOrder(order.PrimaryOrderNumber, order.ContractExternalId);
  try {
    if (mayAlreadyExist) {
      const existing = await lookUp();
      if (existing) return { kind: 'placed', order: existing, alreadyExisted: true };
    }
    return { kind: 'placed', order: await connect.createOrder(order), alreadyExisted: false };
  } catch (error) {
    if (!isConnectError(error)) throw error;
    if (error.isBadRequest()) {
      // A duplicate number means an earlier attempt got through after all.
      const existing = await lookUp().catch(() => null);
      if (existing) return { kind: 'placed', order: existing, alreadyExisted: true };
      return { kind: 'refused', reason: error.connectMessage ?? 'Connect refused the order' };
    }
    // Timeout, dropped connection, 5xx, refused credentials: the outcome is unknown until we look.
    const existing = await lookUp().catch(() => null);
    if (existing) return { kind: 'placed', order: existing, alreadyExisted: true };
    return { kind: 'unavailable' };
  }
}
