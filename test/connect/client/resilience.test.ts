import { ConnectError, createConnectClient, createConnectFacade } from '../../../src/connect';
import { clientOptions, facadeFor, newOrder, startSimulator, type RunningSimulator } from './simulatorHarness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function statuses(simulator: RunningSimulator, operationId: string): Promise<number[]> {
  return (await simulator.calls(operationId)).map((call) => call.status);
}

describe('client: timeouts and retries', () => {
  let simulator: RunningSimulator;
  beforeEach(async () => {
    simulator = await startSimulator();
  });
  afterEach(() => simulator.close());

  it('retries a GET on 503 with backoff: the third attempt succeeds', async () => {
    const connect = facadeFor(simulator);
    await simulator.fault({ kind: 'status', status: 503, operationId: 'getPlanningWindows', count: 2 });

    await expect(connect.getPlanningWindows()).resolves.toHaveLength(5);

    expect(await statuses(simulator, 'getPlanningWindows')).toEqual([503, 503, 200]);
  });

  it('stops retrying a GET after maxAttempts and throws the 503', async () => {
    const connect = facadeFor(simulator, { retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 } });
    await simulator.fault({ kind: 'status', status: 503, operationId: 'getPlanningWindows', count: 10 });

    const error = (await connect.getPlanningWindows().catch((e: unknown) => e)) as ConnectError;

    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toMatchObject({
      operation: 'getPlanningWindows',
      method: 'GET',
      status: 503,
      kind: 'http',
      retryable: true,
    });
    expect(await statuses(simulator, 'getPlanningWindows')).toEqual([503, 503, 503]);
  });

  it('retries a GET after a dropped connection', async () => {
    const connect = facadeFor(simulator);
    await simulator.fault({ kind: 'drop', operationId: 'getPlanningWindows', count: 1 });

    await expect(connect.getPlanningWindows()).resolves.toHaveLength(5);

    expect(await statuses(simulator, 'getPlanningWindows')).toEqual([0, 200]);
  });

  it('retries a GET that timed out, and the timeout aborts the request’s socket', async () => {
    const signals: AbortSignal[] = [];
    // A pass-through to the real fetch that only remembers each request's signal.
    const recordingFetch: typeof fetch = (input, init) => {
      if (input instanceof Request) signals.push(input.signal);
      return fetch(input, init);
    };
    const connect = createConnectFacade(
      createConnectClient(clientOptions(simulator, { timeoutMs: 200, fetch: recordingFetch })),
    );
    await connect.getPlanningWindows(); // token and first call, unhurried
    await simulator.fault({ kind: 'latency', ms: 1_000, operationId: 'getPlanningWindows', count: 1 });
    signals.length = 0;

    const started = Date.now();
    await expect(connect.getPlanningWindows()).resolves.toHaveLength(5);

    expect(Date.now() - started).toBeLessThan(900);
    expect(signals).toHaveLength(2);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('never retries a SalesOrder POST that timed out: one POST, ConnectError kind "timeout"', async () => {
    const connect = facadeFor(simulator, { timeoutMs: 200 });
    await connect.getPlanningWindows(); // the token, so only the POST is slow
    await simulator.fault({ kind: 'latency', ms: 600, operationId: 'postSalesOrder', count: 1 });

    const error = (await connect.createOrder(newOrder()).catch((e: unknown) => e)) as ConnectError;

    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toMatchObject({ operation: 'postSalesOrder', method: 'POST', kind: 'timeout', retryable: true });
    expect(error.status).toBeUndefined();
    await sleep(700); // let the simulator finish the slow call before reading its journal
    expect(await simulator.calls('postSalesOrder')).toHaveLength(1);
  });

  it('never retries a POST after a 503 or a dropped connection', async () => {
    const connect = facadeFor(simulator);
    await simulator.fault({ kind: 'status', status: 503, operationId: 'postSalesOrder', count: 1 });
    const afterStatus = (await connect.createOrder(newOrder()).catch((e: unknown) => e)) as ConnectError;
    await simulator.fault({ kind: 'drop', operationId: 'postSalesOrder', count: 1 });
    const afterDrop = (await connect.createOrder(newOrder()).catch((e: unknown) => e)) as ConnectError;

    expect(afterStatus).toMatchObject({ operation: 'postSalesOrder', status: 503, kind: 'http', retryable: true });
    expect(afterDrop).toMatchObject({ operation: 'postSalesOrder', kind: 'network', retryable: true });
    expect(await statuses(simulator, 'postSalesOrder')).toEqual([503, 0]);
  });
});
