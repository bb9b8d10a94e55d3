import pino from 'pino';
import { createSimulator } from './index';
import { DEFAULT_PASSWORD, DEFAULT_USERNAME } from './options';

/**
 * `npm run simulator`: a Connect simulator on its own, for the bot in development and for demos.
 * CONNECT_SIMULATOR_PORT (default 5055), CONNECT_USERNAME and CONNECT_PASSWORD (the credentials it accepts);
 * CONNECT_EVENTS_URL (the bot's events web service, e.g. http://127.0.0.1:3978/api/connect/events) and
 * CONNECT_EVENTS_SECRET (the bot's secret) let POST /simulator/events reach the bot.
 */
async function main(): Promise<void> {
  const logger = pino({ name: 'connect-simulator' });
  const port = Number(process.env.CONNECT_SIMULATOR_PORT ?? 5055);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`CONNECT_SIMULATOR_PORT is not a port: ${process.env.CONNECT_SIMULATOR_PORT}`);
  const simulator = await createSimulator({
    port,
    host: process.env.CONNECT_SIMULATOR_HOST ?? '127.0.0.1',
    username: process.env.CONNECT_USERNAME || DEFAULT_USERNAME,
    password: process.env.CONNECT_PASSWORD || DEFAULT_PASSWORD,
    logger,
    eventsTarget:
      process.env.CONNECT_EVENTS_URL && process.env.CONNECT_EVENTS_SECRET
        ? { url: process.env.CONNECT_EVENTS_URL, secret: process.env.CONNECT_EVENTS_SECRET }
        : undefined,
  });
  logger.info(
    { baseUrl: simulator.baseUrl, admin: `${simulator.origin}/simulator` },
    `Connect simulator listening at ${simulator.baseUrl}`,
  );
  const stop = (signal: string): void => {
    logger.info({ signal }, 'Connect simulator stopping');
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'Connect simulator did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Connect simulator failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
