import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Activity, type CardAction } from 'botbuilder';

/** What the terminal shows of one message from the bot, and the choices it offers. */
export interface RenderedReply {
  text: string;
  /** The value each numbered choice sends (an imBack button's value, else its title). */
  choices: string[];
}

/**
 * Plays a Bot Framework channel for the terminal, the way Web Chat or the Emulator talks to the bot: activities
 * go to the bot's POST /api/messages with a serviceUrl pointing at this loopback server, where the bot's replies
 * arrive through the Bot Connector API (POST /v3/conversations/{id}/activities). Loopback only: the bot, run
 * without Bot Framework credentials, takes unauthenticated activities from this machine alone.
 */
export class ChatChannel {
  private server?: http.Server;
  private serviceUrl = '';
  private sequence = 0;
  readonly conversationId = `terminal-${Date.now().toString(36)}`;

  /** `onReply` gets every message the bot sends, as it arrives (proactive updates included). */
  constructor(
    private readonly botUrl: string,
    private readonly onReply: (activity: Partial<Activity>) => void,
    /** The channel the bot sees: emulator shows choices as buttons, which the terminal numbers. */
    private readonly channelId = 'emulator',
  ) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        if (req.method !== 'POST' || !/^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
          res.writeHead(404).end();
          return;
        }
        try {
          this.onReply(JSON.parse(body) as Partial<Activity>);
        } catch {
          // Not an activity: nothing to show.
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${++this.sequence}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The tenant opens the chat: the bot's welcome. */
  join(): Promise<void> {
    return this.post({ type: 'conversationUpdate', membersAdded: [{ id: 'terminal-user', name: 'You' }] });
  }

  /** The tenant's message; resolves once the bot has answered it (its replies are sent before the POST returns). */
  say(text: string): Promise<void> {
    return this.post({ type: 'message', text });
  }

  private async post(activity: Partial<Activity>): Promise<void> {
    const response = await fetch(`${this.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `terminal-${++this.sequence}`,
        channelId: this.channelId,
        serviceUrl: this.serviceUrl,
        conversation: { id: this.conversationId },
        from: { id: 'terminal-user', name: 'You' },
        recipient: { id: 'repairs-bot', name: 'Repairs bot' },
        timestamp: new Date().toISOString(),
        locale: 'en-GB',
        ...activity,
      }),
    });
    if (response.status >= 300) throw new Error(`the bot answered ${response.status}`);
  }
}

const valueOf = (action: CardAction) =>
  typeof action.value === 'string' && action.value.trim() !== '' ? action.value : action.title;

/** A message as lines of text with its buttons (suggested actions or a card's) numbered; undefined: nothing to show. */
export function renderReply(activity: Partial<Activity>): RenderedReply | undefined {
  if (activity.type !== 'message') return undefined;
  const cards = (activity.attachments ?? []).map(
    (attachment) => (attachment.content ?? {}) as { title?: string; text?: string; buttons?: CardAction[] },
  );
  const actions = [...(activity.suggestedActions?.actions ?? []), ...cards.flatMap((card) => card.buttons ?? [])];
  const text = [activity.text ?? '', ...cards.flatMap((card) => [card.title ?? '', card.text ?? ''])]
    .filter((part) => part.trim() !== '')
    .join('\n');
  const lines = [text, ...actions.map((action, i) => `  ${i + 1}. ${action.title}`)].filter(Boolean);
  if (lines.length === 0) return undefined;
  return { text: lines.join('\n'), choices: actions.map(valueOf) };
}

/** The number of a choice on screen stands for the choice; anything else is sent as typed. */
export function answerFor(typed: string, choices: readonly string[]): string {
  const number = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(typed)?.[1];
  const chosen = number ? choices[Number(number) - 1] : undefined;
  return chosen ?? typed;
}
