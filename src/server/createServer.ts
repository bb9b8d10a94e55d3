import restify, { type Server } from 'restify';
import type { Logger } from '../logging/logger';
import { CONNECTOR_REPLY_MAX_BODY_BYTES, parseBodies } from './requestBodies';
import { useSecurityHeaders } from './securityHeaders';

/** The largest body any route reads; each route has its own, smaller or equal (requestBodies.ts). */
export const MAX_BODY_BYTES = CONNECTOR_REPLY_MAX_BODY_BYTES;

/** The HTTP server every route hangs off; routes are mounted by the composition root. */
export function createServer(logger: Logger): Server {
  const server = restify.createServer({ name: 'repairs-bot', handleUncaughtExceptions: false });
  useSecurityHeaders(server);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Bodies are refused over their route's limit (413) before they reach the bot.
  parseBodies(server);
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
