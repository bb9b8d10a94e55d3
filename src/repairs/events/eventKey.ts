import { createHash } from 'node:crypto';
import { type ConnectEvent } from './connectEvent';

/**
 * The key under which an event is handled once. Connect's EventId when it gave one; otherwise a hash of what the
 * event says (every member but the CloudExternalId, which names one call rather than the event), so a delivery
 * sent again, however its JSON is spaced or ordered, is the same event. OccurredAt, when given, tells apart two
 * events that say the same thing at different times (a visit shelved, booked again, and shelved again).
 */
export function eventKey(event: ConnectEvent): string {
  const content = event.eventId
    ? ['id', event.eventId]
    : [
        'content',
        event.type,
        event.orderNumber.toUpperCase(),
        event.visitExternalId?.toUpperCase() ?? null,
        event.slot?.date ?? null,
        event.slot?.planningWindowId ?? null,
        event.visitStatus ?? null,
        event.visitResultType ?? null,
        event.occurredAt ? new Date(event.occurredAt).toISOString() : null,
      ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
