import { ORDER_STATUS_CANCEL, VISIT_STATUS, type StoredOrder, type SimulatorState } from './state';

/**
 * What cancelling an order does in the simulator: the order gets OrderStatus 11 with its reason, and every visit
 * not yet started or finished becomes PendingDeletion (kept, so BookingSummary still shows it), which frees the
 * slots it held. Started and completed visits are history and stay as they are.
 */
export function cancelOrder(state: SimulatorState, stored: StoredOrder, reason: string, description?: string): void {
  stored.order.OrderStatus = ORDER_STATUS_CANCEL;
  stored.order.CancelReason = reason;
  if (description !== undefined) stored.order.CancelDescription = description;
  for (const visit of state.visitsOf(stored.order.PrimaryOrderNumber)) {
    if (visit.VisitStatus !== VISIT_STATUS.Started && visit.VisitStatus !== VISIT_STATUS.Completed) {
      visit.VisitStatus = VISIT_STATUS.PendingDeletion;
    }
  }
}
