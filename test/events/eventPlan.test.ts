import { type ConnectEvent, type EventPlan, planEvent } from '../../src/repairs/events';
import { type OrderRecord } from '../../src/repairs/orders/orderRegistry';
import { describeSlot, type PlanningWindow } from '../../src/repairs/slots';

/** What the tenant sees, and what the bot's record becomes, for each kind of update: a table, as domain rules go. */
const WINDOWS: PlanningWindow[] = [
  { id: 2, name: 'MORNING', start: '08:00', end: '12:59' },
  { id: 3, name: 'AFTERNOON', start: '12:00', end: '16:59' },
];
const context = {
  describe: (slot: { date: string; planningWindowId: number }) => describeSlot(slot, WINDOWS),
  repairsPhone: '0306 999 0123',
};

const BOOKED = {
  visitExternalId: 'VIS-000001',
  slot: { date: '2026-12-01', planningWindowId: 3 },
  description: 'Tuesday 1 December, afternoon, midday to 5pm',
};
const ORDER: OrderRecord = {
  orderNumber: 'RB-261201-7KQ4MZ8P',
  propertyId: 'PROP-0001',
  code: 'BATH001',
  raisedAt: '2026-12-01T09:00:00.000Z',
  status: 'open',
  channelId: 'directline',
  visit: BOOKED,
};
const REF = 'RB 261201 7KQ4 MZ8P';
const AT_HOME = 'An adult (18 or over) must be at home for the whole time slot.';
const event = (type: ConnectEvent['type'], changes: Partial<ConnectEvent> = {}): ConnectEvent => ({
  type,
  orderNumber: ORDER.orderNumber,
  visitExternalId: type === 'OrderCompleted' ? undefined : 'VIS-000001',
  ...changes,
});
const thursdayMorning = { date: '2026-12-03', planningWindowId: 2 };
const THURSDAY = 'Thursday 3 December, morning, 8am to 1pm';

