import type * as TwilioSmsAdapterModule from './bot/twilio/twilioSmsAdapter';
import type * as RebasedRequestClientModule from './bot/twilio/rebasedRequestClient';
import type * as SmsRouteModule from './server/routes/sms';
import type * as DirectLineTokenRouteModule from './server/routes/directLineToken';
import { type WishParser } from './repairs/slots';
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
import { Outbox, OutboxSender } from './repairs/outbox';
import { TenantDirectory } from './repairs/tenants';
import { DEFAULT_TENANTS_PATH } from './repairs/tenants/defaultTenants';
import { type Clock, systemClock } from './repairs/time';
import { type Server } from 'restify';
import { BotApiContract, CONNECT_EVENTS_PATH } from './server/botApiContract';
import { createServer, listen } from './server/createServer';
import { mountConnectEvents } from './server/routes/connectEvents';
import { mountHealth } from './server/routes/health';
import { mountMessages } from './server/routes/messages';
import { SmsRecords } from './bot/twilio/smsRecords';
import { type TwilioSmsAdapter } from './bot/twilio/twilioSmsAdapter';
import { help } from './dialogs/messages';
import { mountWebChat } from './server/routes/webChat';
import { mountDirectLine } from './server/directLine';
import { SiteIdentityVerifier } from './repairs/tenants';
import { createFunnel } from './repairs/telemetry/createFunnel';
import { TurnLogging } from './bot/turnLogging';
import { useTurnMiddleware } from './bot/turnMiddleware';
import { FunnelTurns } from './bot/funnelTurns';

export interface AppOverrides {
  /** Tests fix "now" for the bot and the embedded simulator alike. */
  clock?: Clock;
  logger?: Logger;
  /** Where the Twilio client sends its REST calls instead of https://api.twilio.com (tests: a recording server). */
  twilioApiBaseUrl?: string;
  /** The wish parser (npm start: one in a worker thread, started before the app loads); else one built here. */
  wishParser?: WishParser;
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
    circuitBreaker: config.connect.breaker,
    logger: logger.child({ component: 'connect' }),
  });
  return { connect: createConnectFacade(client), simulator };
}

/**
 * True when the bot runs all on this machine: no Bot Framework credentials and no real Connect. Only then are the
 * unauthenticated helpers served (the local Direct Line; the simulator's admin API exists only with the embedded
 * simulator, on its own port).
 */
export function localOnly(config: Config): boolean {
  return !config.botFramework.appId && !config.connect.baseUrl;
}

