import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleAdmin } from './admin';
import { runApiOperation } from './apiPipeline';
import { Exchange } from './exchange';
import { BodyTooLargeError, parseQuery, readBody, sendJson } from './httpIo';
import type { SimulatorCore } from './simulatorCore';
import { handleTokenRequest } from './tokenEndpoint';

/**
 * The HTTP front door: `/simulator/...` goes to the admin API, `{base}/...` to the simulated Connect (routed
 * case-insensitively, faults applied first as a flaky network would), anything else is a Web API-style 404.
 */
const TOKEN_OPERATION = 'token';

/** What the journal shows as the body: JSON when it parses, the token call without its password, else the text. */
function journalBodyOf(operationId: string | null, rawBody: string): unknown {
  if (rawBody.trim() === '') return null;
  if (operationId === TOKEN_OPERATION) {
    const form = new URLSearchParams(rawBody);
    return { grant_type: form.get('grant_type'), username: form.get('username') };
  }
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody;
  }
}

async function serveConnect(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  relativePath: string,
  rawBody: string,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const exchange = new Exchange(core, res, method, url.pathname, parseQuery(url.searchParams));
  const route = core.router.match(method, relativePath);
  if (route.kind === 'not-found') {
    exchange.journalBody = journalBodyOf(null, rawBody);
    return exchange.answer(404, { Message: `No HTTP resource was found that matches the request URI '${url.href}'.` });
  }
  if (route.kind === 'method-not-allowed') {
    exchange.journalBody = journalBodyOf(null, rawBody);
    return exchange.answer(
      405,
      { Message: `The requested resource does not support http method '${method}'.` },
      { Allow: route.allowed.join(', ') },
    );
  }
  exchange.operation = route.operation;
  exchange.journalBody = journalBodyOf(exchange.operationId, rawBody);

  const plan = core.faults.planFor(exchange.operationId ?? '');
  if (plan.delayMs > 0) await sleep(plan.delayMs);
  if (plan.drop) return exchange.drop();
  if (plan.status !== undefined) {
    return exchange.answer(plan.status, {
      Message: `Simulated fault: the simulator was told to answer ${plan.status}.`,
    });
  }
  if (exchange.operationId === TOKEN_OPERATION) return handleTokenRequest(core, exchange, rawBody);
  runApiOperation(core, exchange, req, rawBody, route.specPath);
}

async function serve(core: SimulatorCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', core.origin);
  const rawBody = await readBody(req);
  const path = url.pathname;
  if (/^\/simulator(\/|$)/i.test(path)) return handleAdmin(core, req, res, url, rawBody);
  const base = core.options.basePath.toLowerCase();
  if (path.toLowerCase().startsWith(`${base}/`))
    return serveConnect(core, req, res, url, path.slice(base.length), rawBody);
  sendJson(res, 404, { Message: `No HTTP resource was found that matches the request URI '${url.href}'.` });
}

export async function startServer(
  core: SimulatorCore,
  port: number,
  host: string,
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    serve(core, req, res).catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge) core.logger.error({ err: error }, 'simulator request failed');
      if (!res.headersSent && !res.destroyed)
        sendJson(res, tooLarge ? 413 : 500, { Message: 'An error has occurred.' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, origin: `http://${hostForUrl}:${address.port}` };
}

export async function stopServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  server.closeAllConnections(); // keep-alive sockets of clients would otherwise hold close() open
  await closed;
}
