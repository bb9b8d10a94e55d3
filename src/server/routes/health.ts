import type { Server } from 'restify';

/** A named check that /health runs; it answers true when the part it looks at can do its job. */
export type HealthCheck = () => Promise<boolean>;

const CHECK_TIME_LIMIT_MS = 3000;

async function runCheck(check: HealthCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIME_LIMIT_MS);
  });
  try {
    return await Promise.race([check().catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /health: 200 when every check passes, 503 otherwise, with each check's result by name. The load balancer
 * and App Service's health check read the status; people read the body. Nothing personal or secret is in it.
 */
export function mountHealth(server: Server, checks: Record<string, HealthCheck>): void {
  server.get('/health', async (_req, res) => {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => runCheck(checks[name])));
    const report = Object.fromEntries(names.map((name, i) => [name, results[i] ? 'ok' : 'failing']));
    const healthy = results.every(Boolean);
    res.json(healthy ? 200 : 503, { status: healthy ? 'ok' : 'degraded', checks: report });
  });
}
