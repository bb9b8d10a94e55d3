import { expectNoContractBreaches, raiseOrder, startTestSimulator, type TestSimulator } from './harness';

/** The supporting operations: Code, Attribute, Customer, JobCode, PlanningWindow, PurchaseInvoice, RateBook, ResponseCallback, UserAccount, AvailabilityByTrade. */
let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

type ErrorBody = { Message: string; ModelState: Record<string, string[]> };

async function orderIdOf(pon: string): Promise<number> {
  return (
    await t.api<number>('GET', '/api/IdLookup/OrderId', {
      query: { PrimaryOrderNumber: pon, ContractExternalId: 'CONTRACT-RESP' },
    })
  ).body;
}

describe('Code', () => {
  test('add, read, update and remove the codes of an order', async () => {
    const id = await orderIdOf(await raiseOrder(t, { JobCodes: [{ CodeExternalId: 'BATH003', Quantity: 1 }] }));
    const base = `/api/SalesOrder/${id}/Code`;
    expect((await t.api('GET', base)).body).toEqual([{ CodeExternalId: 'BATH003', Quantity: 1 }]);

    expect((await t.api('POST', base, { body: { CodeExternalId: 'BATH004', Quantity: 2 } })).body).toEqual({});
    expect(
      (await t.api('POST', base, { body: { CodeExternalId: 'BATH004', LocationExternalId: 'BATHROOM', Quantity: 1 } }))
        .status,
    ).toBe(200);
    expect((await t.api('GET', `${base}/BATH004`)).body).toEqual({ CodeExternalId: 'BATH004', Quantity: 2 });
    expect((await t.api('GET', `${base}/BATH004/Location/BATHROOM`)).body).toEqual({
      CodeExternalId: 'BATH004',
      LocationExternalId: 'BATHROOM',
      Quantity: 1,
    });

    expect((await t.api('PUT', base, { body: { CodeExternalId: 'BATH004', Quantity: 5 } })).status).toBe(200);
    expect((await t.api<{ Quantity: number }>('GET', `${base}/BATH004`)).body.Quantity).toBe(5);

    expect((await t.api('DELETE', `${base}/BATH004/Location/BATHROOM`)).status).toBe(200);
    expect((await t.api('DELETE', `${base}/BATH004`)).status).toBe(200);
    expect((await t.api('GET', base)).body).toEqual([{ CodeExternalId: 'BATH003', Quantity: 1 }]);
  });

  test('an unknown order id, unknown job code, duplicate or missing code is refused', async () => {
    const unknownOrder = await t.api<ErrorBody>('GET', '/api/SalesOrder/1/Code');
    expect(unknownOrder.status).toBe(400);
    expect(Object.keys(unknownOrder.body.ModelState)).toEqual(['orderId']);
    const id = await orderIdOf(await raiseOrder(t));
    const base = `/api/SalesOrder/${id}/Code`;
    const unknownCode = await t.api<ErrorBody>('POST', base, { body: { CodeExternalId: 'NOPE', Quantity: 1 } });
    expect(Object.keys(unknownCode.body.ModelState)).toEqual(['request.CodeExternalId']);
    expect((await t.api('POST', base, { body: { CodeExternalId: 'BATH003', Quantity: 1 } })).status).toBe(400);
    expect((await t.api('PUT', base, { body: { CodeExternalId: 'TAPS001', Quantity: 1 } })).status).toBe(400);
    expect((await t.api('GET', `${base}/TAPS001`)).status).toBe(400);
    expect((await t.api('DELETE', `${base}/TAPS001`)).status).toBe(400);
    const noQuantity = await t.api<ErrorBody>('POST', base, { body: { CodeExternalId: 'TAPS001' } });
    expect(noQuantity.body.ModelState).toEqual({ 'request.Quantity': ['The Quantity field is required.'] });
  });
});

