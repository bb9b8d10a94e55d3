import restify, { type Server } from 'restify';
import type { Logger } from '../logging/logger';

export const MAX_BODY_BYTES = 256 * 1024;

/** The HTTP server every route hangs off; routes are mounted by the composition root. */
export function createServer(logger: Logger): Server {
  const server = restify.createServer({ name: 'repairs-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Activities are small; anything bigger is refused before it reaches the bot (413).
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.on('restifyError', (req, res, err, callback) => {
    // Status and route only: bodies and query strings can hold personal data.
    logger.warn({ status: err.statusCode, method: req.method, route: req.getRoute()?.path }, 'request failed');
    return callback();
  });
  return server;
}

export async function listen(server: Server, port: number, host = '0.0.0.0'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}
