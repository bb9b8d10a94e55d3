import { formatReference } from '../orders/orderNumber';
import { type OrderRecord } from '../orders/orderRegistry';
import { type Slot, sameSlot } from '../slots';
import { type ConnectEvent, isAppointmentEvent, VISIT_RESULT } from './connectEvent';

/**
 * What an event means for the tenant and for the bot's record of the order: the words to send (none when the
 * tenant already knows, e.g. Connect confirming a visit the bot itself booked), the change to the record, and a
 * short note for Connect's ResponseCallback. Plain words, one message, nothing that needs a card or a button, so
 * it reads the same in Web Chat, Teams and a text message.
 */
export interface EventPlan {
  message?: string;
  change: OrderChange;
  /** What was done, for the ResponseCallback's Message and the log: never personal. */
  note: string;
}

export type OrderChange = Partial<Pick<OrderRecord, 'status' | 'visit'>>;

export interface PlanContext {
  /** The slot in words, e.g. 'Thursday 3 December, morning, 8am to 1pm'. */
  describe(slot: Slot): string;
  /** The repairs line, office hours. */
  repairsPhone: string;
}

const AT_HOME = 'An adult (18 or over) must be at home for the whole time slot.';

const sameId = (a?: string, b?: string) => a !== undefined && b !== undefined && a.toUpperCase() === b.toUpperCase();

/** The stored visit when the event is about it (or names no visit). */
function visitInQuestion(event: ConnectEvent, order: OrderRecord): OrderRecord['visit'] {
  const visit = order.visit;
  if (!visit) return undefined;
  if (!event.visitExternalId || !visit.visitExternalId) return visit;
  return sameId(event.visitExternalId, visit.visitExternalId) ? visit : undefined;
}

export function planEvent(event: ConnectEvent, order: OrderRecord, context: PlanContext): EventPlan {
  const reference = formatReference(order.orderNumber) ?? order.orderNumber;
  const contactUs = `message us here or call us on ${context.repairsPhone}`;
  const stored = visitInQuestion(event, order);
  const on = stored ? ` on ${stored.description}` : '';
  // A visit that is no longer booked is dropped from the record; another visit stays.
  const withoutVisit: OrderChange = stored ? { visit: undefined } : {};

  if (isAppointmentEvent(event.type)) {
    // The contract requires both for these events; a caller that skipped the contract gets an error, not a guess.
    if (!event.slot || !event.visitExternalId) throw new Error(`${event.type} without a visit and a slot`);
    const slot = event.slot;
    const when = context.describe(slot);
    const change: OrderChange = {
      status: 'open',
      visit: { visitExternalId: event.visitExternalId, slot, description: when },
    };
    const known = order.visit;
    if (known && sameId(known.visitExternalId, event.visitExternalId) && sameSlot(known.slot, slot)) {
      return { change: {}, note: 'Visit already known to the tenant; nothing sent.' };
    }
    switch (event.type) {
      case 'NewAppointment':
        return {
          change,
          note: 'Tenant told of the new visit.',
          message: `A visit is booked for your repair ${reference}: ${when}. ${AT_HOME}`,
        };
      case 'ReAppointment':
        return {
          change,
          note: 'Tenant told the visit moved.',
          message: `Your repair visit ${reference} has been moved to ${when}. ${AT_HOME}`,
        };
      case 'FollowOnAppointment':
        return {
          change,
          note: 'Tenant told of the follow-on visit.',
          message: `Another visit is booked to finish your repair ${reference}: ${when}. ${AT_HOME}`,
        };
    }
  }

  switch (event.type) {
    case 'OrderCompleted':
      if (order.status === 'completed') {
        return { change: { visit: undefined }, note: 'Order already complete; nothing sent.' };
      }
      return {
        change: { status: 'completed', visit: undefined },
        note: 'Tenant told the repair is complete.',
        message: `Your repair ${reference} is complete. If the problem comes back, ${contactUs}.`,
      };
    case 'VisitCompleted':
      return visitCompleted(event, reference, on, withoutVisit, contactUs);
    case 'VisitDeleted':
      if (order.status === 'cancelled') {
        return { change: withoutVisit, note: 'Order was cancelled; nothing sent.' };
      }
      return {
        change: withoutVisit,
        note: 'Tenant told the visit was cancelled.',
        message: `The visit for your repair ${reference}${on} was cancelled. If you still need the repair, ${contactUs} to book another visit.`,
      };
    case 'VisitShelved':
      return {
        change: withoutVisit,
        note: 'Tenant told the visit is on hold.',
        message: `The visit for your repair ${reference}${on} is on hold, so nobody will come then. We will contact you when it can be booked again.`,
      };
    default:
      throw new Error(`No plan for event ${event.type}`);
  }
}

function visitCompleted(
  event: ConnectEvent,
  reference: string,
  on: string,
  withoutVisit: OrderChange,
  contactUs: string,
): EventPlan {
  switch (event.visitResultType ?? VISIT_RESULT.completed) {
    case VISIT_RESULT.noAccess:
      return {
        change: withoutVisit,
        note: 'Tenant told we could not get in.',
        message: `We could not get in for your repair visit ${reference}${on}. Please ${contactUs} to arrange another visit.`,
      };
    case VISIT_RESULT.followOnRequired:
      return {
        change: withoutVisit,
        note: 'Tenant told another visit is needed.',
        message: `Your repair ${reference} needs another visit to finish it. We will contact you to arrange it.`,
      };
    case VISIT_RESULT.abandoned:
      return {
        change: withoutVisit,
        note: 'Tenant told the visit could not go ahead.',
        message: `The visit for your repair ${reference}${on} could not go ahead. We will contact you to arrange another visit.`,
      };
    default:
      return {
        change: { ...withoutVisit, status: 'completed' },
        note: 'Tenant told the visit is done.',
        message: `Your repair visit ${reference} is done. If the problem is not fixed, ${contactUs}.`,
      };
  }
}
