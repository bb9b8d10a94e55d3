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
export { AppInsightsFunnelRecorder, APP_INSIGHTS_EVENT_PREFIX } from './appInsightsFunnelRecorder';
export { DEFAULT_IDLE_MINUTES, type FunnelReport, FUNNEL_STEPS, formatFunnel, funnelReport } from './funnelReport';
export { createFunnel, type FunnelSettings } from './createFunnel';