describe('Attribute', () => {
  test('set and read the scheduling attributes of an order', async () => {
    const id = await orderIdOf(await raiseOrder(t));
    expect(
      (
        await t.api('POST', `/api/SalesOrder/${id}/Attribute`, {
          body: [
            { AttributeName: 'Vulnerable', Value: 'Yes' },
            { AttributeName: 'Pets', Value: 'Dog' },
          ],
        })
      ).body,
    ).toEqual({});
    await t.api('POST', `/api/SalesOrder/${id}/Attribute`, { body: [{ AttributeName: 'vulnerable', Value: 'No' }] });
    expect((await t.api('GET', `/api/SalesOrder/${id}/Attribute`)).body).toEqual({
      OrderId: id,
      Attribute: [
        { AttributeName: 'vulnerable', Value: 'No' },
        { AttributeName: 'Pets', Value: 'Dog' },
      ],
    });
  });
});

describe('Customer POST', () => {
  const model = {
    ExternalId: 'PROP-0100',
    Name: 'Mx Riley Moss',
    OrganisationExternalId: 'ORG-HA',
    CustomerAddress: { ExternalId: 'ADDR-0100', Address1: '9 Ouse Lane', City: 'York', PostCode: 'YO1 7ZZ' },
    CustomerContact: {
      ExternalId: 'CON-0100',
      FirstName: 'Riley',
      LastName: 'Moss',
      MobilePhone: '07700 900100',
      HomeEmail: 'riley.moss@example.com',
    },
  };

  test('answers 201 with the CustomerModel and the property can then be used', async () => {
    const answer = await t.api('POST', '/api/Customer', { body: model, version: 4 });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual(model);
    const pon = await raiseOrder(t, { Customer: { ExternalId: 'PROP-0100', OrganisationExternalId: 'ORG-HA' } });
    const summary = await t.api<{ Customer: Record<string, unknown> }>('GET', '/api/BookingSummary', {
      version: 1,
      query: { PrimaryOrderNumber: pon },
    });
    expect(summary.body.Customer).toMatchObject({
      ExternalId: 'PROP-0100',
      Name: 'Mx Riley Moss',
      PrimaryContact: { FirstName: 'Riley', EmailAddress: 'riley.moss@example.com' },
      PrimaryAddress: { Line1: '9 Ouse Lane', PostCode: 'YO1 7ZZ' },
    });
  });

  test('a duplicate, an unknown organisation or parent, or a missing address is refused', async () => {
    const duplicate = await t.api<ErrorBody>('POST', '/api/Customer', {
      body: { ...model, ExternalId: 'PROP-0001' },
      version: 4,
    });
    expect(Object.keys(duplicate.body.ModelState)).toEqual(['request.ExternalId']);
    const references = await t.api<ErrorBody>('POST', '/api/Customer', {
      body: { ...model, ExternalId: 'PROP-0101', OrganisationExternalId: 'ORG-X', ParentExternalId: 'NOPE' },
      version: 4,
    });
    expect(Object.keys(references.body.ModelState).sort()).toEqual([
      'request.OrganisationExternalId',
      'request.ParentExternalId',
    ]);
    const { CustomerAddress: _dropped, ...withoutAddress } = model;
    const missing = await t.api<ErrorBody>('POST', '/api/Customer', {
      body: { ...withoutAddress, ExternalId: 'PROP-0102' },
      version: 4,
    });
    expect(missing.body.ModelState).toEqual({ 'request.CustomerAddress': ['The CustomerAddress field is required.'] });
  });
});

