import { randomBytes } from 'node:crypto';
import { createAdapter } from './bot/createAdapter';
import { createBot } from './bot/createBot';
import { ProactiveMessenger } from './bot/proactive/proactiveMessenger';
import { type BotStorage, createStorage } from './bot/storage/createStorage';
import { type Config } from './config';
import { createConnectClient, createConnectFacade, type ConnectFacade } from './connect';
import { createSimulator, type Simulator } from './connect/simulator';
import { type LocalMailServer, startLocalMailServer } from './local/localMailServer';
import { createLogger, type Logger } from './logging/logger';
import { SmtpRepairsTeamMail } from './repairs/handoff/smtpRepairsTeamMail';
import { LearningLog } from './repairs/learning';
import { OrderRegistry } from './repairs/orders/orderRegistry';
import { StorageRecordStore } from './bot/storage/storageRecordStore';
import { loadCatalogue } from './repairs/catalogue';
import { type ConnectEvent, EventLedger, EventProcessor, EventQueue } from './repairs/events';
import { RepairServices } from './repairs/repairServices';
import { TenantDirectory } from './repairs/tenants';
import { DEFAULT_TENANTS_PATH } from './repairs/tenants/defaultTenants';
import { type Clock, systemClock } from './repairs/time';
import { type Server } from 'restify';
import { BotApiContract, CONNECT_EVENTS_PATH } from './server/botApiContract';
import { createServer, listen } from './server/createServer';
import { mountConnectEvents } from './server/routes/connectEvents';
import { mountHealth } from './server/routes/health';
import { mountMessages } from './server/routes/messages';
import { mountSms } from './server/routes/sms';
import { RebasedRequestClient } from './bot/twilio/rebasedRequestClient';
import { SmsRecords } from './bot/twilio/smsRecords';
import { SmsTextMiddleware } from './bot/twilio/smsTextMiddleware';
import { TwilioSmsAdapter } from './bot/twilio/twilioSmsAdapter';
import { help } from './dialogs/messages';
import { mountWebChat } from './server/routes/webChat';
import { mountDirectLine } from './server/directLine';

export interface AppOverrides {
  /** Tests fix "now" for the bot and the embedded simulator alike. */
  clock?: Clock;
  logger?: Logger;
  /** Where the Twilio client sends its REST calls instead of https://api.twilio.com (tests: a recording server). */
  twilioApiBaseUrl?: string;
}

