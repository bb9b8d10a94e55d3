import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A Bot Framework channel on loopback, for many conversations at once (adapted from the end-to-end tests' harness):
 * posts the tenants' activities to the bot's /api/messages with a serviceUrl pointing here, and collects the replies
 * the bot sends through the Bot Connector API (POST /v3/conversations/{id}/activities[/{replyToId}]). Only the
 * replies of the turn in progress are kept, so ten thousand conversations cost the driver little memory.
 */
export interface Reply {
  type?: string;
  text?: string;
  suggestedActions?: { actions?: { title: string }[] };
  attachments?: { content?: { buttons?: { title: string }[] } }[];
}

export interface Turn {
  replies: Reply[];
  ms: number;
  status: number;
}

export class BenchChannel {
  private server?: http.Server;
  private readonly pending = new Map<string, Reply[]>();
  private sequence = 0;
  serviceUrl = '';
  /** Activities the bot sent, by type: its messages, its typing indicators, anything else. */
  readonly received = { message: 0, typing: 0, other: 0 };

  constructor(
    private readonly botUrl: string,
    private readonly channelId = 'directline',
  ) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (req.method === 'POST' && match?.[1]) {
          const conversationId = decodeURIComponent(match[1]);
          const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply;
          this.received[activity.type === 'message' || activity.type === 'typing' ? activity.type : 'other'] += 1;
          if (activity.type === 'message') this.pending.get(conversationId)?.push(activity);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(`{"id":"reply-${++this.sequence}"}`);
          return;
        }
        res.writeHead(404).end();
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Sends the tenant's text; the bot has sent all its replies by the time it answers the POST. */
  async say(conversationId: string, text: string): Promise<Turn> {
    const replies: Reply[] = [];
    this.pending.set(conversationId, replies);
    const body = JSON.stringify({
      type: 'message',
      id: `in-${++this.sequence}`,
      channelId: this.channelId,
      serviceUrl: this.serviceUrl,
      conversation: { id: conversationId },
      from: { id: `user-${conversationId}`, name: 'Tenant' },
      recipient: { id: 'repairs-bot', name: 'Repairs bot' },
      timestamp: new Date().toISOString(),
      locale: 'en-GB',
      text,
    });
    const started = performance.now();
    const response = await fetch(`${this.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await response.arrayBuffer();
    const ms = performance.now() - started;
    this.pending.delete(conversationId);
    return { replies, ms, status: response.status };
  }
}

/** The titles of the buttons of a reply (suggested actions or card buttons). */
export function buttonsOf(reply: Reply | undefined): string[] {
  const actions = (reply?.suggestedActions?.actions ?? []).map((a) => a.title);
  const cards = (reply?.attachments ?? []).flatMap((a) => (a.content?.buttons ?? []).map((b) => b.title));
  return [...actions, ...cards];
}

export const textOf = (replies: Reply[]): string => replies.map((r) => r.text ?? '').join('\n');
