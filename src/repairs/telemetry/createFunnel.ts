import type * as AppInsightsModule from './appInsightsFunnelRecorder';
import { randomBytes } from 'node:crypto';
import { type Clock } from '../time';
import { Funnel } from './funnelEvents';
import { JsonLinesFunnelRecorder } from './jsonLinesFunnelRecorder';

export interface FunnelSettings {
  funnelLogFile: string;
  appInsightsConnectionString?: string;
  salt?: string;
}

/**
 * The funnel the bot records to: Application Insights when its connection string is set (where an Azure
 * deployment looks), else the local JSON-lines file that `repairs-bot funnel` reads.
 */
export function createFunnel(settings: FunnelSettings, clock: Clock, onError?: (error: unknown) => void): Funnel {
  const recorder = settings.appInsightsConnectionString
    ? appInsightsRecorder(settings.appInsightsConnectionString)
    : new JsonLinesFunnelRecorder(settings.funnelLogFile, onError);
  return new Funnel(recorder, { clock, salt: settings.salt ?? randomBytes(16).toString('hex') });
}

/** Loaded only when configured: the Application Insights SDK costs about half a second of start-up. */
function appInsightsRecorder(connectionString: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AppInsightsFunnelRecorder } = require('./appInsightsFunnelRecorder') as typeof AppInsightsModule;
  return new AppInsightsFunnelRecorder(connectionString);
}
