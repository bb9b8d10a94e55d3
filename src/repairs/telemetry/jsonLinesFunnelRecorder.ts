import fs from 'node:fs';
import path from 'node:path';
import { type FunnelEvent, type FunnelRecorder } from './funnelEvents';

/**
 * The default funnel sink: one JSON object per line appended to a local file (data/funnel.jsonl), read back by
 * `repairs-bot funnel`. Writes are queued one after another so lines never interleave, and run in the background
 * so a turn never waits on the disk; a failed write is reported once through `onError` and the event dropped.
 */
export class JsonLinesFunnelRecorder implements FunnelRecorder {
  private pending: Promise<void> = Promise.resolve();
  private madeFolder = false;

  constructor(
    readonly file: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  record(event: FunnelEvent): void {
    const line = `${JSON.stringify(event)}\n`;
    this.pending = this.pending
      .then(async () => {
        if (!this.madeFolder) {
          await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
          this.madeFolder = true;
        }
        await fs.promises.appendFile(this.file, line, 'utf8');
      })
      .catch(this.onError);
  }

  /** Resolves when every event recorded so far is on disk (or has failed). */
  async close(): Promise<void> {
    await this.pending;
  }
}

/** The events of a funnel log; lines that are not events (a torn last line after a crash) are skipped. */
export function readFunnelLog(file: string): FunnelEvent[] {
  const events: FunnelEvent[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const event = JSON.parse(line) as FunnelEvent;
      if (typeof event.name === 'string' && typeof event.at === 'string' && typeof event.conversation === 'string') {
        events.push(event);
      }
    } catch {
      // A partial line: nothing to count.
    }
  }
  return events;
}
