/**
 * Connect's version negotiation: the client asks for a version of a method in the Accept header
 * (`application/json; version=3`); no version means 1.
 */
export type VersionRequest = { ok: true; version: number } | { ok: false; reason: string };

export function requestedVersion(accept: string | string[] | undefined): VersionRequest {
  const header = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  const match = /(?:^|[;,\s])version\s*=\s*"?([^;,"\s]*)"?/i.exec(header);
  if (!match) return { ok: true, version: 1 };
  const version = Number(match[1]);
  if (!Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `The requested version '${match[1]}' is not a valid version number.` };
  }
  return { ok: true, version };
}
