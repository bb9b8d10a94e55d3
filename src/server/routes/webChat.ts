import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { newNonce, pageHeaders } from '../securityHeaders';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The web folder of the repository (the same from src/ under ts-jest and from dist/ after the build). */
export const WEB_DIR = path.join(ROOT, 'web');
/** Bot Framework Web Chat's own browser bundle, served from node_modules: never from a CDN. */
export const WEBCHAT_BUNDLE = path.join(ROOT, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');

/** Where a page puts the nonce of its answer (on the widget's script tag): see pageContentSecurityPolicy. */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

function serveFile(file: string, contentType: string, cacheSeconds: number) {
  return async (_req: Request, res: Response) => {
    let body: Buffer;
    try {
      body = await fs.promises.readFile(file);
    } catch {
      res.json(404, { code: 'NotFound', message: 'The file is not there.' });
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentType,
      'Content-Length': body.length,
      'Cache-Control': `public, max-age=${cacheSeconds}`,
    });
    res.end(body);
  };
}

/**
 * An HTML page with its content security policy: a new nonce each time, written into the page where it says
 * NONCE_PLACEHOLDER and into the policy, so the page is never cached (a cached page would reuse a nonce).
 */
function servePage(file: string) {
  return async (_req: Request, res: Response) => {
    let html: string;
    try {
      html = await fs.promises.readFile(file, 'utf8');
    } catch {
      res.json(404, { code: 'NotFound', message: 'The file is not there.' });
      return;
    }
    const nonce = newNonce();
    const body = Buffer.from(html.split(NONCE_PLACEHOLDER).join(nonce), 'utf8');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...pageHeaders(nonce),
    });
    res.end(body);
  };
}

/**
 * The website widget's files: GET / (the demo housing page), /widget.js (the script a website includes),
 * /widget.css (its styles) and /webchat/webchat.js (Web Chat's bundle, from node_modules). Every answer has the
 * server's security headers (securityHeaders.ts); the page has its own content security policy as well.
 */
export function mountWebChat(server: Server): void {
  server.get('/', servePage(path.join(WEB_DIR, 'index.html')));
  server.get('/widget.js', serveFile(path.join(WEB_DIR, 'widget.js'), 'text/javascript; charset=utf-8', 300));
  server.get('/widget.css', serveFile(path.join(WEB_DIR, 'widget.css'), 'text/css; charset=utf-8', 300));
  server.get('/site.css', serveFile(path.join(WEB_DIR, 'site.css'), 'text/css; charset=utf-8', 300));
  server.get('/webchat/webchat.js', serveFile(WEBCHAT_BUNDLE, 'text/javascript; charset=utf-8', 86400));
}
