import type { Request } from 'restify';

/** The addresses a caller on this machine connects from: IPv4, IPv6, and IPv4 mapped into IPv6. */
const LOOPBACK_ADDRESSES: ReadonlySet<string> = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * True for a connection from this machine. Only the socket's own address counts: X-Forwarded-For and the like are
 * the caller's to write, so a remote caller could claim to be local with them.
 */
export function isLoopback(remoteAddress: string | undefined): boolean {
  return remoteAddress !== undefined && LOOPBACK_ADDRESSES.has(remoteAddress);
}

export function isLoopbackRequest(req: Request): boolean {
  return isLoopback(req.socket?.remoteAddress);
}
