import { createAdapter } from './bot/createAdapter';
import { createBot } from './bot/createBot';
import { type BotStorage, createStorage } from './bot/storage/createStorage';
import { type Config } from './config';
import { createConnectClient, createConnectFacade, type ConnectFacade } from './connect';
import { createSimulator, type Simulator } from './connect/simulator';
import { createLogger, type Logger } from './logging/logger';
import { loadCatalogue } from './repairs/catalogue';
import { RepairServices } from './repairs/repairServices';
import { TenantDirectory } from './repairs/tenants';
import { DEFAULT_TENANTS_PATH } from './repairs/tenants/defaultTenants';
import { type Clock, systemClock } from './repairs/time';
import { type Server } from 'restify';
import { createServer, listen } from './server/createServer';
import { mountHealth } from './server/routes/health';
import { mountMessages } from './server/routes/messages';

export interface AppOverrides {
  /** Tests fix "now" for the bot and the embedded simulator alike. */
  clock?: Clock;
  logger?: Logger;
}

export interface RunningApp {
  url: string;
  simulator?: Simulator;
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
  try {
    const services = new RepairServices({
      connect,
      catalogue,
      tenants,
      clock,
      zone: config.timeZone,
      phones: config.phones,
    });
    const state = createStorage(config.storage);
    storage = state;
    const { bot } = createBot({
      storage: state.storage,
      services,
      landlordName: config.landlordName,
      privacyUrl: config.privacyUrl,
    });
    const adapter = createAdapter(config.botFramework, logger.child({ component: 'bot' }), config.phones.repairs);

    server = createServer(logger);
    mountMessages(server, adapter, bot);
    mountHealth(server, {
      connect: async () => (await connect.getPlanningWindows()).length > 0,
      storage: () => state.isWritable(),
    });
    await listen(server, config.port);
  } catch (error) {
    // What did start must not outlive a failed start-up: the embedded simulator would hold its port, SQLite its file.
    storage?.close();
    await simulator?.close().catch(() => undefined);
    throw error;
  }
  logger.info({ port: server.address().port, tenants: tenants.size }, 'repairs bot listening');

  const address = server.address();
  const [running, state] = [server, storage];
  return {
    url: `http://127.0.0.1:${address.port}`,
    simulator,
    async close() {
      await new Promise<void>((resolve) => running.close(() => resolve()));
      await simulator?.close();
      state.close();
    },
  };
}
