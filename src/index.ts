// First: the wish parser's worker, so that it builds its model while this thread loads the rest.
import { earlyWishParser } from './earlyWishParser';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';

/** `npm start`: settings from the environment, then the whole app; stops cleanly on SIGINT and SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await startApp(config, { wishParser: earlyWishParser });
  process.stdout.write(
    `Repairs bot: ${app.url}${app.simulator ? ` (Connect simulator at ${app.simulator.baseUrl})` : ''}\n`,
  );
  const stop = () => {
    // Connections that will not finish must not keep a stopping instance alive forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`repairs bot failed to start: ${message}\n`);
  process.exit(1);
});
