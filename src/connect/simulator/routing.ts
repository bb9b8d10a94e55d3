import type { Operation } from 'openapi-backend';

/**
 * ASP.NET routes ignore case (the spec's own examples call /api/availability and /api/booking) and tolerate a
 * trailing slash. This finds the spec's operation for a path in any casing and rewrites the path to the spec's
 * casing, so openapi-backend (which is case-sensitive) can parse the path parameters.
 */
export type RouteMatch =
  | { kind: 'operation'; operation: Operation; specPath: string }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

interface CompiledRoute {
  operation: Operation;
  /** literal segments lower-cased; parameters as null */
  segments: (string | null)[];
  specSegments: string[];
  literalCount: number;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

export class CaseInsensitiveRouter {
  private readonly routes: CompiledRoute[];

  constructor(operations: Operation[]) {
    this.routes = operations.map((operation) => {
      const specSegments = splitPath(operation.path);
      const segments = specSegments.map((s) => (/^\{.+\}$/.test(s) ? null : s.toLowerCase()));
      return { operation, segments, specSegments, literalCount: segments.filter((s) => s !== null).length };
    });
  }

  /** `path` is relative to the base path, e.g. `/api/salesorder/12/code`. */
  match(method: string, path: string): RouteMatch {
    const requestSegments = splitPath(path);
    const candidates = this.routes
      .filter(
        (route) =>
          route.segments.length === requestSegments.length &&
          route.segments.every((s, i) => s === null || s === requestSegments[i].toLowerCase()),
      )
      .sort((a, b) => b.literalCount - a.literalCount); // a literal beats a parameter, as in ASP.NET
    if (candidates.length === 0) return { kind: 'not-found' };
    const route = candidates.find((r) => r.operation.method.toLowerCase() === method.toLowerCase());
    if (!route)
      return {
        kind: 'method-not-allowed',
        allowed: [...new Set(candidates.map((r) => r.operation.method.toUpperCase()))].sort(),
      };
    const specPath =
      '/' + route.specSegments.map((s, i) => (route.segments[i] === null ? requestSegments[i] : s)).join('/');
    return { kind: 'operation', operation: route.operation, specPath };
  }
}
