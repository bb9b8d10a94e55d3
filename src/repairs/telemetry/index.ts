// AppInsightsFunnelRecorder is not exported here: createFunnel loads it (and the Application Insights SDK, about
// 60 ms of start-up) only when its connection string is set.
export {
  type FunnelConversation,
  type FunnelDetails,
  type FunnelEvent,
  type FunnelEventName,
  type FunnelRecorder,
  type IdentifiedHow,
  conversationKey,
  discardFunnel,
  Funnel,
  FUNNEL_EVENT_NAMES,
} from './funnelEvents';
export { JsonLinesFunnelRecorder, readFunnelLog } from './jsonLinesFunnelRecorder';
export { DEFAULT_IDLE_MINUTES, type FunnelReport, FUNNEL_STEPS, formatFunnel, funnelReport } from './funnelReport';
export { createFunnel, type FunnelSettings } from './createFunnel';