const rows: { name: string; event: ConnectEvent; order?: Partial<OrderRecord>; expected: EventPlan }[] = [
  {
    name: 'a new appointment',
    event: event('NewAppointment', { visitExternalId: 'VIS-000002', slot: thursdayMorning }),
    order: { visit: undefined },
    expected: {
      message: `A visit is booked for your repair ${REF}: ${THURSDAY}. ${AT_HOME}`,
      change: {
        status: 'open',
        visit: { visitExternalId: 'VIS-000002', slot: thursdayMorning, description: THURSDAY },
      },
      note: 'Tenant told of the new visit.',
    },
  },
  {
    name: 'a re-appointment',
    event: event('ReAppointment', { slot: thursdayMorning }),
    expected: {
      message: `Your repair visit ${REF} has been moved to ${THURSDAY}. ${AT_HOME}`,
      change: {
        status: 'open',
        visit: { visitExternalId: 'VIS-000001', slot: thursdayMorning, description: THURSDAY },
      },
      note: 'Tenant told the visit moved.',
    },
  },
  {
    name: 'a follow-on appointment',
    event: event('FollowOnAppointment', { visitExternalId: 'VIS-000009', slot: thursdayMorning }),
    expected: {
      message: `Another visit is booked to finish your repair ${REF}: ${THURSDAY}. ${AT_HOME}`,
      change: {
        status: 'open',
        visit: { visitExternalId: 'VIS-000009', slot: thursdayMorning, description: THURSDAY },
      },
      note: 'Tenant told of the follow-on visit.',
    },
  },
  {
    name: 'an appointment the tenant already knows (the bot booked it): nothing sent',
    event: event('NewAppointment', { visitExternalId: 'vis-000001', slot: BOOKED.slot }),
    expected: {
      change: {},
      note: 'Visit already known to the tenant; nothing sent.',
    },
  },
  {
    name: 'a completed visit',
    event: event('VisitCompleted', { visitResultType: 0 }),
    expected: {
      message: `Your repair visit ${REF} is done. If the problem is not fixed, message us here or call us on 0306 999 0123.`,
      change: { visit: undefined, status: 'completed' },
      note: 'Tenant told the visit is done.',
    },
  },
  {
    name: 'a completed visit with no result type counts as done',
    event: event('VisitCompleted'),
    expected: {
      message: `Your repair visit ${REF} is done. If the problem is not fixed, message us here or call us on 0306 999 0123.`,
      change: { visit: undefined, status: 'completed' },
      note: 'Tenant told the visit is done.',
    },
  },
  {
    name: 'a visit where nobody was in',
    event: event('VisitCompleted', { visitResultType: 1 }),
    expected: {
      message: `We could not get in for your repair visit ${REF} on ${BOOKED.description}. Please message us here or call us on 0306 999 0123 to arrange another visit.`,
      change: { visit: undefined },
      note: 'Tenant told we could not get in.',
    },
  },
  {
    name: 'a visit that needs a follow-on',
    event: event('VisitCompleted', { visitResultType: 2 }),
    expected: {
      message: `Your repair ${REF} needs another visit to finish it. We will contact you to arrange it.`,
      change: { visit: undefined },
      note: 'Tenant told another visit is needed.',
    },
  },
  {
    name: 'an abandoned visit',
    event: event('VisitCompleted', { visitResultType: 3 }),
    expected: {
      message: `The visit for your repair ${REF} on ${BOOKED.description} could not go ahead. We will contact you to arrange another visit.`,
      change: { visit: undefined },
      note: 'Tenant told the visit could not go ahead.',
    },
  },
  {
    name: 'a deleted visit',
    event: event('VisitDeleted'),
    expected: {
      message: `The visit for your repair ${REF} on ${BOOKED.description} was cancelled. If you still need the repair, message us here or call us on 0306 999 0123 to book another visit.`,
      change: { visit: undefined },
      note: 'Tenant told the visit was cancelled.',
    },
  },
  {
    name: 'a deleted visit of an order the tenant cancelled: nothing sent',
    event: event('VisitDeleted'),
    order: { status: 'cancelled' },
    expected: { change: { visit: undefined }, note: 'Order was cancelled; nothing sent.' },
  },
  {
    name: 'a shelved visit',
    event: event('VisitShelved'),
    expected: {
      message: `The visit for your repair ${REF} on ${BOOKED.description} is on hold, so nobody will come then. We will contact you when it can be booked again.`,
      change: { visit: undefined },
      note: 'Tenant told the visit is on hold.',
    },
  },
  {
    name: 'a shelved visit the bot does not know: no date named, the known visit kept',
    event: event('VisitShelved', { visitExternalId: 'VIS-000777' }),
    expected: {
      message: `The visit for your repair ${REF} is on hold, so nobody will come then. We will contact you when it can be booked again.`,
      change: {},
      note: 'Tenant told the visit is on hold.',
    },
  },
  {
    name: 'a completed order',
    event: event('OrderCompleted'),
    expected: {
      message: `Your repair ${REF} is complete. If the problem comes back, message us here or call us on 0306 999 0123.`,
      change: { status: 'completed', visit: undefined },
      note: 'Tenant told the repair is complete.',
    },
  },
  {
    name: 'a completed order the tenant was already told of: nothing sent',
    event: event('OrderCompleted'),
    order: { status: 'completed', visit: undefined },
    expected: { change: { visit: undefined }, note: 'Order already complete; nothing sent.' },
  },
];

describe('planEvent: what each update means for the tenant and the order record', () => {
  it.each(rows)('$name', ({ event: e, order, expected }) => {
    expect(planEvent(e, { ...ORDER, ...order }, context)).toEqual(expected);
  });

  it('an appointment event without its slot is a programming error, not a guess', () => {
    expect(() => planEvent(event('ReAppointment'), ORDER, context)).toThrow(/without a visit and a slot/);
  });
});
