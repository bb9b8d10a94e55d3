import { ConnectError, OrderStatus } from '../../../src/connect';
import { facadeFor, newOrder, startSimulator, type RunningSimulator } from './simulatorHarness';

describe('façade: sales orders', () => {
  let simulator: RunningSimulator;
  beforeEach(async () => {
    simulator = await startSimulator();
  });
  afterEach(() => simulator.close());

  it('createOrder sends SalesOrder POST version 3 and returns the created order (201)', async () => {
    const connect = facadeFor(simulator);
    const order = newOrder();

    const created = await connect.createOrder(order);

    expect(created).toMatchObject({
      PrimaryOrderNumber: order.PrimaryOrderNumber,
      ContractExternalId: 'CONTRACT-RESP',
    });
    const [call] = await simulator.calls('postSalesOrder');
    expect(call).toMatchObject({ method: 'POST', status: 201, version: 3 });
    expect(call?.body).toMatchObject({ PrimaryOrderNumber: order.PrimaryOrderNumber, OrderSource: 1 });
  });

  it('getOrder returns the stored order (version 3)', async () => {
    const connect = facadeFor(simulator);
    const order = newOrder();
    await connect.createOrder(order);

    const found = await connect.getOrder(order.PrimaryOrderNumber, 'CONTRACT-RESP');

    expect(found).toMatchObject({ PrimaryOrderNumber: order.PrimaryOrderNumber, JobDescription: order.JobDescription });
    const [call] = await simulator.calls('getSalesOrder');
    expect(call).toMatchObject({ method: 'GET', status: 200, version: 3 });
    expect(call?.query).toMatchObject({
      PrimaryOrderNumber: order.PrimaryOrderNumber,
      ContractExternalId: 'CONTRACT-RESP',
    });
  });

  it('getOrder answers null for an unknown order (404), without retrying', async () => {
    const connect = facadeFor(simulator);

    await expect(connect.getOrder('NO-SUCH-ORDER', 'CONTRACT-RESP')).resolves.toBeNull();

    expect(await simulator.calls('getSalesOrder')).toEqual([expect.objectContaining({ status: 404 })]);
  });

  it('updateOrder sends SalesOrder PATCH version 2 and the change is stored', async () => {
    const connect = facadeFor(simulator);
    const order = newOrder();
    await connect.createOrder(order);

    await connect.updateOrder({
      PrimaryOrderNumber: order.PrimaryOrderNumber,
      ContractExternalId: 'CONTRACT-RESP',
      JobDescription: 'Bath panel broken, sharp edge',
    });

    const [call] = await simulator.calls('patchSalesOrder');
    expect(call).toMatchObject({ method: 'PATCH', status: 200, version: 2 });
    const stored = await connect.getOrder(order.PrimaryOrderNumber, 'CONTRACT-RESP');
    expect(stored?.JobDescription).toBe('Bath panel broken, sharp edge');
  });

  it('cancelOrder sends PATCH with OrderStatus 11 and the reason', async () => {
    const connect = facadeFor(simulator);
    const order = newOrder();
    await connect.createOrder(order);

    await connect.cancelOrder({
      primaryOrderNumber: order.PrimaryOrderNumber,
      contractExternalId: 'CONTRACT-RESP',
      cancelReason: 'TENANT',
      cancelDescription: 'Fixed it myself',
    });

    const [call] = await simulator.calls('patchSalesOrder');
    expect(call).toMatchObject({ status: 200, version: 2 });
    expect(call?.body).toEqual({
      PrimaryOrderNumber: order.PrimaryOrderNumber,
      ContractExternalId: 'CONTRACT-RESP',
      OrderStatus: OrderStatus.Cancel,
      CancelReason: 'TENANT',
      CancelDescription: 'Fixed it myself',
    });
    const stored = await connect.getOrder(order.PrimaryOrderNumber, 'CONTRACT-RESP');
    expect(stored?.OrderStatus).toBe(OrderStatus.Cancel);
  });

  it('lookupOrderId answers the internal integer id (IdLookup version 3)', async () => {
    const connect = facadeFor(simulator);
    const order = newOrder();
    await connect.createOrder(order);

    const orderId = await connect.lookupOrderId(order.PrimaryOrderNumber, 'CONTRACT-RESP');

    expect(Number.isInteger(orderId)).toBe(true);
    const [call] = await simulator.calls('getOrderIdLookup');
    expect(call).toMatchObject({ method: 'GET', status: 200, version: 3 });
  });

  it('a 400 becomes a ConnectError with Connect’s Message and ModelState, not retried', async () => {
    const connect = facadeFor(simulator);

    const error: unknown = await connect.createOrder(newOrder({ PriorityExternalId: 'NOPE' })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConnectError);
    const connectError = error as ConnectError;
    expect(connectError).toMatchObject({
      operation: 'postSalesOrder',
      method: 'POST',
      status: 400,
      kind: 'http',
      retryable: false,
      connectMessage: expect.any(String),
    });
    expect(connectError.isBadRequest()).toBe(true);
    expect(connectError.modelState?.['request.PriorityExternalId']).toEqual([expect.stringContaining('NOPE')]);
    expect(await simulator.calls('postSalesOrder')).toHaveLength(1);
  });

  it('a 404 from another operation becomes a ConnectError with isNotFound()', async () => {
    const connect = facadeFor(simulator);
    await simulator.fault({ kind: 'status', status: 404, operationId: 'getPlanningWindows', count: 1 });

    const error = (await connect.getPlanningWindows().catch((e: unknown) => e)) as ConnectError;

    expect(error).toBeInstanceOf(ConnectError);
    expect(error).toMatchObject({
      operation: 'getPlanningWindows',
      method: 'GET',
      status: 404,
      kind: 'http',
      retryable: false,
    });
    expect(error.isNotFound()).toBe(true);
    expect(error.isBadRequest()).toBe(false);
    expect(await simulator.calls('getPlanningWindows')).toHaveLength(1);
  });
});