export interface RunningApp {
  url: string;
  simulator?: Simulator;
  /** With the TWILIO_ settings: resolves when every text received so far has been handled. */
  smsIdle?(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds every part from the settings and starts the server. With CONNECT_BASE_URL unset the Connect simulator runs
 * in this process, so `npm start` needs no Connect account. Used by `npm start` and by the end-to-end tests.
 */
async function connectTo(
  config: Config,
  logger: Logger,
  clock: Clock,
): Promise<{ connect: ConnectFacade; simulator?: Simulator }> {
  let baseUrl = config.connect.baseUrl;
  let simulator: Simulator | undefined;
  if (!baseUrl) {
    simulator = await createSimulator({
      port: config.connect.simulatorPort,
      username: config.connect.username,
      password: config.connect.password,
      logger: logger.child({ component: 'connect-simulator' }),
      now: () => clock.now(),
    });
    baseUrl = simulator.baseUrl;
    logger.info({ baseUrl, admin: `${simulator.origin}/simulator` }, 'embedded Connect simulator started');
  }
  const client = createConnectClient({
    baseUrl,
    username: config.connect.username,
    password: config.connect.password,
    timeoutMs: config.connect.timeoutMs,
    logger: logger.child({ component: 'connect' }),
  });
  return { connect: createConnectFacade(client), simulator };
}

export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  // Data first: a bad catalogue or tenant file stops start-up with every problem listed.
  const catalogue = loadCatalogue(config.cataloguePath);
  const tenants = TenantDirectory.fromFile(config.tenantsPath ?? DEFAULT_TENANTS_PATH);
  const { connect, simulator } = await connectTo(config, logger, clock);

  let storage: BotStorage | undefined;
  let server: Server | undefined;
  let events: EventQueue<ConnectEvent> | undefined;
  let mailServer: LocalMailServer | undefined;
  let mail: SmtpRepairsTeamMail | undefined;
  let sms: TwilioSmsAdapter | undefined;
  try {
    const state = createStorage(config.storage);
    storage = state;
    if (!config.mail.smtpUrl) {
      mailServer = await startLocalMailServer({ port: config.mail.localSmtpPort, folder: 'data/mail' });
      logger.info({ folder: mailServer.folder }, 'local mail server started: hand-off e-mails are kept as files');
    }
    mail = new SmtpRepairsTeamMail({
      smtpUrl: config.mail.smtpUrl ?? (mailServer as LocalMailServer).url,
      to: config.mail.repairsTeam,
      from: config.mail.from,
    });
    const records = new StorageRecordStore(state.storage);
    const orders = new OrderRegistry(records);
    const services = new RepairServices({
      connect,
      catalogue,
      tenants,
      clock,
      zone: config.timeZone,
      phones: config.phones,
      orders,
      repairsTeam: mail,
      rebookMinDays: config.rebookMinDays,
      learning: new LearningLog(new StorageRecordStore(state.storage), {
        clock,
        zone: config.timeZone,
        onError: (err) => logger.warn({ err: { name: (err as Error).name } }, 'learning log write failed'),
      }),
    });
    const { bot } = createBot({
      storage: state.storage,
      services,
      landlordName: config.landlordName,
      privacyUrl: config.privacyUrl,
    });
    const adapter = createAdapter(config.botFramework, logger.child({ component: 'bot' }), config.phones.repairs);
    // The Azure Bot Service SMS channel gets the same plain GSM-7 texts as Twilio.
    adapter.use(new SmsTextMiddleware());
    if (config.twilio) {
      sms = new TwilioSmsAdapter({
        accountSid: config.twilio.accountSid,
        authToken: config.twilio.authToken,
        fromNumber: config.twilio.number,
        records: new SmsRecords(records, config.twilio.accountSid),
        helpText: help(config.phones),
        fallbackPhone: config.phones.repairs,
        logger: logger.child({ component: 'sms' }),
        httpClient: overrides.twilioApiBaseUrl ? new RebasedRequestClient(overrides.twilioApiBaseUrl) : undefined,
        now: () => clock.now(),
      });
    }

    // Connect's updates: signed deliveries, handled in the background, told to the tenant where they reported.
    const eventsSecret = config.connectEventsSecret ?? randomBytes(32).toString('hex');
    const processor = new EventProcessor({
      orders,
      ledger: new EventLedger(records),
      connect,
      notifier: new ProactiveMessenger(adapter, config.botFramework.appId, config.landlordName, sms),
      clock,
      zone: config.timeZone,
      repairsPhone: config.phones.repairs,
      logger: logger.child({ component: 'connect-events' }),
    });
    const queue = new EventQueue<ConnectEvent>({
      work: (event) => processor.handle(event),
      keyOf: (event) => event.orderNumber.toUpperCase(),
    });
    events = queue;
    const contract = await BotApiContract.load();

    server = createServer(logger);
    mountMessages(server, adapter, bot);
    // The website widget and its demo page; the local Direct Line only in local mode (no Bot Framework app id).
    mountWebChat(server);
    if (!config.botFramework.appId) mountDirectLine(server, { adapter, bot });
    if (sms && config.twilio) {
      mountSms(server, {
        adapter: sms,
        bot,
        authToken: config.twilio.authToken,
        webhookUrl: config.twilio.webhookUrl,
        logger: logger.child({ component: 'sms' }),
      });
    }
    mountConnectEvents(server, {
      secret: eventsSecret,
      contract,
      clock,
      accept: (event) => queue.offer(event),
      logger: logger.child({ component: 'connect-events' }),
    });
    mountHealth(server, {
      connect: async () => (await connect.getPlanningWindows()).length > 0,
      storage: () => state.isWritable(),
    });
    await listen(server, config.port);
    const localUrl = `http://127.0.0.1:${server.address().port}`;
    // The embedded simulator plays Connect: it gets the secret (made up above when none was set) and the local URL.
    simulator?.setEventsTarget({ url: `${localUrl}${CONNECT_EVENTS_PATH}`, secret: eventsSecret });
    const eventsUrl = `${(config.publicBaseUrl ?? localUrl).replace(/\/+$/, '')}${CONNECT_EVENTS_PATH}`;
    logger.info({ url: eventsUrl }, 'Connect events web service ready (the URL to give Connect)');
  } catch (error) {
    // What did start must not outlive a failed start-up: the embedded simulator would hold its port, SQLite its file.
    await events?.close().catch(() => undefined);
    storage?.close();
    mail?.close();
    await mailServer?.close().catch(() => undefined);
    await simulator?.close().catch(() => undefined);
    throw error;
  }
  logger.info({ port: server.address().port, tenants: tenants.size }, 'repairs bot listening');

  const address = server.address();
  const [running, state, sender, localMail, queue, texts] = [server, storage, mail, mailServer, events, sms];
  return {
    url: `http://127.0.0.1:${address.port}`,
    simulator,
    smsIdle: texts ? () => texts.idle() : undefined,
    async close() {
      await new Promise<void>((resolve) => running.close(() => resolve()));
      await texts?.idle();
      // Updates already accepted are finished while Connect and the storage are still there.
      await queue?.close();
      await simulator?.close();
      sender.close();
      await localMail?.close();
      state.close();
    },
  };
}
