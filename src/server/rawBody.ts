import type { Request, Server } from 'restify';

/**
 * The exact bytes of a request's body, for routes that must check a signature over them. restify's body parser
 * decodes and parses every body before any route runs; for the routes named here the body is read first, as
 * bytes, up to `limit`, and the parser is told it has been read (restify skips a body already read), so the route
 * authenticates before anything is parsed. A larger body is read to its end and dropped, so the route can answer
 * 413 rather than break the connection.
 */
export interface RawBody {
  bytes: Buffer;
  tooLarge: boolean;
}

const RAW_BODY = Symbol('rawBody');
/** Past this a sender is not waiting for an answer; the connection is cut. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

type WithRawBody = Request & { [RAW_BODY]?: RawBody; _readBody?: boolean };

const normalisePath = (p: string) => p.replace(/\/+$/, '') || '/';

export function captureRawBody(server: Server, method: string, routePath: string, limit: number): void {
  server.pre((req, _res, next) => {
    if (req.method !== method || normalisePath(req.getPath()) !== routePath) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      const target = req as WithRawBody;
      target[RAW_BODY] = { bytes: Buffer.concat(chunks), tooLarge: size > limit };
      target._readBody = true; // restify's bodyReader then leaves the stream alone
      next();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.once('end', finish);
    req.once('error', () => undefined); // an aborted request has nobody to answer
  });
}

/** The body captured for this request; undefined when the route was not registered with captureRawBody. */
export function rawBodyOf(req: Request): RawBody | undefined {
  return (req as WithRawBody)[RAW_BODY];
}
