// The client alone, not the package's entry: that entry sets up auto-collection (console, HTTP and others) on
// require, and the bot wants only its own events sent. `applicationinsights` comes with botbuilder-applicationinsights.
import TelemetryClient from 'applicationinsights/out/Library/TelemetryClient';
import { type FunnelEvent, type FunnelRecorder } from './funnelEvents';

/** Custom events in Application Insights are named like this, so a query can pick the funnel out: `repairs.booked`. */
export const APP_INSIGHTS_EVENT_PREFIX = 'repairs.';

/**
 * Funnel events as Application Insights custom events (customEvents table), when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set. The event's time is the bot's clock; the conversation key and the
 * detail go in as custom dimensions. The library batches and sends in the background; `close` flushes.
 */
export class AppInsightsFunnelRecorder implements FunnelRecorder {
  private readonly client: TelemetryClient;

  constructor(connectionString: string) {
    this.client = new TelemetryClient(connectionString);
    // Statsbeat reports the SDK's own usage to Microsoft: not ours to send.
    this.client.getStatsbeat()?.enable(false);
    // Events a failed send could not deliver would otherwise be cached in the temp directory for a later retry.
    this.client.channel.setUseDiskRetryCaching(false);
  }

  record(event: FunnelEvent): void {
    this.client.trackEvent({
      name: `${APP_INSIGHTS_EVENT_PREFIX}${event.name}`,
      time: new Date(event.at),
      properties: {
        conversation: event.conversation,
        channel: event.channel,
        ...Object.fromEntries(Object.entries(event.detail).map(([key, value]) => [key, String(value)])),
      },
    });
  }

  /** Sends the pending batch; gives up waiting after `timeoutMs`, so an unreachable endpoint cannot hold a shutdown. */
  close(timeoutMs = 5_000): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.client.flush({
        callback: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}
