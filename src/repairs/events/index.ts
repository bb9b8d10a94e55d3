export {
  APPOINTMENT_EVENT_TYPES,
  CONNECT_EVENT_TYPES,
  type AppointmentEventType,
  type ConnectEvent,
  type ConnectEventType,
  isAppointmentEvent,
  VISIT_RESULT,
} from './connectEvent';
export { eventKey } from './eventKey';
export { CLAIM_LEASE_MS, type Claim, type EventEntry, EventLedger } from './eventLedger';
export { type EventPlan, type OrderChange, type PlanContext, planEvent } from './eventPlan';
export {
  type EventLogger,
  type EventOutcome,
  EventProcessor,
  type EventProcessorOptions,
  type TenantNotifier,
} from './eventProcessor';
export { EventQueue, type EventQueueOptions } from './eventQueue';
