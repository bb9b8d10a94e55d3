import { type ConnectFacade, OrderStatus, VisitResultType } from '../../connect';
import { type OrderRecord, type OrderRegistry } from './orderRegistry';

/** A report older than this is not taken as the same repair: it may have been fixed and broken again. */
const SAME_REPAIR_WINDOW_DAYS = 60;

/**
 * An open order at the property for the same repair type, raised recently: the tenant is probably chasing or
 * re-reporting it (about half of repairs calls are). The bot's own record finds candidates without calling
 * Connect; only a candidate is checked with Connect, in case it was cancelled or completed there.
 */
export async function findOpenDuplicate(
  orders: OrderRegistry,
  connect: ConnectFacade,
  contractExternalId: string,
  query: { propertyId: string; code: string; now: Date },
): Promise<OrderRecord | undefined> {
  const since = query.now.getTime() - SAME_REPAIR_WINDOW_DAYS * 86_400_000;
  const candidates = (await orders.forProperty(query.propertyId)).filter(
    (o) => o.status === 'open' && o.code === query.code && Date.parse(o.raisedAt) >= since,
  );
  for (const candidate of candidates) {
    const order = await connect.getOrder(candidate.orderNumber, contractExternalId).catch(() => undefined);
    if (order === null) continue; // Connect no longer has it.
    if (order?.OrderStatus === OrderStatus.Cancel) {
      await orders.update(candidate.orderNumber, { status: 'cancelled' });
      continue;
    }
    if (order?.LastVisitResultType === VisitResultType.Completed) {
      await orders.update(candidate.orderNumber, { status: 'completed' });
      continue;
    }
    // Connect could not be asked (undefined): the bot's own record is enough to ask the tenant.
    return candidate;
  }
  return undefined;
}
