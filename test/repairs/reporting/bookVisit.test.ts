import { bookVisit } from '../../../src/repairs/reporting/bookVisit';
import { handOffToContractor } from '../../../src/repairs/reporting/handOffToContractor';
import { SlotFinder } from '../../../src/repairs/reporting/slotSearch';
import { type Slot } from '../../../src/repairs/slots';
import { clock, type Reporting, startReporting, ZONE } from './reportingHarness';

describe('bookVisit and handOffToContractor', () => {
  let r: Reporting;
  let finder: SlotFinder;
  beforeAll(async () => {
    r = await startReporting('reporting-book-visit@simulator.local');
    finder = new SlotFinder(r.connect, clock, ZONE);
  });
  afterEach(() => r.simulator.clearFaults());
  afterAll(() => r.close());

  /** A new order in Connect and the slots the tenant would be offered first. */
  async function orderWithOffer(code = 'BATH001'): Promise<{ orderNumber: string; slots: Slot[] }> {
    const order = r.orderFor({ code });
    await r.connect.createOrder(order);
    const page = await finder.nextPage(finder.start(order.PrimaryOrderNumber, { emergency: false }));
    return { orderNumber: order.PrimaryOrderNumber, slots: page.slots };
  }

  it('books the chosen slot with the access notes: booked, with the visit id', async () => {
    const { orderNumber, slots } = await orderWithOffer();
    const slot = slots[1]!;
    const since = r.mark();

    const outcome = await bookVisit(r.connect, { orderNumber, slot, accessNotes: 'Ring the top buzzer' });

    expect(outcome).toEqual({ kind: 'booked', slot, visitExternalId: expect.stringMatching(/^VIS-/) });
    const [booking] = r.calls('postBooking', since);
    expect(booking?.status).toBe(200);
    expect(booking?.body).toEqual({
      PrimaryOrderNumber: orderNumber,
      Date: slot.date,
      PlanningWindowId: slot.planningWindowId,
      VisitInstructions: 'Ring the top buzzer',
    });
    const visit = r.simulator
      .snapshot()
      .visits.find((v) => v.VisitExternalId === (outcome as { visitExternalId: string }).visitExternalId);
    expect(visit).toMatchObject({ slot, VisitInstructions: 'Ring the top buzzer' });
  });

  it('cuts access notes to 255 characters', async () => {
    const { orderNumber, slots } = await orderWithOffer();
    const since = r.mark();
    await bookVisit(r.connect, { orderNumber, slot: slots[0]!, accessNotes: 'x'.repeat(400) });
    expect((r.calls('postBooking', since)[0]?.body as { VisitInstructions: string }).VisitInstructions).toHaveLength(
      255,
    );
  });

  it('reports slot-gone when someone else took the slot after the offer (400), and nothing is booked', async () => {
    const { orderNumber, slots } = await orderWithOffer();
    const slot = slots[0]!;
    r.simulator.fault({ kind: 'take-slot', date: slot.date, planningWindowId: slot.planningWindowId });
    const visitsBefore = r.simulator.snapshot().visits.length;
    const since = r.mark();

    const outcome = await bookVisit(r.connect, { orderNumber, slot });

    expect(outcome).toEqual({ kind: 'slot-gone' });
    expect(r.calls('postBooking', since).map((c) => c.status)).toEqual([400]);
    expect(r.simulator.snapshot().visits).toHaveLength(visitsBefore);
  });

  it('reports unavailable when Connect does not answer (503), without sending the booking again', async () => {
    const { orderNumber, slots } = await orderWithOffer();
    r.simulator.fault({ kind: 'status', status: 503, operationId: 'postBooking', count: 1 });
    const since = r.mark();

    const outcome = await bookVisit(r.connect, { orderNumber, slot: slots[0]! });

    // A 503 is Connect's answer that it did not do it: not uncertain, unlike a timeout.
    expect(outcome).toEqual({ kind: 'unavailable', uncertain: false });
    expect(r.calls('postBooking', since).map((c) => c.status)).toEqual([503]);
    // Before saying it was not booked, it looked: the order has no visit that day.
    expect(r.calls('getBookingSummary', since).map((c) => c.status)).toEqual([200]);
  });

  it('reports booked when the answer was lost but Connect did book the visit', async () => {
    const { orderNumber, slots } = await orderWithOffer();
    const first = await bookVisit(r.connect, { orderNumber, slot: slots[0]! });
    expect(first.kind).toBe('booked');
    // The same booking again, as after a restart mid-call, and this time the answer does not come back.
    r.simulator.fault({ kind: 'status', status: 503, operationId: 'postBooking', count: 1 });

    const outcome = await bookVisit(r.connect, { orderNumber, slot: slots[0]! });

    expect(outcome).toEqual({
      kind: 'booked',
      slot: slots[0],
      visitExternalId: first.kind === 'booked' ? first.visitExternalId : 'missing',
    });
  });

  it('moves an existing visit when given its id', async () => {
    const { orderNumber, slots } = await orderWithOffer();
    const first = await bookVisit(r.connect, { orderNumber, slot: slots[0]! });
    const visitExternalId = first.kind === 'booked' ? first.visitExternalId : undefined;

    const moved = await bookVisit(r.connect, { orderNumber, slot: slots[2]!, visitExternalId });

    expect(moved).toEqual({ kind: 'booked', slot: slots[2], visitExternalId });
    const visit = r.simulator.snapshot().visits.find((v) => v.VisitExternalId === visitExternalId);
    expect(visit?.slot).toEqual(slots[2]);
  });

  it('hands external work to the sub-area’s supplier and returns the supplier’s name', async () => {
    const order = r.orderFor({ code: 'WIND002' });
    await r.connect.createOrder(order);
    const subArea = r.subArea('WIND002');
    expect(subArea.contractor).toEqual({ type: 'External', supplierExternalId: 'SUP-GLAZE' });
    const since = r.mark();

    const outcome = await handOffToContractor(r.connect, r.catalogue, order.PrimaryOrderNumber, 'SUP-GLAZE');

    expect(outcome).toEqual({ kind: 'handed-off', supplierName: 'Clearview Glazing Ltd' });
    expect(r.calls('postBookSubContractorOrder', since).map((c) => [c.status, c.body])).toEqual([
      [200, { PrimaryOrderNumber: order.PrimaryOrderNumber, SupplierExternalId: 'SUP-GLAZE' }],
    ]);
    expect(r.simulator.snapshot().subcontractOrders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ PrimaryOrderNumber: order.PrimaryOrderNumber, SupplierExternalId: 'SUP-GLAZE' }),
      ]),
    );
  });

  it('reports unavailable when Connect cannot take the hand-off', async () => {
    const order = r.orderFor({ code: 'ROOF001' });
    await r.connect.createOrder(order);
    r.simulator.fault({ kind: 'status', status: 503, operationId: 'postBookSubContractorOrder', count: 1 });

    const outcome = await handOffToContractor(r.connect, r.catalogue, order.PrimaryOrderNumber, 'SUP-ROOF');

    expect(outcome).toEqual({ kind: 'unavailable' });
  });
});