export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  // Data first: a bad catalogue or tenant file stops start-up with every problem listed.
  const catalogue = loadCatalogue(config.cataloguePath);
  const funnel = createFunnel(config.telemetry, clock, (err) =>
    logger.warn({ err: { name: (err as Error).name } }, 'funnel event not written'),
  );
  const tenants = TenantDirectory.fromFile(config.tenantsPath ?? DEFAULT_TENANTS_PATH);
  const { connect, simulator } = await connectTo(config, logger, clock);

  let storage: BotStorage | undefined;
  let server: Server | undefined;
  let events: EventQueue<ConnectEvent> | undefined;
  let mailServer: LocalMailServer | undefined;
  let mail: SmtpRepairsTeamMail | undefined;
  let sms: TwilioSmsAdapter | undefined;
  let outboxSender: OutboxSender | undefined;
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
    // Reports Connect could not take wait here, in the same storage as the conversations (see OutboxSender below).
    const outbox = new Outbox(records);
    const services = new RepairServices({
      wishParser: overrides.wishParser,
      connect,
      catalogue,
      tenants,
      clock,
      zone: config.timeZone,
      phones: config.phones,
      orders,
      repairsTeam: mail,
      rebookMinDays: config.rebookMinDays,
      outbox,
      siteIdentity: config.siteIdentity ? new SiteIdentityVerifier(config.siteIdentity, () => clock.now()) : undefined,
      funnel,
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
      logger: logger.child({ component: 'turns' }),
    });
    const adapter = createAdapter(config.botFramework, logger.child({ component: 'bot' }), config.phones.repairs, {
      slowReplyNoticeMs: config.slowReplyNoticeMs,
    });
    useTurnMiddleware(adapter, logger);
    const twilioParts = config.twilio ? loadTwilioParts() : undefined;
    if (config.twilio && twilioParts) {
      const { TwilioSmsAdapter, RebasedRequestClient } = twilioParts;
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
      sms.use(new TurnLogging(logger.child({ component: 'turn' })), new FunnelTurns());
    }

    // Connect's updates and the outbox's "your report has gone" reach the tenant the same way, where they reported.
    const notifier = new ProactiveMessenger(adapter, config.botFramework.appId, config.landlordName, sms);
    outboxSender = new OutboxSender({
      outbox,
      services,
      notifier,
      logger: logger.child({ component: 'outbox' }),
      intervalMs: config.outboxRetryMs,
    });
    // Connect's updates: signed deliveries, handled in the background, told to the tenant where they reported.
    const eventsSecret = config.connectEventsSecret ?? randomBytes(32).toString('hex');
    const processor = new EventProcessor({
      orders,
      ledger: new EventLedger(records),
      connect,
      notifier,
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
    // Without an app id the adapter takes activities unauthenticated: then only this machine may post them.
    mountMessages(server, adapter, bot, { loopbackOnly: !config.botFramework.appId });
    // The website widget and its demo page; the local Direct Line (no channel authentication) only when the bot runs
    // all on this machine: no Bot Framework credentials and the embedded simulator, never against a real Connect.
    mountWebChat(server);
    if (localOnly(config)) mountDirectLine(server, { adapter, bot });
    if (config.directLine.secret) {
      loadDirectLineTokenRoute().mountDirectLineToken(server, {
        ...config.directLine,
        secret: config.directLine.secret,
        logger: logger.child({ component: 'direct-line-token' }),
      });
    }
    if (sms && config.twilio && twilioParts) {
      twilioParts.mountSms(server, {
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
    // Ready means the wish parser's model is built (a worker's may still be building): one parse waits for it.
    services.wishParser.recognise('tomorrow', new Date());
    await listen(server, config.port);
    // Reports kept while Connect was down (by this instance or another, before a restart) go out from now on.
    outboxSender.start();
    const localUrl = `http://127.0.0.1:${server.address().port}`;
    // The embedded simulator plays Connect: it gets the secret (made up above when none was set) and the local URL.
    simulator?.setEventsTarget({ url: `${localUrl}${CONNECT_EVENTS_PATH}`, secret: eventsSecret });
    // Listening: the simulator's remaining validators are compiled in the background, one every
    // SIMULATOR_WARM_UP_PAUSE_MS, so that the first health check and turns are not held up by a run of compiles.
    void simulator?.warmUp(SIMULATOR_WARM_UP_PAUSE_MS);
    const eventsUrl = `${(config.publicBaseUrl ?? localUrl).replace(/\/+$/, '')}${CONNECT_EVENTS_PATH}`;
    logger.info({ url: eventsUrl }, 'Connect events web service ready (the URL to give Connect)');
  } catch (error) {
    // What did start must not outlive a failed start-up: the embedded simulator would hold its port, SQLite its file.
    await outboxSender?.stop().catch(() => undefined);
    await funnel.recorder.close().catch(() => undefined);
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
  const outboxRounds = outboxSender;
  return {
    url: `http://127.0.0.1:${address.port}`,
    simulator,
    smsIdle: texts ? () => texts.idle() : undefined,
    async close() {
      await new Promise<void>((resolve) => running.close(() => resolve()));
      await texts?.idle();
      // A round of the outbox under way finishes (its report sent or given back) before Connect and storage go.
      await outboxRounds?.stop();
      // Updates already accepted are finished while Connect and the storage are still there.
      await queue?.close();
      await simulator?.close();
      sender.close();
      await localMail?.close();
      state.close();
      // Funnel events of the last turns are written (or sent to Application Insights) before the process ends.
      await funnel.recorder.close();
    },
  };
}

const SIMULATOR_WARM_UP_PAUSE_MS = 25;

/** Loaded only with DIRECT_LINE_SECRET: the route and its rate limiter cost 20 ms of start-up otherwise. */
function loadDirectLineTokenRoute(): typeof DirectLineTokenRouteModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./server/routes/directLineToken') as typeof DirectLineTokenRouteModule;
}

/** Loaded only with the TWILIO_ settings: the twilio package costs about a quarter of a second of start-up. */
function loadTwilioParts() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require('./bot/twilio/twilioSmsAdapter') as typeof TwilioSmsAdapterModule),
    ...(require('./bot/twilio/rebasedRequestClient') as typeof RebasedRequestClientModule),
    ...(require('./server/routes/sms') as typeof SmsRouteModule),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