describe('JobCode', () => {
  test('read a seeded code, create one and update it', async () => {
    const first = await t.api<{ CodeExternalId: string }>('GET', '/api/JobCode/1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      CodeExternalId: 'BATH001',
      ShortDescription: 'Bath leak',
      ContractExternalId: 'CONTRACT-RESP',
    });
    const created = await t.api('POST', '/api/JobCode', {
      body: { CodeExternalId: 'TEST001', ShortDescription: 'A test code', ContractExternalId: 'CONTRACT-RESP' },
    });
    expect(created.status).toBe(200);
    const id = t.sim.state.jobCodeByExternalId('TEST001')?.id as number;
    const updated = await t.api('PUT', `/api/JobCode/${id}`, {
      body: { CodeExternalId: 'TEST001', ShortDescription: 'Renamed' },
    });
    expect(updated.body).toEqual({ CodeExternalId: 'TEST001', ShortDescription: 'Renamed' });
    expect((await t.api('GET', `/api/JobCode/${id}`)).body).toEqual({
      CodeExternalId: 'TEST001',
      ShortDescription: 'Renamed',
    });
  });

  test('an unknown id, a duplicate code or a code of another job code is refused', async () => {
    expect((await t.api<ErrorBody>('GET', '/api/JobCode/99999')).body.ModelState).toEqual({
      id: ['No job code with id 99999 exists.'],
    });
    expect((await t.api('POST', '/api/JobCode', { body: { CodeExternalId: 'BATH001' } })).status).toBe(400);
    expect((await t.api('PUT', '/api/JobCode/2', { body: { CodeExternalId: 'BATH001' } })).status).toBe(400);
  });
});

test('PlanningWindow GET lists the five windows', async () => {
  const answer = await t.api<{ Id: number; Name: string }[]>('GET', '/api/PlanningWindow', { version: 1 });
  expect(answer.body.map((w) => `${w.Id} ${w.Name}`)).toEqual([
    '1 ALL DAY',
    '2 MORNING',
    '3 AFTERNOON',
    '4 SCHOOL RUN',
    '5 OUT OF HOURS',
  ]);
});

describe('PurchaseInvoice POST', () => {
  const invoice = (reference: string, extra: Record<string, unknown> = {}) => ({
    SupplierExternalId: 'SUP-GLAZE',
    PurchaseInvoiceCategory: 1,
    SupplierInvoiceReference: reference,
    InvoiceDateUTC: '2026-12-01',
    PaymentTerms: 1,
    GoodsValue: 120.5,
    ...extra,
  });

  test('answers 201 with the invoice; a second invoice with the same reference is refused', async () => {
    const pon = await raiseOrder(t);
    const body = invoice('INV-1', {
      PurchaseInvoiceLines: [{ CodeExternalId: 'WIND002', PurchaseOrderNumber: 'PO-1', PrimaryOrderNumber: pon }],
    });
    const answer = await t.api('POST', '/api/PurchaseInvoice', { body });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual(body);
    expect((await t.api('POST', '/api/PurchaseInvoice', { body })).status).toBe(400);
  });

  test('an unknown supplier, code or order is refused', async () => {
    const answer = await t.api<ErrorBody>('POST', '/api/PurchaseInvoice', {
      body: invoice('INV-2', {
        SupplierExternalId: 'SUP-NOPE',
        PurchaseInvoiceLines: [{ CodeExternalId: 'NOPE', PurchaseOrderNumber: 'PO-2', PrimaryOrderNumber: 'NOPE' }],
      }),
    });
    expect(Object.keys(answer.body.ModelState).sort()).toEqual([
      'request.PurchaseInvoiceLines[0].CodeExternalId',
      'request.PurchaseInvoiceLines[0].PrimaryOrderNumber',
      'request.SupplierExternalId',
    ]);
  });
});

