import { loadConfig, ConfigError, type Config } from './config';
import { createConnectClient, createConnectFacade, type ConnectFacade } from './connect';
import { createSimulator, type Simulator } from './connect/simulator';
import { createLogger, type Logger } from './logging/logger';
import { createServer, listen } from './server/createServer';
import { mountHealth } from './server/routes/health';

/**
 * Composition root: read the settings, build every part, start. With CONNECT_BASE_URL unset the Connect
 * simulator runs in this process, so `npm start` needs no Connect account.
 */
async function connectTo(config: Config, logger: Logger): Promise<{ connect: ConnectFacade; simulator?: Simulator }> {
  let baseUrl = config.connect.baseUrl;
  let simulator: Simulator | undefined;
  if (!baseUrl) {
    simulator = await createSimulator({
      port: config.connect.simulatorPort,
      username: config.connect.username,
      password: config.connect.password,
      logger: logger.child({ component: 'connect-simulator' }),
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

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { connect, simulator } = await connectTo(config, logger);

  const server = createServer(logger);
  mountHealth(server, {
    connect: async () => (await connect.getPlanningWindows()).length > 0,
  });
  await listen(server, config.port);
  logger.info({ port: config.port }, `repairs bot listening on http://127.0.0.1:${config.port}`);

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close();
    Promise.resolve(simulator?.close())
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
    // Connections that will not finish must not keep a stopping instance alive forever.
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`repairs bot failed to start: ${message}\n`);
  process.exit(1);
});
