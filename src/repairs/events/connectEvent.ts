import { type Slot } from '../slots';

/**
 * An update Connect sends about an order the bot raised (spec v1.34, section 1.2: order completion, new
 * appointments, re-appointments, follow-on appointments, completed visits, deleted visits, shelved visits), in the
 * domain's own words. The web service that receives it (src/server/routes/connectEvents.ts) checks it against
 * src/server/botApi.yaml and maps Connect's PascalCase members to these.
 */
export const CONNECT_EVENT_TYPES = [
  'OrderCompleted',
  'NewAppointment',
  'ReAppointment',
  'FollowOnAppointment',
  'VisitCompleted',
  'VisitDeleted',
  'VisitShelved',
] as const;
export type ConnectEventType = (typeof CONNECT_EVENT_TYPES)[number];

/** Events that carry the visit's (new) day and planning window. */
export const APPOINTMENT_EVENT_TYPES = ['NewAppointment', 'ReAppointment', 'FollowOnAppointment'] as const;
export type AppointmentEventType = (typeof APPOINTMENT_EVENT_TYPES)[number];

export function isAppointmentEvent(type: ConnectEventType): type is AppointmentEventType {
  return (APPOINTMENT_EVENT_TYPES as readonly string[]).includes(type);
}

/** How a completed visit went: Connect's VisitResultType values. */
export const VISIT_RESULT = { completed: 0, noAccess: 1, followOnRequired: 2, abandoned: 3 } as const;

export interface ConnectEvent {
  /** Connect's id of the event, when it gave one. */
  eventId?: string;
  type: ConnectEventType;
  orderNumber: string;
  visitExternalId?: string;
  /** The (new) appointment of an appointment event. */
  slot?: Slot;
  /** Connect's VisitStatus value after the event. */
  visitStatus?: number;
  /** Connect's VisitResultType value, for a completed visit. */
  visitResultType?: number;
  /** ISO instant at which it happened in Connect, when given. */
  occurredAt?: string;
  /** Connect's id of its call: the bot answers it with a ResponseCallback. */
  cloudExternalId?: string;
}
