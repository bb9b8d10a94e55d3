import {
  type Activity,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { type Logger } from '../../logging/logger';
import { type SmsRecords } from './smsRecords';
import { SmsTextMiddleware } from './smsTextMiddleware';

import { TWILIO_SMS_CHANNEL } from '../../dialogs/render/channelKind';

/** Informational only: replies go through the REST client, not to a Bot Connector service. */
export const TWILIO_SERVICE_URL = 'https://api.twilio.com/';

/** The form fields of Twilio's incoming-message webhook that the bot uses. */
export interface InboundSms {
  from: string;
  body: string;
  messageSid: string;
}

export interface TwilioSmsAdapterOptions {
  accountSid: string;
  authToken: string;
  /** TWILIO_NUMBER, E.164: the sender of every text. */
  fromNumber: string;
  records: SmsRecords;
  /** The bot's help text, the answer to HELP. */
  helpText: string;
  fallbackPhone: string;
  logger: Logger;
  /** Twilio's RequestClient, or one that sends its calls elsewhere (tests). */
  httpClient?: RequestClient;
  now?: () => Date;
}

type Logic = (context: TurnContext) => Promise<void>;

/** Twilio's standard opt-out and opt-in keywords ("CANCEL" is left to the bot, where it ends the task in hand). */
const STOP = /^(stop|stopall|unsubscribe|end|quit)[.!]*$/i;
const START = /^(start|unstop)[.!]*$/i;
const HELP = /^(help|info)[.!?]*$/i;

/**
 * A thin Bot Framework adapter over the official twilio package: an incoming text becomes a message activity on
 * channel 'twilio-sms' (its conversation id a keyed hash of the number) and runs the same bot as every channel;
 * what the bot sends goes out with messages.create from TWILIO_NUMBER, as GSM-7 text of at most three segments a
 * message. Texts from one number are handled one at a time, in order. STOP (Twilio sends the carrier's answer)
 * is recorded and nothing more is sent to that number, proactive messages included, until START.
 */
export class TwilioSmsAdapter extends BotAdapter {
  private readonly client: ReturnType<typeof twilio>;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly now: () => Date;

  constructor(private readonly options: TwilioSmsAdapterOptions) {
    super();
    this.client = twilio(options.accountSid, options.authToken, { httpClient: options.httpClient });
    this.now = options.now ?? (() => new Date());
    this.use(new SmsTextMiddleware());
    this.onTurnError = async (context, error) => {
      // The error's name and where it happened only: its message may quote what the tenant typed.
      options.logger.error(
        {
          err: { name: error.name, stack: error.stack?.split('\n').slice(1, 6).join('\n') },
          channel: TWILIO_SMS_CHANNEL,
        },
        'turn failed',
      );
      await context.sendActivity(
        `Sorry, something went wrong on our side. What you have told me so far is kept: please send your last message again. If it keeps happening, call us on ${options.fallbackPhone}.`,
      );
    };
  }

  /**
   * Takes a text from Twilio: 'repeat' when its MessageSid was taken before (by any instance), otherwise the turn is
   * queued behind the number's earlier texts and 'accepted' returned at once, so the webhook is answered in time.
   */
  async accept(sms: InboundSms, logic: Logic): Promise<'accepted' | 'repeat'> {
    if (!(await this.options.records.firstDelivery(sms.messageSid, this.now()))) return 'repeat';
    const id = this.options.records.idOf(sms.from);
    const previous = this.chains.get(id) ?? Promise.resolve();
    const current = previous.then(() => this.handle(id, sms, logic)).catch((error: unknown) => this.failed(error));
    this.chains.set(id, current);
    void current.finally(() => {
      if (this.chains.get(id) === current) this.chains.delete(id);
    });
    return 'accepted';
  }

  /** Resolves when every text taken so far has been handled (tests, and a clean shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private async handle(id: string, sms: InboundSms, logic: Logic): Promise<void> {
    const { records, logger } = this.options;
    const text = sms.body.trim();
    await records.rememberNumber(id, sms.from);
    if (STOP.test(text)) {
      await records.setOptedOut(id, true, this.now());
      logger.info({ conversation: id }, 'SMS opt-out recorded');
      return;
    }
    if (START.test(text)) {
      await records.setOptedOut(id, false, this.now());
      logger.info({ conversation: id }, 'SMS opt-in recorded');
      return this.runMiddleware(this.contextFor(id, sms), async (context) => {
        await context.sendActivity('You will get texts from us again. Tell me what needs repairing.');
      });
    }
    // Opted out: nothing is sent until START, so nothing is asked either.
    if (await records.isOptedOut(id)) return;
    if (HELP.test(text)) {
      return this.runMiddleware(this.contextFor(id, sms), async (context) => {
        await context.sendActivity(this.options.helpText);
      });
    }
    await this.runMiddleware(this.contextFor(id, sms), logic);
  }

  private contextFor(id: string, sms: InboundSms): TurnContext {
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: sms.messageSid,
      channelId: TWILIO_SMS_CHANNEL,
      serviceUrl: TWILIO_SERVICE_URL,
      conversation: { id, isGroup: false, conversationType: 'personal', name: 'sms' },
      from: { id, name: 'Tenant' },
      recipient: { id: 'repairs-bot', name: 'Repairs bot' },
      text: sms.body,
      // The sender's number for this turn only (the known-mobile check); ids and stored references never hold it.
      channelData: { smsFrom: sms.from },
      textFormat: 'plain',
      locale: 'en-GB',
      timestamp: this.now(),
    };
    return new TurnContext(this, activity);
  }

  private failed(error: unknown): void {
    const name = error instanceof Error ? error.name : 'Error';
    this.options.logger.error({ err: { name }, channel: TWILIO_SMS_CHANNEL }, 'SMS turn failed');
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const { records } = this.options;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const id = activity.conversation?.id;
      if (activity.type !== ActivityTypes.Message || !activity.text || !id) {
        responses.push({ id: '' });
        continue;
      }
      const to = await records.numberOf(id);
      if (!to) throw new Error('No phone number is known for this SMS conversation');
      if (await records.isOptedOut(id)) {
        this.options.logger.info({ conversation: id }, 'SMS not sent: the tenant texted STOP');
        responses.push({ id: '' });
        continue;
      }
      const message = await this.client.messages.create({ from: this.options.fromNumber, to, body: activity.text });
      responses.push({ id: message.sid });
    }
    return responses;
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  updateActivity(): Promise<void> {
    return Promise.reject(new Error('A text message cannot be changed once sent'));
  }

  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('A text message cannot be deleted once sent'));
  }
}
