import { type ConnectFacade, isConnectError, OrderStatus } from '../../connect';
import { type CatalogueLookups } from '../catalogue';
import { type OrderRegistry } from '../orders/orderRegistry';
import { type Slot } from '../slots';
import { addDays, type Clock, localDateOf } from '../time';
import { type Cancellation } from './cancelReasons';
import { type HomeAppointments, summariseHome } from './homeAppointments';

/** How far ahead "My appointments" looks. */
export const LOOK_AHEAD_WEEKS = 8;

/** What the appointments work needs of the bot's services (RepairServices has all of it). */
export interface AppointmentDeps {
  connect: ConnectFacade;
  orders: OrderRegistry;
  lookups: CatalogueLookups;
  catalogue: { contractExternalId: string };
  clock: Clock;
  zone: string;
  rebookMinDays: number;
}

/**
 * The home's visits from today to eight weeks ahead: one BookingSummary GET for the verified property, named with
 * the bot's own records. `propertyId` must come from the tenant check, never from what the tenant typed.
 */
export async function loadHomeAppointments(deps: AppointmentDeps, propertyId: string): Promise<HomeAppointments> {
  const now = deps.clock.now();
  const today = localDateOf(now, deps.zone);
  const summary = await deps.connect.getBookingSummary(
    { propertyId },
    { start: `${today} 00:00:00`, end: `${addDays(today, LOOK_AHEAD_WEEKS * 7)} 23:59:59` },
  );
  const records = await deps.orders.forProperty(propertyId);
  return summariseHome({
    propertyId,
    appointments: summary.Appointments ?? [],
    records,
    lookups: deps.lookups,
    today,
    now,
    zone: deps.zone,
    rebookMinDays: deps.rebookMinDays,
  });
}

/** After a move: the bot's record of the order (if it raised it) holds the new slot and its words. */
export async function recordMovedVisit(
  deps: Pick<AppointmentDeps, 'orders'>,
  orderNumber: string,
  visit: { visitExternalId?: string; slot: Slot; description: string },
): Promise<void> {
  await deps.orders.update(orderNumber, { visit });
}

export type CancelOutcome =
  | { kind: 'cancelled' }
  /** Connect would not cancel it (it refused the request). */
  | { kind: 'refused' }
  /** Connect did not answer, and the order is not cancelled as far as can be told. */
  | { kind: 'unavailable' };

/**
 * SalesOrder PATCH with OrderStatus 11, CancelReason and CancelDescription; then the bot's record is marked
 * cancelled. A PATCH is never sent twice: when it fails, the order is read back to see whether it landed.
 */
export async function cancelRepair(
  deps: Pick<AppointmentDeps, 'connect' | 'orders' | 'catalogue'>,
  orderNumber: string,
  cancellation: Cancellation,
): Promise<CancelOutcome> {
  const contractExternalId = deps.catalogue.contractExternalId;
  try {
    await deps.connect.cancelOrder({ primaryOrderNumber: orderNumber, contractExternalId, ...cancellation });
  } catch (error) {
    if (!isConnectError(error)) throw error;
    const order = await deps.connect.getOrder(orderNumber, contractExternalId).catch(() => undefined);
    if (order?.OrderStatus !== OrderStatus.Cancel) return { kind: error.isBadRequest() ? 'refused' : 'unavailable' };
  }
  await deps.orders.update(orderNumber, { status: 'cancelled' });
  return { kind: 'cancelled' };
}
