import { expectNoContractBreaches, raiseOrder, startTestSimulator, type TestSimulator } from './harness';

/** BookSubContractorOrder POST and PATCH: work for the contract's suppliers. */
let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

type ErrorBody = { Message: string; ModelState: Record<string, string[]> };
const post = (body: Record<string, unknown>) =>
  t.api<Record<string, unknown> & ErrorBody>('POST', '/api/BookSubContractorOrder', { body, version: 1 });
const patch = (body: Record<string, unknown>) =>
  t.api<Record<string, unknown> & ErrorBody>('PATCH', '/api/BookSubContractorOrder', { body, version: 3 });

test('answers the supplier name', async () => {
  const pon = await raiseOrder(t, { JobCodes: [{ CodeExternalId: 'WIND002', Quantity: 1 }], ContractorType: 1 });
  const answer = await post({ PrimaryOrderNumber: pon, SupplierExternalId: 'SUP-GLAZE' });
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    PrimaryOrderNumber: pon,
    SupplierExternalId: 'SUP-GLAZE',
    SupplierName: 'Clearview Glazing Ltd',
  });
});

test('booking the same supplier again answers the same; another supplier is refused', async () => {
  const pon = await raiseOrder(t);
  await post({ PrimaryOrderNumber: pon, SupplierExternalId: 'SUP-PEST' });
  const again = await post({ PrimaryOrderNumber: pon, SupplierExternalId: 'sup-pest' });
  expect(again.status).toBe(200);
  expect(again.body.SupplierName).toBe('Guardian Pest Control');
  expect(t.sim.snapshot().subcontractOrders.filter((s) => s.PrimaryOrderNumber === pon)).toHaveLength(1);
  const other = await post({ PrimaryOrderNumber: pon, SupplierExternalId: 'SUP-ROOF' });
  expect(other.status).toBe(400);
});

test('an unknown supplier or order is refused', async () => {
  const pon = await raiseOrder(t);
  const supplier = await post({ PrimaryOrderNumber: pon, SupplierExternalId: 'SUP-NOPE' });
  expect(supplier.status).toBe(400);
  expect(Object.keys(supplier.body.ModelState)).toEqual(['request.SupplierExternalId']);
  const order = await post({ PrimaryOrderNumber: 'NOPE', SupplierExternalId: 'SUP-ROOF' });
  expect(order.status).toBe(400);
  expect(Object.keys(order.body.ModelState)).toEqual(['request.PrimaryOrderNumber']);
});

test('PATCH updates the sub-contract order found by order number or id, and answers its id', async () => {
  const pon = await raiseOrder(t);
  await post({ PrimaryOrderNumber: pon, SupplierExternalId: 'SUP-DRAIN' });
  const byNumber = await patch({
    PrimaryOrderNumber: pon,
    Comments: 'Tenant says the drain is overflowing',
    Codes: [{ CodeExternalId: 'ROOF005', Quantity: 1 }],
  });
  expect(byNumber.status).toBe(200);
  expect(byNumber.body).toMatchObject({
    PrimaryOrderNumber: pon,
    SubcontractOrderId: expect.any(Number),
    Comments: 'Tenant says the drain is overflowing',
  });
  const byId = await patch({ SubcontractOrderId: byNumber.body.SubcontractOrderId, Comments: 'Second update' });
  expect(byId.body).toMatchObject({ PrimaryOrderNumber: pon, SubcontractOrderId: byNumber.body.SubcontractOrderId });
  expect(t.sim.snapshot().subcontractOrders.find((s) => s.PrimaryOrderNumber === pon)?.updates).toHaveLength(2);
});

test('PATCH of an unknown sub-contract order, or with an unknown code, is refused', async () => {
  expect((await patch({ SubcontractOrderId: 999999 })).status).toBe(400);
  expect((await patch({ Comments: 'no id' })).status).toBe(400);
  const pon = await raiseOrder(t);
  await post({ PrimaryOrderNumber: pon, SupplierExternalId: 'SUP-LIFT' });
  const code = await patch({ PrimaryOrderNumber: pon, Codes: [{ CodeExternalId: 'NOPE' }] });
  expect(code.status).toBe(400);
  expect(Object.keys(code.body.ModelState)).toEqual(['request.Codes[0].CodeExternalId']);
});
