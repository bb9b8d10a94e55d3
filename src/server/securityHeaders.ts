import { randomBytes } from 'node:crypto';
import type { Server } from 'restify';

/**
 * Headers every response carries, whatever the route (404s and 413s included): the API answers are JSON or TwiML
 * that no browser should sniff, frame or cache, and the few pages are covered by their own policy (pageHeaders).
 * Strict-Transport-Security is ignored by browsers over plain http (local runs) and takes effect behind App Service's
 * TLS. No Cross-Origin-Resource-Policy: housing websites load widget.js and Web Chat's bundle from other origins.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  // An API answer is not a document: if a browser is tricked into rendering one, it may run and load nothing.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Cache-Control': 'no-store',
};

/**
 * Where Web Chat talks to the bot: the bot server itself (local Direct Line, token route) and the Azure Direct Line
 * service, global and regional (https for polling and uploads, wss for the stream).
 */
const DIRECT_LINE_ORIGINS = [
  'https://directline.botframework.com',
  'https://*.directline.botframework.com',
  'wss://directline.botframework.com',
  'wss://*.directline.botframework.com',
];

/**
 * The policy of an HTML page that hosts the widget. Web Chat (4.10 and later) needs:
 * - style-src with the nonce: it injects its styles as <style> elements through emotion and puts on them the nonce
 *   given to renderWebChat (widget.js passes its own script's nonce), so no 'unsafe-inline'. One of its parts
 *   (react-scroll-to-bottom, the transcript's scroller) adds its <style> element without the nonce, empty, and fills
 *   it through the CSSOM (insertRule), which a policy does not govern; the hash of the empty text lets that one
 *   empty element apply, and nothing with content (the browser test fails on any violation);
 * - img-src and media-src blob: and data:: attachments' inline images are turned into blob: URLs, icons are data:;
 * - worker-src blob:: it probes for Web Worker support by starting a small worker from a blob:.
 * Scripts come from this server only (widget.js and Web Chat's own bundle, never a CDN): no 'unsafe-eval', no
 * inline script. Nothing may frame the page, post a form or change its base URL.
 */
/** sha256 of the empty string: an empty <style> element, and nothing else, may apply without the nonce. */
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${DIRECT_LINE_ORIGINS.join(' ')}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** A fresh nonce for one page answer: 128 random bits, as the CSP specification asks. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The headers of an HTML page, with its policy; the page must put the same nonce on its widget script tag. */
export function pageHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': pageContentSecurityPolicy(nonce),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

/** Sets SECURITY_HEADERS on every response before any route runs; a route may replace one (pages, static files). */
export function useSecurityHeaders(server: Server): void {
  server.pre((_req, res, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    return next();
  });
}
