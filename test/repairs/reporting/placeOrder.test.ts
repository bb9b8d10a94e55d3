import { placeOrder } from '../../../src/repairs/reporting/placeOrder';
import { eventually, type Reporting, startReporting } from './reportingHarness';

/** The client gives up on one HTTP exchange after this long; latency faults are made longer. */
const TIMEOUT_MS = 300;

describe('placeOrder: one works order, however often it is sent', () => {
  let r: Reporting;
  beforeAll(async () => {
    r = await startReporting('reporting-place-order@simulator.local', { timeoutMs: TIMEOUT_MS });
  });
  afterEach(() => r.simulator.clearFaults());
  afterAll(() => r.close());

  const methods = (since: number) =>
    r.simulator
      .journal(since)
      .filter((e) => e.operationId !== 'token')
      .map((e) => `${e.method} ${e.operationId} ${e.status}`);
  const storedOrders = (orderNumber: string) =>
    r.simulator.snapshot().orders.filter((o) => o.order.PrimaryOrderNumber === orderNumber);

  it('creates the order with one POST when it cannot exist yet', async () => {
    const order = r.orderFor();
    const since = r.mark();

    const outcome = await placeOrder(r.connect, order, { mayAlreadyExist: false });

    expect(outcome).toMatchObject({ kind: 'placed', alreadyExisted: false });
    expect(outcome.kind === 'placed' && outcome.order.PrimaryOrderNumber).toBe(order.PrimaryOrderNumber);
    expect(methods(since)).toEqual(['POST postSalesOrder 201']);
    expect(storedOrders(order.PrimaryOrderNumber)).toHaveLength(1);
  });

  it('with mayAlreadyExist looks the number up first and sends nothing when the order exists', async () => {
    const order = r.orderFor();
    await placeOrder(r.connect, order, { mayAlreadyExist: false });
    const since = r.mark();

    const outcome = await placeOrder(r.connect, order, { mayAlreadyExist: true });

    expect(outcome).toMatchObject({ kind: 'placed', alreadyExisted: true });
    expect(methods(since)).toEqual(['GET getSalesOrder 200']);
    expect(storedOrders(order.PrimaryOrderNumber)).toHaveLength(1);
  });

  it('with mayAlreadyExist creates the order after a lookup that finds nothing', async () => {
    const order = r.orderFor();
    const since = r.mark();

    const outcome = await placeOrder(r.connect, order, { mayAlreadyExist: true });

    expect(outcome).toMatchObject({ kind: 'placed', alreadyExisted: false });
    expect(methods(since)).toEqual(['GET getSalesOrder 404', 'POST postSalesOrder 201']);
  });

  it('after a POST that timed out, looks the number up: unavailable while Connect has no order, placed once it has', async () => {
    const order = r.orderFor();
    // Connect is slow: it raises the order, but only after the client has stopped waiting.
    r.simulator.fault({ kind: 'latency', ms: TIMEOUT_MS * 3, operationId: 'postSalesOrder', count: 1 });
    const since = r.mark();

    const first = await placeOrder(r.connect, order, { mayAlreadyExist: false });

    expect(first).toEqual({ kind: 'unavailable' });
    expect(methods(since)).toEqual(['GET getSalesOrder 404']); // the lookup; the slow POST is still being answered
    await eventually(() => storedOrders(order.PrimaryOrderNumber).length === 1, 'the slow POST raised the order');
    const afterSlowPost = r.mark();

    // The tenant sends the report again: the number is looked up, found, and not sent a second time.
    const second = await placeOrder(r.connect, order, { mayAlreadyExist: true });

    expect(second).toMatchObject({ kind: 'placed', alreadyExisted: true });
    expect(methods(afterSlowPost)).toEqual(['GET getSalesOrder 200']);
    expect(r.calls('postSalesOrder', since)).toHaveLength(1);
    expect(storedOrders(order.PrimaryOrderNumber)).toHaveLength(1);
  });

  it('after a POST that timed out but got through, the lookup finds the order: placed', async () => {
    const order = r.orderFor();
    await placeOrder(r.connect, order, { mayAlreadyExist: false });
    r.simulator.fault({ kind: 'latency', ms: TIMEOUT_MS * 3, operationId: 'postSalesOrder', count: 1 });
    const since = r.mark();

    const outcome = await placeOrder(r.connect, order, { mayAlreadyExist: false });

    expect(outcome).toMatchObject({ kind: 'placed', alreadyExisted: true });
    expect(methods(since)[0]).toBe('GET getSalesOrder 200');
    // The late POST is refused as a duplicate once it is answered; still one order.
    await eventually(() => r.calls('postSalesOrder', since).length === 1, 'the slow POST was answered');
    expect(r.calls('postSalesOrder', since)[0]?.status).toBe(400);
    expect(storedOrders(order.PrimaryOrderNumber)).toHaveLength(1);
  });

  it('after a 503 on the POST looks the number up and reports unavailable when there is no order', async () => {
    const order = r.orderFor();
    r.simulator.fault({ kind: 'status', status: 503, operationId: 'postSalesOrder', count: 1 });
    const since = r.mark();

    const outcome = await placeOrder(r.connect, order, { mayAlreadyExist: false });

    expect(outcome).toEqual({ kind: 'unavailable' });
    // The POST is never repeated blindly.
    expect(methods(since)).toEqual(['POST postSalesOrder 503', 'GET getSalesOrder 404']);
    expect(storedOrders(order.PrimaryOrderNumber)).toHaveLength(0);
  });

  it('after a 503 on the POST reports placed when an earlier attempt raised the order', async () => {
    const order = r.orderFor();
    await placeOrder(r.connect, order, { mayAlreadyExist: false });
    r.simulator.fault({ kind: 'status', status: 503, operationId: 'postSalesOrder', count: 1 });
    const since = r.mark();

    const outcome = await placeOrder(r.connect, order, { mayAlreadyExist: false });

    expect(outcome).toMatchObject({ kind: 'placed', alreadyExisted: true });
    expect(methods(since)).toEqual(['POST postSalesOrder 503', 'GET getSalesOrder 200']);
  });

  it('resolves a duplicate order number (400) to the existing order', async () => {
    const order = r.orderFor();
    await placeOrder(r.connect, order, { mayAlreadyExist: false });
    const since = r.mark();

    const outcome = await placeOrder(r.connect, order, { mayAlreadyExist: false });

    expect(outcome).toMatchObject({ kind: 'placed', alreadyExisted: true });
    expect(outcome.kind === 'placed' && outcome.order.PrimaryOrderNumber).toBe(order.PrimaryOrderNumber);
    expect(methods(since)).toEqual(['POST postSalesOrder 400', 'GET getSalesOrder 200']);
    expect(storedOrders(order.PrimaryOrderNumber)).toHaveLength(1);
  });

  it('reports refused, with Connect’s message, for an order Connect will never accept', async () => {
    const order = { ...r.orderFor(), PriorityExternalId: 'NOPE' };
    const outcome = await placeOrder(r.connect, order, { mayAlreadyExist: false });
    expect(outcome).toMatchObject({ kind: 'refused' });
    expect(outcome.kind === 'refused' && outcome.reason).toBe('The request is invalid.');
  });
});
