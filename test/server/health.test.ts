import path from 'node:path';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createSimulator, type Simulator } from '../../src/connect/simulator';
import { clock, startTestApp, tempDir } from '../e2e/testApp';

interface Health {
  status: string;
  checks: Record<string, string>;
}

async function health(app: RunningApp): Promise<{ status: number; body: Health }> {
  const response = await fetch(`${app.url}/health`);
  return { status: response.status, body: (await response.json()) as Health };
}

describe('GET /health', () => {
  describe('with the embedded Connect simulator and memory storage', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterEach(() => app.simulator!.clearFaults());
    afterAll(() => app.close());

    it('answers 200 with every check ok', async () => {
      expect(await health(app)).toEqual({
        status: 200,
        body: { status: 'ok', checks: { connect: 'ok', storage: 'ok' } },
      });
    });

    it('answers 503 with connect failing while Connect answers 503, and 200 again once it recovers', async () => {
      // More than the client's attempts at a GET, so that every retry gets the 503 too.
      app.simulator!.fault({ kind: 'status', status: 503, operationId: 'getPlanningWindows', count: 10 });

      expect(await health(app)).toEqual({
        status: 503,
        body: { status: 'degraded', checks: { connect: 'failing', storage: 'ok' } },
      });
      const failed = app.simulator!.journal().filter((e) => e.operationId === 'getPlanningWindows' && e.status === 503);
      expect(failed.length).toBeGreaterThanOrEqual(1);

      app.simulator!.clearFaults();
      expect((await health(app)).status).toBe(200);
    });
  });

  describe('with a separate Connect and SQLite storage', () => {
    const username = 'server-health@simulator.local';
    const password = 'server-health-password';
    let sim: Simulator;
    let app: RunningApp;
    let temp: ReturnType<typeof tempDir>;
    beforeAll(async () => {
      temp = tempDir('repairs-bot-health-');
      sim = await createSimulator({ port: 0, username, password, now: () => clock.now() });
      app = await startApp(
        loadConfig({
          PORT: '0',
          STORAGE: 'sqlite',
          STORAGE_SQLITE_FILE: path.join(temp.dir, 'state.db'),
          CONNECT_BASE_URL: sim.baseUrl,
          CONNECT_USERNAME: username,
          CONNECT_PASSWORD: password,
          CONNECT_EVENTS_SECRET: 'events-secret-for-tests-0123456789abcdef',
          LOG_LEVEL: 'silent',
        }),
        { clock },
      );
    });
    afterAll(async () => {
      await app.close();
      temp.remove();
    });

    it('answers 200 while Connect is up, and 503 with connect failing once Connect is gone', async () => {
      expect(await health(app)).toEqual({
        status: 200,
        body: { status: 'ok', checks: { connect: 'ok', storage: 'ok' } },
      });

      await sim.close();

      expect(await health(app)).toEqual({
        status: 503,
        body: { status: 'degraded', checks: { connect: 'failing', storage: 'ok' } },
      });
    });
  });
});
