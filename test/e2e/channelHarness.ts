import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Activity } from 'botbuilder';

/**
 * Plays a Bot Framework channel on loopback: posts activities to the bot's /api/messages with a serviceUrl that
 * points here, and collects the replies the bot sends back through the Bot Connector API
 * (POST /v3/conversations/{id}/activities[/{replyToId}]).
 */
export class ChannelHarness {
  private server?: http.Server;
  private readonly replies = new Map<string, Partial<Activity>[]>();
  private waiters: (() => void)[] = [];
  private sequence = 0;
  /**
   * Activity ids are unique within a conversation, as a channel makes them: the bot drops an id it has handled
   * before (a redelivery), so a harness started again on the same conversation must not reuse in-1, in-2…
   */
  private readonly idPrefix = randomUUID().slice(0, 8);
  serviceUrl = '';

  constructor(
    private readonly botUrl: string,
    private readonly channelId = 'directline',
  ) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (req.method === 'POST' && match?.[1]) {
          const conversationId = decodeURIComponent(match[1]);
          const activity = JSON.parse(body) as Partial<Activity>;
          const list = this.replies.get(conversationId) ?? [];
          list.push(activity);
          this.replies.set(conversationId, list);
          this.waiters.splice(0).forEach((wake) => wake());
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `reply-${++this.sequence}` }));
          return;
        }
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Every message the bot has sent in a conversation (typing indicators left out). */
  messages(conversationId: string): Partial<Activity>[] {
    return (this.replies.get(conversationId) ?? []).filter((a) => a.type === 'message');
  }

  async post(conversationId: string, activity: Partial<Activity>): Promise<number> {
    const response = await fetch(`${this.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `in-${this.idPrefix}-${++this.sequence}`,
        channelId: this.channelId,
        serviceUrl: this.serviceUrl,
        conversation: { id: conversationId },
        from: { id: `user-${conversationId}`, name: 'Tenant' },
        recipient: { id: 'repairs-bot', name: 'Repairs bot' },
        timestamp: new Date().toISOString(),
        locale: 'en-GB',
        ...activity,
      }),
    });
    return response.status;
  }

  /** Sends the tenant's text and waits until the bot has said everything it says to it; returns those messages. */
  async say(conversationId: string, text: string): Promise<Partial<Activity>[]> {
    const before = this.messages(conversationId).length;
    const status = await this.post(conversationId, { text });
    if (status >= 300) throw new Error(`the bot answered ${status}`);
    // The bot sends its replies before answering the POST, so they are all here by now.
    return this.messages(conversationId).slice(before);
  }
}

/** The text a tenant sees in a reply, including the titles of its buttons or card buttons. */
export function visibleText(activity: Partial<Activity>): string {
  const buttons = [
    ...(activity.suggestedActions?.actions ?? []).map((a) => a.title),
    ...(activity.attachments ?? []).flatMap((att) =>
      ((att.content as { buttons?: { title: string }[] } | undefined)?.buttons ?? []).map((b) => b.title),
    ),
  ];
  const cardText = (activity.attachments ?? [])
    .map((att) => (att.content as { text?: string } | undefined)?.text ?? '')
    .join('\n');
  return [activity.text ?? '', cardText, ...buttons].filter(Boolean).join('\n');
}
