import { AvailabilityStatus, VisitStatus, type AvailabilityResponse, type ConnectFacade } from '../../../src/connect';
import { daysFromNow, facadeFor, isoDate, newOrder, startSimulator, type RunningSimulator } from './simulatorHarness';

/** The first free slot in an availability answer. */
function firstFreeSlot(availability: AvailabilityResponse): { date: string; planningWindowId: number } {
  for (const window of availability.AvailabilityPlanningWindows ?? []) {
    const day = window.AvailabilityDays?.find((d) => d.AvailabilityStatus !== AvailabilityStatus.NotAvailable);
    if (day?.Date && window.PlanningWindowId !== undefined)
      return { date: day.Date, planningWindowId: window.PlanningWindowId };
  }
  throw new Error('no free slot offered');
}

describe('façade: scheduling', () => {
  let simulator: RunningSimulator;
  let connect: ConnectFacade;
  beforeEach(async () => {
    simulator = await startSimulator();
    connect = facadeFor(simulator);
  });
  afterEach(() => simulator.close());

  it('getPlanningWindows lists the five planning windows (version 1)', async () => {
    const windows = await connect.getPlanningWindows();

    expect(windows.map((w) => w.Name)).toEqual(['ALL DAY', 'MORNING', 'AFTERNOON', 'SCHOOL RUN', 'OUT OF HOURS']);
    expect(windows[1]).toMatchObject({ Id: 2, StartHour: 8, StartMinute: 0, EndHour: 12, EndMinute: 59 });
    expect(await simulator.calls('getPlanningWindows')).toEqual([expect.objectContaining({ status: 200, version: 1 })]);
  });

  it('getAvailability sends the order and week as query parameters (version 3)', async () => {
    const order = newOrder();
    await connect.createOrder(order);
    const date = isoDate(daysFromNow(7));

    const availability = await connect.getAvailability({
      primaryOrderNumber: order.PrimaryOrderNumber,
      date,
      numberOfWeeks: 2,
    });

    expect(availability.AvailabilityPlanningWindows?.length).toBeGreaterThan(0);
    expect(() => firstFreeSlot(availability)).not.toThrow();
    const [call] = await simulator.calls('getAvailability');
    expect(call).toMatchObject({ method: 'GET', status: 200, version: 3 });
    expect(call?.query).toMatchObject({ PrimaryOrderNumber: order.PrimaryOrderNumber, Date: date, NumberOfWeeks: '2' });
  });

  it('getAvailabilityByTrade posts skills and postcode (version 3)', async () => {
    const availability = await connect.getAvailabilityByTrade({
      Date: isoDate(daysFromNow(7)),
      NumberOfWeeks: 1,
      Skills: ['Plumbing'],
      Postcode: 'LS1 4AB',
    });

    expect(availability.AvailabilityPlanningWindows?.length).toBeGreaterThan(0);
    const [call] = await simulator.calls('postAvailabilityByTrade');
    expect(call).toMatchObject({ method: 'POST', status: 200, version: 3 });
    expect(call?.body).toMatchObject({ Skills: ['Plumbing'], Postcode: 'LS1 4AB' });
  });

  it('book books a free slot (version 3) and getBookingSummary shows the booked visit (version 1)', async () => {
    const order = newOrder();
    await connect.createOrder(order);
    const slot = firstFreeSlot(
      await connect.getAvailability({ primaryOrderNumber: order.PrimaryOrderNumber, date: isoDate(daysFromNow(7)) }),
    );

    const booked = await connect.book({
      PrimaryOrderNumber: order.PrimaryOrderNumber,
      Date: slot.date,
      PlanningWindowId: slot.planningWindowId,
    });

    expect(booked).toMatchObject({ PrimaryOrderNumber: order.PrimaryOrderNumber, Date: slot.date });
    expect(booked.PlanningWindow?.Id).toBe(slot.planningWindowId);
    const [bookingCall] = await simulator.calls('postBooking');
    expect(bookingCall).toMatchObject({ method: 'POST', status: 200, version: 3 });
    expect(bookingCall?.body).toEqual({
      PrimaryOrderNumber: order.PrimaryOrderNumber,
      Date: slot.date,
      PlanningWindowId: slot.planningWindowId,
    });

    const byOrder = await connect.getBookingSummary({ primaryOrderNumber: order.PrimaryOrderNumber });
    expect(byOrder.Appointments).toEqual([
      expect.objectContaining({ PrimaryOrderNumber: order.PrimaryOrderNumber, VisitStatus: VisitStatus.Booked }),
    ]);
    const byProperty = await connect.getBookingSummary({ propertyId: 'PROP-0001' });
    expect(byProperty.Customer?.ExternalId).toBe('PROP-0001');
    expect(byProperty.Appointments?.map((a) => a.PrimaryOrderNumber)).toContain(order.PrimaryOrderNumber);
    const summaryCalls = await simulator.calls('getBookingSummary');
    expect(summaryCalls.map((c) => [c.status, c.version])).toEqual([
      [200, 1],
      [200, 1],
    ]);
    expect(summaryCalls[1]?.query).toEqual({ PropertyId: 'PROP-0001' });
  });

  it('getBookingSummary passes a window as WindowStart/WindowEnd', async () => {
    const start = `${isoDate(daysFromNow(0))} 00:00:00`;
    const end = `${isoDate(daysFromNow(60))} 23:59:59`;

    const summary = await connect.getBookingSummary({ propertyId: 'PROP-0002' }, { start, end });

    expect(summary.Customer?.ExternalId).toBe('PROP-0002');
    const [call] = await simulator.calls('getBookingSummary');
    expect(call?.query).toEqual({ PropertyId: 'PROP-0002', WindowStart: start, WindowEnd: end });
  });
});
