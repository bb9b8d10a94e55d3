import { expectNoContractBreaches, newOrder, startTestSimulator, type TestSimulator } from './harness';

/** ASP.NET's routing (any casing, trailing slash) and Connect's version negotiation by Accept header. */
let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

describe('routing', () => {
  test.each(['/api/planningwindow', '/API/PLANNINGWINDOW', '/api/PlanningWindow/'])(
    '%s reaches PlanningWindow GET',
    async (path) => {
      const answer = await t.api('GET', path, { version: 1 });
      expect(answer.status).toBe(200);
      expect(t.sim.journal().at(-1)?.operationId).toBe('getPlanningWindows');
    },
  );

  test('the base path ignores case too, and the token path is under it', async () => {
    const answer = await fetch(`${t.sim.origin}/ws-api/TOKEN`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=repairs-bot%40simulator.local&password=simulator-password',
    });
    expect(answer.status).toBe(200);
  });

  test('an unknown resource answers 404 with a Web API message', async () => {
    const answer = await t.api<{ Message: string }>('GET', '/api/Nothing');
    expect(answer.status).toBe(404);
    expect(answer.body.Message).toMatch(/^No HTTP resource was found that matches the request URI/);
    expect(t.sim.journal().at(-1)).toMatchObject({ operationId: null, status: 404 });
  });

  test('a known resource with the wrong verb answers 405', async () => {
    const answer = await t.api<{ Message: string }>('DELETE', '/api/SalesOrder');
    expect(answer.status).toBe(405);
    expect(answer.body.Message).toBe("The requested resource does not support http method 'DELETE'.");
    expect(answer.headers.get('allow')).toBe('GET, PATCH, POST');
  });

  test('paths outside the base path are not Connect', async () => {
    expect((await fetch(`${t.sim.origin}/api/PlanningWindow`)).status).toBe(404);
  });
});

describe('version negotiation', () => {
  test('SalesOrder POST version 3 answers 201 with the stored order', async () => {
    const order = newOrder();
    const answer = await t.api<Record<string, unknown>>('POST', '/api/SalesOrder', { body: order, version: 3 });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      PrimaryOrderNumber: order.PrimaryOrderNumber,
      JobDescription: 'Bath panel loose',
      OrderSource: 1,
    });
    // UseExistingCustomerDetails: the rest of the customer comes from Connect's record
    expect(answer.body.Customer).toMatchObject({
      ExternalId: 'PROP-0001',
      Name: 'Ms Amelia Hart',
      PrimaryAddress: { PostCode: 'LS1 4AB' },
    });
  });

  test('SalesOrder POST version 2 answers 201 with {}', async () => {
    const answer = await t.api('POST', '/api/SalesOrder', {
      body: newOrder({ UseExistingCustomerDetails: undefined, Customer: fullCustomer() }),
      version: 2,
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({});
    expect(t.sim.journal().at(-1)?.version).toBe(2);
  });

  test('no version means version 1', async () => {
    const answer = await t.api('POST', '/api/SalesOrder', {
      body: newOrder({ UseExistingCustomerDetails: undefined, Customer: fullCustomer() }),
      version: null,
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({});
    expect(t.sim.journal().at(-1)?.version).toBe(1);
  });

  test('members newer than the requested version are neither stored nor returned', async () => {
    const order = newOrder({ CrmId: 'CRM-1', OutOfHours: true });
    await t.api('POST', '/api/SalesOrder', { body: order, version: 3 });
    const v3 = await t.api<Record<string, unknown>>('GET', '/api/SalesOrder', {
      query: { PrimaryOrderNumber: order.PrimaryOrderNumber, ContractExternalId: 'CONTRACT-RESP' },
    });
    expect(v3.body).toMatchObject({ CrmId: 'CRM-1', OutOfHours: true, OrderSource: 1 });
    const v1 = await t.api<Record<string, unknown>>('GET', '/api/SalesOrder', {
      version: 1,
      query: { PrimaryOrderNumber: order.PrimaryOrderNumber, ContractExternalId: 'CONTRACT-RESP' },
    });
    expect(v1.body).not.toHaveProperty('CrmId');
    expect(v1.body).not.toHaveProperty('OrderSource');
  });

  test('a version above the method’s highest is refused with 400', async () => {
    const answer = await t.api<{ Message: string }>('POST', '/api/SalesOrder', { body: newOrder(), version: 4 });
    expect(answer.status).toBe(400);
    expect(answer.body.Message).toBe(
      'The requested version 4 is not supported by postSalesOrder; the highest supported version is 3.',
    );
    expect((await t.api('GET', '/api/BookingSummary', { version: 2, query: { PropertyId: 'PROP-0001' } })).status).toBe(
      400,
    );
    expect((await t.api('GET', '/api/BookingSummary', { version: 1, query: { PropertyId: 'PROP-0001' } })).status).toBe(
      200,
    );
  });

  test('the version parameter is read with or without spaces, and must be a number', async () => {
    const tight = await t.api('GET', '/api/PlanningWindow', {
      version: null,
      headers: { Accept: 'application/json;version=1' },
    });
    expect(tight.status).toBe(200);
    const nonsense = await t.api<{ Message: string }>('GET', '/api/PlanningWindow', {
      version: null,
      headers: { Accept: 'application/json; version=abc' },
    });
    expect(nonsense.status).toBe(400);
  });
});

function fullCustomer(): Record<string, unknown> {
  return {
    ExternalId: 'PROP-0002',
    OrganisationExternalId: 'ORG-HA',
    PrimaryContact: { FirstName: 'Daniel', LastName: 'Okafor', MobilePhone: '07700 900202' },
    PrimaryAddress: { Line1: '27 Kirkstall Road', City: 'Leeds', PostCode: 'LS3 1XY' },
  };
}
