import { ConnectApiError } from '../apiError';
import { isIsoDate } from '../calendar';
import { londonWallTime } from '../londonTime';
import { ORDER_STATUS_CANCEL, type SimulatorState, type StoredOrder, type Visit } from '../state';
import type { Backoffice } from './types';

/** Lookups every handler needs, refusing with Connect's 400 and a ModelState entry when something is missing. */

export function isCancelled(stored: StoredOrder): boolean {
  return stored.order.OrderStatus === ORDER_STATUS_CANCEL;
}

export function findOrder(
  state: SimulatorState,
  primaryOrderNumber: string,
  contractExternalId?: string,
): StoredOrder | undefined {
  const stored = state.orders.get(primaryOrderNumber);
  if (!stored) return undefined;
  if (
    contractExternalId !== undefined &&
    stored.order.ContractExternalId.toLowerCase() !== contractExternalId.toLowerCase()
  ) {
    return undefined;
  }
  return stored;
}

export function requireOrder(
  state: SimulatorState,
  primaryOrderNumber: string,
  member = 'request.PrimaryOrderNumber',
  contractExternalId?: string,
): StoredOrder {
  const stored = findOrder(state, primaryOrderNumber, contractExternalId);
  if (stored) return stored;
  const onContract = contractExternalId === undefined ? '' : ` on contract '${contractExternalId}'`;
  throw ConnectApiError.invalid(
    member,
    `No sales order with PrimaryOrderNumber '${primaryOrderNumber}' exists${onContract}.`,
  );
}

export function requireOpenOrder(
  state: SimulatorState,
  primaryOrderNumber: string,
  member = 'request.PrimaryOrderNumber',
): StoredOrder {
  const stored = requireOrder(state, primaryOrderNumber, member);
  if (isCancelled(stored)) {
    throw ConnectApiError.invalid(member, `The sales order '${stored.order.PrimaryOrderNumber}' is cancelled.`);
  }
  return stored;
}

export function requireOrderById(state: SimulatorState, orderId: number): StoredOrder {
  const stored = state.orderById(orderId);
  if (!stored) throw ConnectApiError.invalid('orderId', `No sales order with id ${orderId} exists.`);
  return stored;
}

/** The spec's date pattern lets 2026-02-31 through; Json.NET would not parse it. */
export function requireRealDate(member: string, value: string | undefined): void {
  if (value !== undefined && !isIsoDate(value)) {
    throw ConnectApiError.invalid(member, `The value '${value}' is not a valid date.`);
  }
}

/** The London calendar day on the simulator clock. */
export function today(office: Backoffice): string {
  return londonWallTime(office.clock.now()).date;
}

/** A visit of the order, for re-appointing; anything else is refused on `member`. */
export function requireVisitOfOrder(
  state: SimulatorState,
  stored: StoredOrder,
  visitExternalId: string,
  member: string,
): Visit {
  const visit = state.visits.get(visitExternalId);
  if (!visit || visit.PrimaryOrderNumber.toLowerCase() !== stored.order.PrimaryOrderNumber.toLowerCase()) {
    throw ConnectApiError.invalid(
      member,
      `No visit '${visitExternalId}' exists on the sales order '${stored.order.PrimaryOrderNumber}'.`,
    );
  }
  return visit;
}
