import { ConnectError, createConnectClient, createConnectFacade } from '../../../src/connect';
import { clientOptions, facadeFor, newOrder, startSimulator, type RunningSimulator } from './simulatorHarness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Small limits: three failed calls open the breaker, for 200 ms. */
const BREAKER = { consecutiveFailures: 3, halfOpenAfterMs: 200 };

describe('client: circuit breaker', () => {
  let simulator: RunningSimulator;
  beforeEach(async () => {
    simulator = await startSimulator();
  });
  afterEach(() => simulator.close());

  async function failure(call: Promise<unknown>): Promise<ConnectError> {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectError);
    return error as ConnectError;
  }

  it('opens after consecutive failed calls: the next call fails at once, without reaching Connect', async () => {
    const connect = facadeFor(simulator, { circuitBreaker: BREAKER, retry: { maxAttempts: 1 } });
    await connect.getPlanningWindows(); // the token, so only the calls below count
    await simulator.fault({ kind: 'status', status: 503, operationId: 'getPlanningWindows', count: 100 });
    for (let i = 0; i < 3; i += 1) {
      expect(await failure(connect.getPlanningWindows())).toMatchObject({ kind: 'http', status: 503 });
    }
    const callsBefore = (await simulator.calls('getPlanningWindows')).length;

    const started = performance.now();
    const refused = await failure(connect.getPlanningWindows());
    const elapsed = performance.now() - started;

    expect(refused).toMatchObject({ operation: 'getPlanningWindows', kind: 'circuit-open', retryable: true });
    expect(refused.isUnavailable()).toBe(true);
    expect(elapsed).toBeLessThan(50);
    expect(await simulator.calls('getPlanningWindows')).toHaveLength(callsBefore);
    // One breaker per client: a POST is refused too, so no order can be half-sent to a Connect that is down.
    expect(await failure(connect.createOrder(newOrder()))).toMatchObject({ kind: 'circuit-open' });
    expect(await simulator.calls('postSalesOrder')).toHaveLength(0);
  });

  it('counts a call once however many retries it took: the retries of one call do not open it', async () => {
    const connect = facadeFor(simulator, {
      circuitBreaker: BREAKER,
      retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 },
    });
    await connect.getPlanningWindows();
    await simulator.fault({ kind: 'status', status: 503, operationId: 'getPlanningWindows', count: 3 });

    expect(await failure(connect.getPlanningWindows())).toMatchObject({ kind: 'http', status: 503 });

    // Three failed attempts were one failed call: the breaker is still closed, and the next call reaches Connect.
    await expect(connect.getPlanningWindows()).resolves.toHaveLength(5);
    expect((await simulator.calls('getPlanningWindows')).map((c) => c.status)).toEqual([200, 503, 503, 503, 200]);
  });

  it('is not opened by answers about one request (400, 404): Connect is up and saying no', async () => {
    const connect = facadeFor(simulator, { circuitBreaker: BREAKER, retry: { maxAttempts: 1 } });
    for (let i = 0; i < 5; i += 1) {
      await expect(connect.getOrder(`NO-SUCH-ORDER-${i}`, 'CONTRACT-RESP')).resolves.toBeNull();
    }
    for (let i = 0; i < 4; i += 1) {
      expect(await failure(connect.createOrder(newOrder({ ContractExternalId: 'NO-SUCH-CONTRACT' })))).toMatchObject({
        kind: 'http',
        status: 400,
      });
    }

    await expect(connect.getPlanningWindows()).resolves.toHaveLength(5);
  });

  it('half-opens after its pause: one test call goes through, and a success closes it again', async () => {
    const connect = facadeFor(simulator, { circuitBreaker: BREAKER, retry: { maxAttempts: 1 } });
    await connect.getPlanningWindows();
    await simulator.fault({ kind: 'drop', operationId: 'getPlanningWindows', count: 3 });
    for (let i = 0; i < 3; i += 1) {
      expect(await failure(connect.getPlanningWindows())).toMatchObject({ kind: 'network' });
    }
    expect(await failure(connect.getPlanningWindows())).toMatchObject({ kind: 'circuit-open' });

    await sleep(BREAKER.halfOpenAfterMs + 50);

    await expect(connect.getPlanningWindows()).resolves.toHaveLength(5);
    await expect(connect.getPlanningWindows()).resolves.toHaveLength(5);
    expect((await simulator.calls('getPlanningWindows')).map((c) => c.status)).toEqual([200, 0, 0, 0, 200, 200]);
  });

  it('a failed test call opens it again for another pause', async () => {
    const connect = facadeFor(simulator, { circuitBreaker: BREAKER, retry: { maxAttempts: 1 } });
    await connect.getPlanningWindows();
    await simulator.fault({ kind: 'status', status: 500, operationId: 'getPlanningWindows', count: 4 });
    for (let i = 0; i < 3; i += 1) await failure(connect.getPlanningWindows());
    await sleep(BREAKER.halfOpenAfterMs + 50);

    expect(await failure(connect.getPlanningWindows())).toMatchObject({ kind: 'http', status: 500 });
    expect(await failure(connect.getPlanningWindows())).toMatchObject({ kind: 'circuit-open' });
    expect(await simulator.calls('getPlanningWindows')).toHaveLength(5);
  });

  it('shares one breaker between the token grant and the API: a token endpoint that is down opens it too', async () => {
    const connect = createConnectFacade(
      createConnectClient(clientOptions(simulator, { circuitBreaker: BREAKER, retry: { maxAttempts: 1 } })),
    );
    await simulator.fault({ kind: 'status', status: 503, operationId: 'token', count: 100 });
    for (let i = 0; i < 3; i += 1) {
      expect(await failure(connect.getPlanningWindows())).toMatchObject({ operation: 'token', status: 503 });
    }

    expect(await failure(connect.getPlanningWindows())).toMatchObject({ operation: 'token', kind: 'circuit-open' });
    expect(await simulator.calls('token')).toHaveLength(3);
  });
});
