import type { ConnectFacade } from '../../../src/connect';
import { facadeFor, newOrder, startSimulator, type RunningSimulator } from './simulatorHarness';

describe('façade: sub-contractor orders', () => {
  let simulator: RunningSimulator;
  let connect: ConnectFacade;
  beforeEach(async () => {
    simulator = await startSimulator();
    connect = facadeFor(simulator);
  });
  afterEach(() => simulator.close());

  it('bookSubcontractor gives the order to a supplier (BookSubContractorOrder POST version 1)', async () => {
    const order = newOrder({ JobDescription: 'Window pane cracked', JobCodes: [] });
    await connect.createOrder(order);

    const booked = await connect.bookSubcontractor({
      primaryOrderNumber: order.PrimaryOrderNumber,
      supplierExternalId: 'SUP-GLAZE',
    });

    expect(booked).toEqual({
      PrimaryOrderNumber: order.PrimaryOrderNumber,
      SupplierExternalId: 'SUP-GLAZE',
      SupplierName: 'Clearview Glazing Ltd',
    });
    const [call] = await simulator.calls('postBookSubContractorOrder');
    expect(call).toMatchObject({ method: 'POST', status: 200, version: 1 });
  });

  it('updateSubcontractorOrder patches the sub-contract order (version 3)', async () => {
    const order = newOrder({ JobDescription: 'Window pane cracked', JobCodes: [] });
    await connect.createOrder(order);
    await connect.bookSubcontractor({ primaryOrderNumber: order.PrimaryOrderNumber, supplierExternalId: 'SUP-GLAZE' });

    const updated = await connect.updateSubcontractorOrder({
      PrimaryOrderNumber: order.PrimaryOrderNumber,
      Comments: 'Second pane cracked too',
      Codes: [{ CodeExternalId: 'BATH003', Quantity: 2 }],
    });

    expect(updated).toMatchObject({
      PrimaryOrderNumber: order.PrimaryOrderNumber,
      Comments: 'Second pane cracked too',
    });
    const [call] = await simulator.calls('patchBookSubContractorOrder');
    expect(call).toMatchObject({ method: 'PATCH', status: 200, version: 3 });
  });
});
