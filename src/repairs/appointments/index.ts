export { type VisitState, VISIT_STATE_WORDS, isHistory, visitStateOf } from './visitState';
export { type RebookDecision, rebookDecision } from './rebookRule';
export { type CancelDecision, cancelDecision } from './cancelRule';
export { type VisitTime, describeVisitTime, visitTimeOf } from './visitTime';
export {
  type HomeAppointments,
  type HomeFacts,
  type RepairSummary,
  type VisitSummary,
  referenceOf,
  summariseHome,
} from './homeAppointments';
export {
  CANCEL_REASONS,
  type CancelReason,
  type Cancellation,
  MAX_CANCEL_WORDS_LENGTH,
  OTHER_REASON,
  cancellationFor,
  isCancelWordsValid,
} from './cancelReasons';
export {
  type AppointmentDeps,
  type CancelOutcome,
  LOOK_AHEAD_WEEKS,
  cancelRepair,
  loadHomeAppointments,
  recordMovedVisit,
} from './appointmentServices';
