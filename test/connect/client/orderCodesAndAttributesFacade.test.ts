import type { ConnectFacade } from '../../../src/connect';
import { facadeFor, newOrder, startSimulator, type RunningSimulator } from './simulatorHarness';

describe('façade: an order’s codes and attributes', () => {
  let simulator: RunningSimulator;
  let connect: ConnectFacade;
  let orderId: number;
  beforeEach(async () => {
    simulator = await startSimulator();
    connect = facadeFor(simulator);
    const order = newOrder({ JobCodes: [{ CodeExternalId: 'BATH003', Quantity: 1 }] });
    await connect.createOrder(order);
    orderId = await connect.lookupOrderId(order.PrimaryOrderNumber, 'CONTRACT-RESP');
  });
  afterEach(() => simulator.close());

  it('setAttributes posts a bare array (version 3) and getAttributes reads them back (version 3)', async () => {
    await connect.setAttributes(orderId, [{ AttributeName: 'Vulnerable', Value: 'Yes' }]);
    const attributes = await connect.getAttributes(orderId);

    expect(attributes.Attribute).toContainEqual({ AttributeName: 'Vulnerable', Value: 'Yes' });
    const [post] = await simulator.calls('postAttributes');
    expect(post).toMatchObject({
      method: 'POST',
      status: 200,
      version: 3,
      path: expect.stringContaining(`/SalesOrder/${orderId}/Attribute`),
    });
    expect(post?.body).toEqual([{ AttributeName: 'Vulnerable', Value: 'Yes' }]);
    expect(await simulator.calls('getAttributes')).toEqual([expect.objectContaining({ status: 200, version: 3 })]);
  });

  it('listCodes answers the order’s codes (Code GET All, version 3)', async () => {
    const codes = await connect.listCodes(orderId);

    expect(codes).toEqual([expect.objectContaining({ CodeExternalId: 'BATH003', Quantity: 1 })]);
    expect(await simulator.calls('getCodes')).toEqual([
      expect.objectContaining({ method: 'GET', status: 200, version: 3 }),
    ]);
  });

  it('addCode adds a code (Code POST, version 3)', async () => {
    await connect.addCode(orderId, { CodeExternalId: 'BATH001', Quantity: 2 });

    expect(await connect.listCodes(orderId)).toContainEqual(
      expect.objectContaining({ CodeExternalId: 'BATH001', Quantity: 2 }),
    );
    expect(await simulator.calls('postCode')).toEqual([
      expect.objectContaining({ method: 'POST', status: 200, version: 3 }),
    ]);
  });

  it('updateCode changes a quantity (Code PUT, version 3)', async () => {
    await connect.updateCode(orderId, { CodeExternalId: 'BATH003', Quantity: 3 });

    expect(await connect.getCode(orderId, 'BATH003')).toMatchObject({ CodeExternalId: 'BATH003', Quantity: 3 });
    expect(await simulator.calls('putCode')).toEqual([
      expect.objectContaining({ method: 'PUT', status: 200, version: 3 }),
    ]);
  });

  it('getCode reads one code (Code GET Single, version 3)', async () => {
    const code = await connect.getCode(orderId, 'BATH003');

    expect(code).toMatchObject({ CodeExternalId: 'BATH003', Quantity: 1 });
    const [call] = await simulator.calls('getCode');
    expect(call).toMatchObject({
      method: 'GET',
      status: 200,
      version: 3,
      path: expect.stringMatching(/\/Code\/BATH003$/),
    });
  });

  it('removeCode deletes a code (Code DELETE, version 3)', async () => {
    await connect.removeCode(orderId, 'BATH003');

    expect(await connect.listCodes(orderId)).toEqual([]);
    expect(await simulator.calls('deleteCode')).toEqual([
      expect.objectContaining({ method: 'DELETE', status: 200, version: 3 }),
    ]);
  });

  it('addresses a code at a location: getCodeAtLocation and removeCodeAtLocation (version 3)', async () => {
    await connect.addCode(orderId, { CodeExternalId: 'BATH001', LocationExternalId: 'BATHROOM', Quantity: 1 });

    const code = await connect.getCodeAtLocation(orderId, 'BATH001', 'BATHROOM');
    expect(code).toMatchObject({ CodeExternalId: 'BATH001', LocationExternalId: 'BATHROOM' });
    await connect.removeCodeAtLocation(orderId, 'BATH001', 'BATHROOM');

    expect((await connect.listCodes(orderId)).map((c) => c.CodeExternalId)).toEqual(['BATH003']);
    const [get] = await simulator.calls('getCodeByLocation');
    expect(get).toMatchObject({
      method: 'GET',
      status: 200,
      version: 3,
      path: expect.stringMatching(/\/Code\/BATH001\/Location\/BATHROOM$/),
    });
    expect(await simulator.calls('deleteCodeByLocation')).toEqual([
      expect.objectContaining({ method: 'DELETE', status: 200, version: 3 }),
    ]);
  });
});
