import { bookVisit } from '../../../src/repairs/reporting/bookVisit';
import { SlotFinder } from '../../../src/repairs/reporting/slotSearch';
import { clock, type Reporting, startReporting, ZONE } from './reportingHarness';

/**
 * A turn that lost a state conflict to another instance is run again, and its first attempt may already have
 * booked the visit: with mayAlreadyExist the booking is looked up (BookingSummary) before it is made again.
 */
describe('bookVisit run again (mayAlreadyExist)', () => {
  let r: Reporting;
  let finder: SlotFinder;
  beforeAll(async () => {
    r = await startReporting('reporting-book-visit-rerun@simulator.local');
    finder = new SlotFinder(r.connect, clock, ZONE);
  });
  afterAll(() => r.close());

  async function orderWithOffer() {
    const order = r.orderFor({ code: 'BATH001' });
    await r.connect.createOrder(order);
    const page = await finder.nextPage(finder.start(order.PrimaryOrderNumber, { emergency: false }));
    return { orderNumber: order.PrimaryOrderNumber, slots: page.slots };
  }

  it('finds the visit the first attempt booked and does not POST a second Booking', async () => {
    const { orderNumber, slots } = await orderWithOffer();
    const first = await bookVisit(r.connect, { orderNumber, slot: slots[1]! });
    const since = r.mark();

    const again = await bookVisit(r.connect, { orderNumber, slot: slots[1]!, mayAlreadyExist: true });

    expect(again).toEqual(first);
    expect(r.calls('postBooking', since)).toEqual([]);
    expect(r.calls('getBookingSummary', since).map((c) => c.status)).toEqual([200]);
    expect(r.simulator.snapshot().visits.filter((v) => v.PrimaryOrderNumber === orderNumber)).toHaveLength(1);
  });

  it('books when the first attempt did not get as far as booking', async () => {
    const { orderNumber, slots } = await orderWithOffer();
    const since = r.mark();

    const outcome = await bookVisit(r.connect, { orderNumber, slot: slots[0]!, mayAlreadyExist: true });

    expect(outcome).toMatchObject({ kind: 'booked', slot: slots[0] });
    expect(r.calls('getBookingSummary', since)).toHaveLength(1);
    expect(r.calls('postBooking', since).map((c) => c.status)).toEqual([200]);
  });

  it('without mayAlreadyExist (a first attempt) books at once, with no look-up', async () => {
    const { orderNumber, slots } = await orderWithOffer();
    const since = r.mark();
    await bookVisit(r.connect, { orderNumber, slot: slots[0]! });
    expect(r.calls('getBookingSummary', since)).toEqual([]);
    expect(r.calls('postBooking', since)).toHaveLength(1);
  });
});