describe('RateBook', () => {
  test('all rate books of a code, one of a contract, and a new price', async () => {
    const all = await t.api<{ ContractExternalId: string; Price: number }[]>('GET', '/api/RateBook', {
      query: { CodeExternalId: 'TAPS001' },
    });
    expect(all.status).toBe(200);
    expect(all.body).toEqual([
      {
        CodeExternalId: 'TAPS001',
        ContractExternalId: 'CONTRACT-RESP',
        ContractName: 'Responsive Repairs',
        Price: expect.any(Number),
      },
    ]);
    const one = await t.api('GET', '/api/RateBook', {
      query: { CodeExternalId: 'TAPS001', ContractExternalId: 'CONTRACT-RESP' },
    });
    expect(one.body).toEqual(all.body[0]);
    const put = await t.api('PUT', '/api/RateBook/TAPS001/CONTRACT-RESP', {
      body: { CodeExternalId: 'TAPS001', ContractExternalId: 'CONTRACT-RESP', Price: 42.5 },
    });
    expect(put.body).toEqual({
      CodeExternalId: 'TAPS001',
      ContractExternalId: 'CONTRACT-RESP',
      ContractName: 'Responsive Repairs',
      Price: 42.5,
    });
    expect(
      (
        await t.api<{ Price: number }>('GET', '/api/RateBook', {
          query: { CodeExternalId: 'TAPS001', ContractExternalId: 'CONTRACT-RESP' },
        })
      ).body.Price,
    ).toBe(42.5);
  });

  test('unknown codes and contracts, and a body that disagrees with the URI, are refused', async () => {
    expect((await t.api('GET', '/api/RateBook', { query: { CodeExternalId: 'NOPE' } })).status).toBe(400);
    expect(
      (await t.api('GET', '/api/RateBook', { query: { CodeExternalId: 'TAPS001', ContractExternalId: 'NOPE' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await t.api('PUT', '/api/RateBook/TAPS001/NOPE', {
          body: { CodeExternalId: 'TAPS001', ContractExternalId: 'NOPE', Price: 1 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.api('PUT', '/api/RateBook/TAPS001/CONTRACT-RESP', {
          body: { CodeExternalId: 'TAPS002', ContractExternalId: 'CONTRACT-RESP', Price: 1 },
        })
      ).status,
    ).toBe(400);
  });
});

test('ResponseCallback POST is recorded', async () => {
  const answer = await t.api('POST', '/api/ResponseCallback', {
    version: 2,
    body: { CloudExternalId: 'CLOUD-1', StatusCode: 200, Message: 'Delivered' },
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({});
  expect(t.sim.snapshot().callbacks).toEqual([
    {
      receivedAt: '2026-12-01T09:00:00.000Z',
      callback: { CloudExternalId: 'CLOUD-1', StatusCode: 200, Message: 'Delivered' },
    },
  ]);
});

test('UserAccount POST hands out a single sign-in token and URL', async () => {
  const answer = await t.api<{ Token: string; Url: string; UserName: string }>('POST', '/api/UserAccount', {
    version: 2,
    body: { UserName: 'jo.bloggs', Email: 'jo.bloggs@example.com' },
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ UserName: 'jo.bloggs', Token: expect.stringMatching(/^[0-9A-F]{32}$/) });
  expect(answer.body.Url).toBe(`${t.sim.origin}/simulator/sso/${answer.body.Token}`);
  expect(await (await fetch(answer.body.Url)).json()).toEqual({ signedInAs: 'jo.bloggs' });
});

test('AvailabilityByTrade POST answers whole weeks without out of hours', async () => {
  const answer = await t.api<{
    Availability: Record<string, unknown>;
    AvailabilityPlanningWindows: {
      PlanningWindowId: number;
      AvailabilityDays: { Date: string; AvailabilityStatus: number }[];
    }[];
  }>('POST', '/api/AvailabilityByTrade', {
    body: { Date: '2026-12-09', NumberOfWeeks: 2, Skills: ['Plumbing'], Postcode: 'LS1 4AB' },
  });
  expect(answer.status).toBe(200);
  expect(answer.body.Availability).toMatchObject({ Date: '2026-12-09', NumberOfWeeks: 2, Skills: ['Plumbing'] });
  const morning = answer.body.AvailabilityPlanningWindows.find((w) => w.PlanningWindowId === 2);
  expect(morning?.AvailabilityDays).toHaveLength(14);
  expect(morning?.AvailabilityDays.find((d) => d.Date === '2026-12-09')?.AvailabilityStatus).toBe(1);
  const outOfHours = answer.body.AvailabilityPlanningWindows.find((w) => w.PlanningWindowId === 5);
  expect(outOfHours?.AvailabilityDays.every((d) => d.AvailabilityStatus === 0)).toBe(true);
});
