import { expectNoContractBreaches, newOrder, raiseOrder, startTestSimulator, type TestSimulator } from './harness';

/** SalesOrder POST, GET and PATCH (update and cancel), and IdLookup. */
let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

type ErrorBody = { Message: string; ModelState: Record<string, string[]> };
type Order = Record<string, unknown> & { OrderStatus?: number; PriorityExternalId: string };

const getOrder = (pon: string, contract = 'CONTRACT-RESP') =>
  t.api<Order>('GET', '/api/SalesOrder', { query: { PrimaryOrderNumber: pon, ContractExternalId: contract } });
const patchOrder = (body: Record<string, unknown>) =>
  t.api<ErrorBody>('PATCH', '/api/SalesOrder', { body, version: 2 });

describe('SalesOrder POST', () => {
  test('creates an order with an integer internal id', async () => {
    const pon = await raiseOrder(t);
    const lookup = await t.api<number>('GET', '/api/IdLookup/OrderId', {
      query: { PrimaryOrderNumber: pon, ContractExternalId: 'CONTRACT-RESP' },
    });
    expect(lookup.status).toBe(200);
    expect(Number.isInteger(lookup.body)).toBe(true);
    expect(t.sim.state.orders.get(pon)?.orderId).toBe(lookup.body);
  });

  test('refuses a duplicate PrimaryOrderNumber, whatever its casing', async () => {
    const order = newOrder();
    expect((await t.api('POST', '/api/SalesOrder', { body: order })).status).toBe(201);
    const again = await t.api<ErrorBody>('POST', '/api/SalesOrder', {
      body: { ...order, PrimaryOrderNumber: order.PrimaryOrderNumber.toLowerCase() },
    });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      Message: 'The request is invalid.',
      ModelState: { 'request.PrimaryOrderNumber': [expect.stringContaining('already exists')] },
    });
  });

  test.each([
    ['ContractExternalId', { ContractExternalId: 'CONTRACT-NONE' }, 'request.ContractExternalId'],
    ['PriorityExternalId', { PriorityExternalId: 'P9' }, 'request.PriorityExternalId'],
    [
      'OrganisationExternalId',
      { Customer: { ExternalId: 'PROP-0001', OrganisationExternalId: 'ORG-X' } },
      'request.Customer.OrganisationExternalId',
    ],
    [
      'an unknown existing customer',
      { Customer: { ExternalId: 'PROP-9999', OrganisationExternalId: 'ORG-HA' } },
      'request.Customer.ExternalId',
    ],
    ['a job code', { JobCodes: [{ CodeExternalId: 'NOPE001', Quantity: 1 }] }, 'request.JobCodes[0].CodeExternalId'],
  ])('refuses an unknown %s', async (_what, overrides, member) => {
    const answer = await t.api<ErrorBody>('POST', '/api/SalesOrder', { body: newOrder(overrides) });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.ModelState)).toEqual([member]);
  });

  test('without UseExistingCustomerDetails the contact and address are required', async () => {
    const answer = await t.api<ErrorBody>('POST', '/api/SalesOrder', {
      body: newOrder({ UseExistingCustomerDetails: false }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.ModelState).toEqual({
      'request.Customer.PrimaryContact': ['The PrimaryContact field is required.'],
      'request.Customer.PrimaryAddress': ['The PrimaryAddress field is required.'],
    });
  });

  test('a new property sent in full is recorded and can be used afterwards', async () => {
    const customer = {
      ExternalId: 'PROP-NEW-1',
      OrganisationExternalId: 'ORG-HA',
      Name: 'Mr Test Person',
      PrimaryContact: { FirstName: 'Test', LastName: 'Person', MobilePhone: '07700 900999' },
      PrimaryAddress: { Line1: '1 New Street', City: 'Leeds', PostCode: 'LS2 7ZZ' },
    };
    expect(
      (
        await t.api('POST', '/api/SalesOrder', {
          body: newOrder({ UseExistingCustomerDetails: false, Customer: customer }),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await t.api('POST', '/api/SalesOrder', {
          body: newOrder({ Customer: { ExternalId: 'PROP-NEW-1', OrganisationExternalId: 'ORG-HA' } }),
        })
      ).status,
    ).toBe(201);
  });

  test('creating an order already cancelled needs a CancelReason', async () => {
    const answer = await t.api<ErrorBody>('POST', '/api/SalesOrder', { body: newOrder({ OrderStatus: 11 }) });
    expect(answer.status).toBe(400);
    expect(answer.body.ModelState).toEqual({ 'request.CancelReason': [expect.stringContaining('required')] });
  });
});

describe('SalesOrder GET', () => {
  test('answers the order, or 404 with an empty body', async () => {
    const pon = await raiseOrder(t, { JobDescription: 'Tap dripping' });
    const found = await getOrder(pon);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      PrimaryOrderNumber: pon,
      JobDescription: 'Tap dripping',
      ContractExternalId: 'CONTRACT-RESP',
    });
    const missing = await getOrder('NOT-AN-ORDER');
    expect(missing.status).toBe(404);
    expect(missing.text).toBe('');
    expect((await getOrder(pon, 'OTHER-CONTRACT')).status).toBe(404);
  });
});

