import { expectNoContractBreaches, newOrder, raiseOrder, startTestSimulator, type TestSimulator } from './harness';

/** Requests the contract refuses, answered like ASP.NET Web API: 400, "The request is invalid." and a ModelState. */
let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

interface ErrorBody {
  Message: string;
  ModelState: Record<string, string[]>;
}

async function refusal(method: string, path: string, options: Parameters<TestSimulator['api']>[2]): Promise<ErrorBody> {
  const answer = await t.api<ErrorBody>(method, path, options);
  expect(answer.status).toBe(400);
  expect(answer.body.Message).toBe('The request is invalid.');
  return answer.body;
}

test('a missing required member', async () => {
  const order = newOrder();
  delete order.JobDescription;
  const body = await refusal('POST', '/api/SalesOrder', { body: order });
  expect(body.ModelState).toEqual({ 'request.JobDescription': ['The JobDescription field is required.'] });
});

test('a missing nested member is keyed by its path', async () => {
  const body = await refusal('POST', '/api/SalesOrder', { body: newOrder({ Customer: { ExternalId: 'PROP-0001' } }) });
  expect(body.ModelState['request.Customer.OrganisationExternalId']).toEqual([
    'The OrganisationExternalId field is required.',
  ]);
});

test('a member in an array is keyed with its index', async () => {
  const body = await refusal('POST', '/api/SalesOrder', {
    body: newOrder({ JobCodes: [{ CodeExternalId: 'BATH003' }, { Quantity: 1 }] }),
  });
  expect(body.ModelState['request.JobCodes[1].CodeExternalId']).toEqual(['The CodeExternalId field is required.']);
});

test('an over-long string (PrimaryOrderNumber of 33 characters)', async () => {
  const body = await refusal('POST', '/api/SalesOrder', { body: newOrder({ PrimaryOrderNumber: 'P'.repeat(33) }) });
  expect(body.ModelState).toEqual({
    'request.PrimaryOrderNumber': ['The field PrimaryOrderNumber must be a string with a maximum length of 32.'],
  });
});

test('a PrimaryOrderNumber of exactly 32 characters is fine', async () => {
  expect(
    (
      await t.api('POST', '/api/SalesOrder', {
        body: newOrder({ PrimaryOrderNumber: `L${Date.now()}`.padEnd(32, 'x') }),
      })
    ).status,
  ).toBe(201);
});

test('an unknown enumeration value (OrderSource 7)', async () => {
  const body = await refusal('POST', '/api/SalesOrder', { body: newOrder({ OrderSource: 7 }) });
  expect(body.ModelState).toEqual({ 'request.OrderSource': ["The value '7' is not valid for OrderSource."] });
});

test('a string where the contract says Integer (Booking PlanningWindowId "2")', async () => {
  const pon = await raiseOrder(t);
  const body = await refusal('POST', '/api/Booking', {
    body: { PrimaryOrderNumber: pon, Date: '2026-12-02', PlanningWindowId: '2' },
  });
  expect(body.ModelState).toEqual({
    'request.PlanningWindowId': ["Error converting value \"2\" to type 'System.Int32'. Path 'PlanningWindowId'."],
  });
});

test('every invalid member is reported at once', async () => {
  const order = newOrder({ PrimaryOrderNumber: 'P'.repeat(40), OrderSource: 9 });
  delete order.TargetDateUTC;
  const body = await refusal('POST', '/api/SalesOrder', { body: order });
  expect(Object.keys(body.ModelState).sort()).toEqual([
    'request.OrderSource',
    'request.PrimaryOrderNumber',
    'request.TargetDateUTC',
  ]);
});

test('a date not in yyyy-MM-dd form, and an impossible date', async () => {
  const badForm = await refusal('POST', '/api/SalesOrder', { body: newOrder({ TargetDateUTC: '01/12/2026' }) });
  expect(badForm.ModelState).toEqual({
    'request.TargetDateUTC': ["The value '01/12/2026' is not valid for TargetDateUTC."],
  });
  const impossible = await refusal('POST', '/api/SalesOrder', { body: newOrder({ TargetDateUTC: '2026-02-31' }) });
  expect(impossible.ModelState).toEqual({ 'request.TargetDateUTC': ["The value '2026-02-31' is not a valid date."] });
});

test('query parameters: required, typed and ranged', async () => {
  const missing = await refusal('GET', '/api/Availability', { query: {} });
  expect(missing.ModelState).toEqual({ 'request.PrimaryOrderNumber': ['The PrimaryOrderNumber field is required.'] });
  const notInteger = await refusal('GET', '/api/Availability', {
    query: { PrimaryOrderNumber: 'X', NumberOfWeeks: 'two' },
  });
  expect(notInteger.ModelState).toEqual({
    'request.NumberOfWeeks': ["The value 'two' is not valid for NumberOfWeeks."],
  });
  const outOfRange = await refusal('GET', '/api/Availability', {
    query: { PrimaryOrderNumber: 'X', NumberOfWeeks: 6 },
  });
  expect(outOfRange.ModelState).toEqual({
    'request.NumberOfWeeks': ['The field NumberOfWeeks must be between 1 and 5.'],
  });
});

test('a path parameter that is not an integer is keyed by its own name', async () => {
  const body = await refusal('GET', '/api/SalesOrder/abc/Code', {});
  expect(body.ModelState).toEqual({ orderId: ["The value 'abc' is not valid for orderId."] });
});

test('a missing body and a malformed body', async () => {
  const missing = await refusal('POST', '/api/Booking', {});
  expect(missing.ModelState).toEqual({ request: ['A non-empty request body is required.'] });
  const malformed = await refusal('POST', '/api/Booking', { body: '{"PrimaryOrderNumber": ' });
  expect(Object.keys(malformed.ModelState)).toEqual(['request']);
});

test('a body that is not JSON is refused with 415', async () => {
  const answer = await t.api('POST', '/api/Booking', {
    body: 'PrimaryOrderNumber=X',
    headers: { 'Content-Type': 'text/plain' },
  });
  expect(answer.status).toBe(415);
  expect(answer.body).toEqual({
    Message: "The request entity's media type 'text/plain' is not supported for this resource.",
  });
});

test('members bind whatever their casing, unknown members and nulls are ignored (Json.NET)', async () => {
  const order = newOrder();
  const camel = Object.fromEntries(Object.entries(order).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), v]));
  const answer = await t.api<{ PrimaryOrderNumber: string }>('POST', '/api/SalesOrder', {
    body: { ...camel, SomethingElse: 'ignored', CrmId: null },
  });
  expect(answer.status).toBe(201);
  expect(answer.body.PrimaryOrderNumber).toBe(order.PrimaryOrderNumber);
  expect(answer.body).not.toHaveProperty('SomethingElse');
  expect(answer.body).not.toHaveProperty('CrmId');
});

test('query parameter names ignore case and unknown ones are ignored', async () => {
  const pon = await raiseOrder(t);
  const answer = await t.api('GET', '/api/Availability', {
    query: { primaryordernumber: pon, numberOfWeeks: 2, utm_source: 'x' },
  });
  expect(answer.status).toBe(200);
  expect((answer.body as { Availability: { NumberOfWeeks: number } }).Availability.NumberOfWeeks).toBe(2);
});
