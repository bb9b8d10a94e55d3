import http from 'node:http';
import { type AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { conversationKey } from '../../src/repairs/telemetry';
import { appWithChannel, startTestApp } from '../e2e/testApp';

interface Envelope {
  name: string;
  time: string;
  iKey: string;
  data: { baseType: string; baseData: { name: string; properties: Record<string, string> } };
}

/**
 * Application Insights' ingestion endpoint played on loopback: the real `applicationinsights` client sends its
 * batches here (IngestionEndpoint in the connection string), over real HTTP, and the envelopes are kept.
 */
class IngestionStandIn {
  readonly envelopes: Envelope[] = [];
  readonly paths: string[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      this.paths.push(`${req.method} ${req.url}`);
      const body = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8');
      // The library posts a JSON array of envelopes (or newline-delimited ones).
      const parsed = text.trim().startsWith('[')
        ? (JSON.parse(text) as Envelope[])
        : text
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as Envelope);
      this.envelopes.push(...parsed);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: parsed.length, itemsAccepted: parsed.length, errors: [] }));
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const INSTRUMENTATION_KEY = '11111111-2222-3333-4444-555555555555';
const FUNNEL_SALT = 'a-salt-for-app-insights-tests';

describe('funnel events to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set', () => {
  const ingestion = new IngestionStandIn();
  const running = appWithChannel(async () =>
    startTestApp({
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${INSTRUMENTATION_KEY};IngestionEndpoint=${await ingestion.start()}`,
      FUNNEL_SALT,
      // Were the local log used by mistake, it would be here, and the test would see it.
      FUNNEL_LOG_FILE: '/nonexistent/funnel-should-not-be-written.jsonl',
    }),
  );
  afterAll(() => ingestion.close());

  it('sends custom events named repairs.<event>, with the conversation key and the detail, and nothing personal', async () => {
    await running.channel.say('ai-1', 'I can smell gas');
    await running.channel.say('ai-2', 'hello');
    await running.channel.say('ai-2', 'stop');
    // Closing the app flushes the client's batch.
    await running.app.close();
    running.app.close = async () => undefined;

    expect(ingestion.paths.every((p) => p === 'POST /v2.1/track')).toBe(true);
    const events = ingestion.envelopes.filter((e) => e.data.baseType === 'EventData');
    const summary = events.map((e) => [e.data.baseData.name, e.data.baseData.properties.conversation]);
    const key = (id: string) => conversationKey(FUNNEL_SALT, { channel: 'directline', id });
    expect(summary).toEqual([
      ['repairs.conversation-started', key('ai-1')],
      ['repairs.emergency-detected', key('ai-1')],
      ['repairs.conversation-started', key('ai-2')],
      ['repairs.abandoned', key('ai-2')],
    ]);
    expect(events[1]?.data.baseData.properties).toEqual({
      conversation: key('ai-1'),
      channel: 'directline',
      instruction: 'call-gas-emergency',
    });
    expect(events[3]?.data.baseData.properties.reason).toBe('stop');
    // The bot's clock (fixed at the test's "now"), not the wall clock.
    expect(events.every((e) => e.time === '2026-12-01T09:00:00.000Z' && e.iKey === INSTRUMENTATION_KEY)).toBe(true);
    const sent = JSON.stringify(ingestion.envelopes);
    for (const personal of ['smell gas', 'ai-1', 'ai-2', 'user-', 'Tenant']) expect(sent).not.toContain(personal);
  });
});