describe('SalesOrder PATCH', () => {
  test('updates the description, and the priority with its target date', async () => {
    const pon = await raiseOrder(t);
    const answer = await patchOrder({
      PrimaryOrderNumber: pon,
      ContractExternalId: 'CONTRACT-RESP',
      JobDescription: 'Now leaking',
      PriorityExternalId: 'URG',
      TargetDateUTC: '2026-12-08',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({});
    expect((await getOrder(pon)).body).toMatchObject({
      JobDescription: 'Now leaking',
      PriorityExternalId: 'URG',
      TargetDateUTC: '2026-12-08',
    });
  });

  test('a priority without a target date is refused', async () => {
    const pon = await raiseOrder(t);
    const answer = await patchOrder({
      PrimaryOrderNumber: pon,
      ContractExternalId: 'CONTRACT-RESP',
      PriorityExternalId: 'URG',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.ModelState).toEqual({
      'request.TargetDateUTC': ['The TargetDateUTC field is required when PriorityExternalId is set.'],
    });
  });

  test('an unknown order is refused', async () => {
    const answer = await patchOrder({
      PrimaryOrderNumber: 'NOT-AN-ORDER',
      ContractExternalId: 'CONTRACT-RESP',
      JobDescription: 'x',
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.ModelState)).toEqual(['request.PrimaryOrderNumber']);
  });

  test('cancelling needs a CancelReason, marks the order and refuses a second cancellation or an update', async () => {
    const pon = await raiseOrder(t);
    const noReason = await patchOrder({
      PrimaryOrderNumber: pon,
      ContractExternalId: 'CONTRACT-RESP',
      OrderStatus: 11,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.ModelState).toEqual({
      'request.CancelReason': ['The CancelReason field is required when OrderStatus is Cancel (11).'],
    });

    const cancel = {
      PrimaryOrderNumber: pon,
      ContractExternalId: 'CONTRACT-RESP',
      OrderStatus: 11,
      CancelReason: 'TENANT',
      CancelDescription: 'No longer needed',
    };
    expect((await patchOrder(cancel)).status).toBe(200);
    expect((await getOrder(pon)).body).toMatchObject({
      OrderStatus: 11,
      CancelReason: 'TENANT',
      CancelDescription: 'No longer needed',
    });

    const twice = await patchOrder(cancel);
    expect(twice.status).toBe(400);
    expect(twice.body.ModelState).toEqual({ 'request.OrderStatus': [expect.stringContaining('already cancelled')] });
    const update = await patchOrder({
      PrimaryOrderNumber: pon,
      ContractExternalId: 'CONTRACT-RESP',
      JobDescription: 'x',
    });
    expect(update.status).toBe(400);
  });
});

describe('IdLookup GET', () => {
  test('an unknown order is a 400 with ModelState', async () => {
    const answer = await t.api<ErrorBody>('GET', '/api/IdLookup/OrderId', {
      query: { PrimaryOrderNumber: 'NOPE', ContractExternalId: 'CONTRACT-RESP' },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.ModelState)).toEqual(['request.PrimaryOrderNumber']);
  });
});
