import { CLAIM_LEASE_MS, type ConnectEvent, eventKey, EventLedger, EventQueue } from '../../src/repairs/events';
import { MemoryRecordStore } from '../../src/repairs/orders/recordStore';
import { waitFor } from './eventsHarness';

const NOW = new Date('2026-12-01T09:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('eventKey: what makes two deliveries the same event', () => {
  const shelved: ConnectEvent = {
    type: 'VisitShelved',
    orderNumber: 'RB-261201-7KQ4MZ8P',
    visitExternalId: 'VIS-000001',
  };

  it('Connect’s EventId when given, whatever else differs', () => {
    expect(eventKey({ ...shelved, eventId: 'EV-1' })).toBe(eventKey({ ...shelved, eventId: 'EV-1', visitStatus: 6 }));
    expect(eventKey({ ...shelved, eventId: 'EV-1' })).not.toBe(eventKey({ ...shelved, eventId: 'EV-2' }));
  });

  it('otherwise the content, leaving out the CloudExternalId, and ignoring the case of ids', () => {
    expect(eventKey(shelved)).toBe(eventKey({ ...shelved, cloudExternalId: 'call-2' }));
    expect(eventKey(shelved)).toBe(
      eventKey({ ...shelved, orderNumber: 'rb-261201-7kq4mz8p', visitExternalId: 'vis-000001' }),
    );
    expect(eventKey(shelved)).not.toBe(eventKey({ ...shelved, type: 'VisitDeleted' }));
    expect(eventKey({ ...shelved, occurredAt: '2026-12-04T10:00:00Z' })).toBe(
      eventKey({ ...shelved, occurredAt: '2026-12-04T10:00:00.000Z' }),
    );
    expect(eventKey({ ...shelved, occurredAt: '2026-12-04T10:00:00Z' })).not.toBe(
      eventKey({ ...shelved, occurredAt: '2026-12-05T10:00:00Z' }),
    );
  });
});

describe('EventLedger: an event is acted on once, across instances sharing the store', () => {
  it('the first claim wins; a done event stays done', async () => {
    const store = new MemoryRecordStore();
    const [one, two] = [new EventLedger(store), new EventLedger(store)];
    const first = await one.claim('k', NOW);
    expect(first.kind).toBe('claimed');
    expect((await two.claim('k', NOW)).kind).toBe('seen');
    if (first.kind !== 'claimed') throw new Error('unreachable');
    await one.done('k', first.claim, 200, NOW);
    expect(await two.claim('k', later(CLAIM_LEASE_MS * 10))).toMatchObject({
      kind: 'seen',
      entry: { state: 'done', statusCode: 200 },
    });
  });

  it('a failed attempt is released, and a claim left half-way lapses after the lease', async () => {
    const ledger = new EventLedger(new MemoryRecordStore());
    const first = await ledger.claim('failing', NOW);
    if (first.kind !== 'claimed') throw new Error('not claimed');
    await ledger.failed('failing', first.claim, 502, NOW);
    expect((await ledger.claim('failing', NOW)).kind).toBe('claimed');

    await ledger.claim('stuck', NOW);
    expect((await ledger.claim('stuck', later(CLAIM_LEASE_MS - 1))).kind).toBe('seen');
    expect((await ledger.claim('stuck', later(CLAIM_LEASE_MS))).kind).toBe('claimed');
  });

  it('a lapsed claim finishing late does not overwrite the new claim', async () => {
    const ledger = new EventLedger(new MemoryRecordStore());
    const old = await ledger.claim('k', NOW);
    const fresh = await ledger.claim('k', later(CLAIM_LEASE_MS));
    if (old.kind !== 'claimed' || fresh.kind !== 'claimed') throw new Error('not claimed');
    await ledger.done('k', old.claim, 200, later(CLAIM_LEASE_MS));
    expect(await ledger.find('k')).toMatchObject({ state: 'processing', claim: fresh.claim });
  });
});

describe('EventQueue: background work, in order per order, bounded', () => {
  it('keeps the order of one key and lets other keys run beside it', async () => {
    const done: string[] = [];
    const gates = new Map<string, () => void>();
    const queue = new EventQueue<{ key: string; name: string }>({
      keyOf: (item) => item.key,
      work: (item) =>
        new Promise<void>((resolve) => {
          gates.set(item.name, () => {
            done.push(item.name);
            resolve();
          });
        }),
    });
    for (const [key, name] of [
      ['A', 'a1'],
      ['A', 'a2'],
      ['B', 'b1'],
    ])
      queue.offer({ key: key!, name: name! });
    await waitFor('a1 and b1 started', () => gates.has('a1') && gates.has('b1'));
    expect(gates.has('a2')).toBe(false); // a2 waits for a1
    gates.get('b1')!();
    gates.get('a1')!();
    await waitFor('a2 started', () => gates.has('a2'));
    gates.get('a2')!();
    await queue.close();
    expect(done).toEqual(['b1', 'a1', 'a2']);
  });

  it('a failing item does not stop the ones behind it; full or closed, it takes nothing more', async () => {
    const done: number[] = [];
    const queue = new EventQueue<number>({
      keyOf: () => 'same',
      capacity: 2,
      work: async (n) => {
        if (n === 1) throw new Error('boom');
        done.push(n);
      },
    });
    expect([queue.offer(1), queue.offer(2), queue.offer(3), queue.offer(4)]).toEqual([true, true, true, false]);
    await queue.close();
    expect(done).toEqual([2, 3]);
    expect(queue.offer(5)).toBe(false);
  });
});
