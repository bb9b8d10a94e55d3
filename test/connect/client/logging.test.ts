import { createConnectClient, createConnectFacade } from '../../../src/connect';
import {
  capturingLogger,
  clientOptions,
  newOrder,
  password,
  startSimulator,
  type RunningSimulator,
} from './simulatorHarness';

describe('client: logging', () => {
  let simulator: RunningSimulator;
  beforeEach(async () => {
    simulator = await startSimulator();
  });
  afterEach(() => simulator.close());

  it('logs each call’s operation, method, status, duration and attempt, never secrets, queries or bodies', async () => {
    const logger = capturingLogger();
    const tokensSent = new Set<string>();
    // A pass-through to the real fetch that only remembers the bearer tokens it carried.
    const recordingFetch: typeof fetch = (input, init) => {
      const authorization = input instanceof Request ? input.headers.get('Authorization') : null;
      if (authorization) tokensSent.add(authorization.replace(/^Bearer /, ''));
      return fetch(input, init);
    };
    const connect = createConnectFacade(
      createConnectClient(clientOptions(simulator, { logger, fetch: recordingFetch, timeoutMs: 200 })),
    );
    const order = newOrder({ JobDescription: 'Leak under the sink at Flat 3' });

    await connect.createOrder(order);
    await connect.getOrder(order.PrimaryOrderNumber, 'CONTRACT-RESP');
    await simulator.fault({ kind: 'expire-tokens' });
    await connect.getPlanningWindows();
    await simulator.fault({ kind: 'status', status: 503, operationId: 'getPlanningWindows', count: 1 });
    await connect.getPlanningWindows();
    await connect.createOrder(newOrder({ PriorityExternalId: 'NOPE' })).catch(() => undefined);
    await simulator.fault({ kind: 'latency', ms: 400, operationId: 'getSalesOrder', count: 3 });
    await connect.getOrder(order.PrimaryOrderNumber, 'CONTRACT-RESP').catch(() => undefined);
    const badLogger = capturingLogger();
    await createConnectFacade(
      createConnectClient(clientOptions(simulator, { logger: badLogger, password: 'a-wrong-password' })),
    )
      .getPlanningWindows()
      .catch(() => undefined);

    const lines = [...logger.lines, ...badLogger.lines];
    expect(tokensSent.size).toBe(2);
    for (const line of lines) {
      expect(line).not.toContain(password);
      expect(line).not.toContain('a-wrong-password');
      for (const token of tokensSent) expect(line).not.toContain(token);
      expect(line).not.toContain(order.PrimaryOrderNumber);
      expect(line).not.toContain('Flat 3');
      expect(line).not.toContain('?');
    }
    const entries = logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({
        operation: 'postSalesOrder',
        method: 'POST',
        status: 201,
        attempt: 1,
        durationMs: expect.any(Number),
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ operation: 'getPlanningWindows', status: 503, attempt: 1, kind: 'http' }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ operation: 'getPlanningWindows', status: 200, attempt: 2 }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ operation: 'getSalesOrder', kind: 'timeout', attempt: 3 }),
    );
    expect(entries).toContainEqual(expect.objectContaining({ operation: 'token', method: 'POST', status: 200 }));
  });
});
