import { type OrderRecord, OrderRegistry } from '../../../src/repairs/orders/orderRegistry';
import { MemoryRecordStore } from '../../../src/repairs/orders/recordStore';

const order = (orderNumber: string, overrides: Partial<OrderRecord> = {}): OrderRecord => ({
  orderNumber,
  propertyId: 'PROP-0001',
  code: 'BATH001',
  raisedAt: '2026-12-01T09:00:00.000Z',
  status: 'open',
  channelId: 'directline',
  conversation: { conversation: { id: 'c1' }, serviceUrl: 'http://127.0.0.1/' },
  ...overrides,
});

describe('OrderRegistry', () => {
  it('finds an order by number and lists a property’s orders newest first', async () => {
    const registry = new OrderRegistry(new MemoryRecordStore());
    await registry.record(order('RB-1', { raisedAt: '2026-12-01T09:00:00.000Z' }));
    await registry.record(order('RB-2', { raisedAt: '2026-12-02T09:00:00.000Z' }));
    await registry.record(order('RB-3', { propertyId: 'PROP-0002' }));

    expect((await registry.find('RB-1'))?.code).toBe('BATH001');
    expect(await registry.find('RB-404')).toBeUndefined();
    expect((await registry.forProperty('PROP-0001')).map((o) => o.orderNumber)).toEqual(['RB-2', 'RB-1']);
    expect((await registry.forProperty('PROP-0002')).map((o) => o.orderNumber)).toEqual(['RB-3']);
    expect(await registry.forProperty('PROP-0009')).toEqual([]);
  });

  it('records the same order twice without listing it twice (a retried turn)', async () => {
    const registry = new OrderRegistry(new MemoryRecordStore());
    await registry.record(order('RB-1'));
    await registry.record(order('RB-1'));
    expect(await registry.forProperty('PROP-0001')).toHaveLength(1);
  });

  it('updates an order it knows and ignores one it does not', async () => {
    const registry = new OrderRegistry(new MemoryRecordStore());
    await registry.record(order('RB-1'));
    const visit = { visitExternalId: 'V1', slot: { date: '2026-12-03', planningWindowId: 2 }, description: 'Thursday' };
    await registry.update('RB-1', { visit, status: 'open' });
    await registry.update('RB-404', { status: 'cancelled' });
    expect(await registry.find('RB-1')).toMatchObject({ visit, status: 'open', propertyId: 'PROP-0001' });
    expect(await registry.find('RB-404')).toBeUndefined();
  });
});
