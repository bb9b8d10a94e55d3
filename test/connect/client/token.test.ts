import { ConnectError, createConnectClient, createConnectFacade } from '../../../src/connect';
import { clientOptions, facadeFor, newOrder, startSimulator, type RunningSimulator } from './simulatorHarness';

/** The journal as a compact story: token / operationId and status. */
async function story(simulator: RunningSimulator): Promise<string[]> {
  return (await simulator.journal()).map((entry) => `${entry.operationId} ${entry.status}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('client: bearer token', () => {
  let simulator: RunningSimulator;
  afterEach(() => simulator.close());

  it('asks for one token for 50 concurrent calls from one client (single-flight, then cached)', async () => {
    simulator = await startSimulator();
    const connect = facadeFor(simulator);

    await Promise.all(Array.from({ length: 50 }, () => connect.getPlanningWindows()));
    await connect.getPlanningWindows();

    expect(await simulator.calls('token')).toHaveLength(1);
    expect(await simulator.calls('getPlanningWindows')).toHaveLength(51);
  });

  it('sends the password grant form-urlencoded to {base}/token', async () => {
    simulator = await startSimulator();

    await facadeFor(simulator).getPlanningWindows();

    const [token] = await simulator.calls('token');
    expect(token).toMatchObject({ method: 'POST', status: 200, path: expect.stringMatching(/\/WS-API\/token$/) });
    expect(token?.body).toMatchObject({ grant_type: 'password', username: simulator.username });
  });

  it('shares the token between clients for the same Connect account', async () => {
    simulator = await startSimulator();
    const first = facadeFor(simulator);
    const second = facadeFor(simulator);

    await first.getPlanningWindows();
    await second.getPlanningWindows();

    expect(await story(simulator)).toEqual(['token 200', 'getPlanningWindows 200', 'getPlanningWindows 200']);
  });

  it('asks for a new token when the cached one nears its expiry', async () => {
    // A 2 s token is cached for 1 s (half its life at most), so the second call needs a new one.
    simulator = await startSimulator({ tokenLifetimeSeconds: 2 });
    const connect = facadeFor(simulator);

    await connect.getPlanningWindows();
    await sleep(1_100);
    await connect.getPlanningWindows();

    expect(await story(simulator)).toEqual([
      'token 200',
      'getPlanningWindows 200',
      'token 200',
      'getPlanningWindows 200',
    ]);
  });

  it('on a 401 refreshes the token once and retries the call once', async () => {
    simulator = await startSimulator();
    const connect = facadeFor(simulator);
    await connect.getPlanningWindows();
    await simulator.fault({ kind: 'expire-tokens' });

    await expect(connect.getPlanningWindows()).resolves.toHaveLength(5);

    expect(await story(simulator)).toEqual([
      'token 200',
      'getPlanningWindows 200',
      'getPlanningWindows 401',
      'token 200',
      'getPlanningWindows 200',
    ]);
  });

  it('retries a POST after a 401 too (a 401 means it was not processed), creating one order', async () => {
    simulator = await startSimulator();
    const connect = facadeFor(simulator);
    await connect.getPlanningWindows();
    await simulator.fault({ kind: 'expire-tokens' });
    const order = newOrder();

    await expect(connect.createOrder(order)).resolves.toMatchObject({ PrimaryOrderNumber: order.PrimaryOrderNumber });

    expect((await simulator.calls('postSalesOrder')).map((c) => c.status)).toEqual([401, 201]);
    expect(await connect.getOrder(order.PrimaryOrderNumber, 'CONTRACT-RESP')).not.toBeNull();
  });

  it('gives up with kind "auth" when the fresh token is refused as well', async () => {
    simulator = await startSimulator();
    const connect = facadeFor(simulator);
    await simulator.fault({ kind: 'status', status: 401, operationId: 'getPlanningWindows', count: 5 });

    const error = (await connect.getPlanningWindows().catch((e: unknown) => e)) as ConnectError;

    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toMatchObject({ operation: 'getPlanningWindows', status: 401, kind: 'auth', retryable: false });
    expect(await story(simulator)).toEqual([
      'token 200',
      'getPlanningWindows 401',
      'token 200',
      'getPlanningWindows 401',
    ]);
  });

  it('reports refused credentials as kind "auth" on the token operation, without the password', async () => {
    simulator = await startSimulator();
    const connect = createConnectFacade(
      createConnectClient(clientOptions(simulator, { password: 'wrong-password-1234' })),
    );

    const error = (await connect.getPlanningWindows().catch((e: unknown) => e)) as ConnectError;

    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toMatchObject({ operation: 'token', method: 'POST', status: 400, kind: 'auth', retryable: false });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('wrong-password-1234');
    expect(await story(simulator)).toEqual(['token 400']);
  });
});
