import { type Appointment, VisitStatus } from '../../../src/connect';
import { type HomeFacts, summariseHome } from '../../../src/repairs/appointments';
import { createCatalogueLookups, loadCatalogue } from '../../../src/repairs/catalogue';
import { type OrderRecord } from '../../../src/repairs/orders/orderRegistry';

const lookups = createCatalogueLookups(loadCatalogue());
const BATH = 'RB-261120-AAAABBBB';
const TAP = 'RB-261125-CCCCDDDD';
const SINK = 'RB-261130-EEEEFFFF';
const PHONED_IN = 'PHONE-12345';

const record = (orderNumber: string, code: string, change: Partial<OrderRecord> = {}): OrderRecord => ({
  orderNumber,
  propertyId: 'PROP-0001',
  code,
  raisedAt: '2026-11-20T10:00:00.000Z',
  status: 'open',
  channelId: 'webchat',
  ...change,
});

const visit = (orderNumber: string, id: string, status: number, start?: string, end?: string): Appointment => ({
  PrimaryOrderNumber: orderNumber,
  VisitExternalId: id,
  VisitStatus: status as Appointment['VisitStatus'],
  ...(start ? { PlanningWindowStart: start, PlanningWindowEnd: end } : {}),
});

const facts = (appointments: Appointment[], records: OrderRecord[]): HomeFacts => ({
  propertyId: 'PROP-0001',
  appointments,
  records,
  lookups,
  today: '2026-12-01',
  now: new Date('2026-12-01T09:00:00Z'),
  zone: 'Europe/London',
  rebookMinDays: 1,
});

describe('summariseHome: the home’s visits and repairs in the tenant’s words', () => {
  it('names visits from the bot’s records, else by reference; states and rebooking per visit', () => {
    const home = summariseHome(
      facts(
        [
          visit(TAP, 'VIS-1', VisitStatus.Booked, '2026-12-02T09:30:00', '2026-12-02T14:29:00'),
          visit(BATH, 'VIS-2', VisitStatus.Booked, '2026-12-03T08:00:00', '2026-12-03T12:59:00'),
          visit(PHONED_IN, 'VIS-3', VisitStatus.Started, '2026-12-01T12:00:00', '2026-12-01T16:59:00'),
        ],
        [record(BATH, 'BATH003'), record(TAP, 'TAPS001')],
      ),
    );
    expect(home.visits.map((v) => [v.what, v.when, v.status, v.rebook])).toEqual([
      ['Tap dripping', 'Wednesday 2 December, 9:30am to 2:30pm', 'Booked', { allowed: false, reason: 'too-soon' }],
      ['Bath side panel loose or broken', 'Thursday 3 December, morning, 8am to 1pm', 'Booked', { allowed: true }],
      [
        'Repair PHONE-12345',
        'Tuesday 1 December, afternoon, midday to 5pm',
        'On the way',
        { allowed: false, reason: 'not-booked' },
      ],
    ]);
    // The visit on the way cannot be cancelled here; the two booked ones can.
    expect(home.cancellable.map((r) => [r.orderNumber, r.reference, r.visits])).toEqual([
      [TAP, 'RB 261125 CCCC DDDD', ['Wednesday 2 December, 9:30am to 2:30pm']],
      [BATH, 'RB 261120 AAAA BBBB', ['Thursday 3 December, morning, 8am to 1pm']],
    ]);
    expect(home.waiting).toEqual([]);
  });

  it('uses the words the tenant was given while they still fit the visit, and keeps that slot', () => {
    const told = {
      visitExternalId: 'VIS-1',
      slot: { date: '2026-12-02', planningWindowId: 4 },
      description: 'Wednesday 2 December, school run, 9:30am to 2:30pm',
    };
    const asTold = summariseHome(
      facts(
        [visit(TAP, 'VIS-1', VisitStatus.Booked, '2026-12-02T09:30:00', '2026-12-02T14:29:00')],
        [record(TAP, 'TAPS001', { visit: told })],
      ),
    );
    expect(asTold.visits[0]).toMatchObject({ when: told.description, slot: told.slot });

    // Moved by phone since: Connect's times win, and the old slot is not kept.
    const movedByPhone = summariseHome(
      facts(
        [visit(TAP, 'VIS-1', VisitStatus.Booked, '2026-12-02T12:00:00', '2026-12-02T16:59:00')],
        [record(TAP, 'TAPS001', { visit: told })],
      ),
    );
    expect(movedByPhone.visits[0]!.when).toBe('Wednesday 2 December, afternoon, midday to 5pm');
    expect(movedByPhone.visits[0]!.slot).toBeUndefined();
  });

  it('lists the bot’s open orders with no visit as waiting, and leaves out what is closed or long past', () => {
    const home = summariseHome(
      facts(
        [visit(BATH, 'VIS-2', VisitStatus.Booked, '2026-12-03T08:00:00', '2026-12-03T12:59:00')],
        [
          record(BATH, 'BATH003'),
          record(SINK, 'SINK001'),
          record('RB-261101-GGGGHHHH', 'TAPS001', { status: 'cancelled' }),
          record('RB-261102-JJJJKKKK', 'TAPS002', { status: 'completed' }),
          // Its visit was last week and Connect lists nothing from today: most likely done.
          record('RB-261103-MMMMNNNN', 'TAPS003', {
            visit: { slot: { date: '2026-11-25', planningWindowId: 2 }, description: 'Wednesday 25 November' },
          }),
        ],
      ),
    );
    expect(home.waiting.map((r) => [r.what, r.visits])).toEqual([['Kitchen sink blocked', []]]);
    expect(home.cancellable.map((r) => r.what)).toEqual(['Bath side panel loose or broken', 'Kitchen sink blocked']);
  });

  it('shows cancelled and completed visits but offers neither to cancel; a shelved visit has no time', () => {
    const home = summariseHome(
      facts(
        [
          visit(BATH, 'VIS-2', VisitStatus.PendingDeletion, '2026-12-03T08:00:00', '2026-12-03T12:59:00'),
          visit(TAP, 'VIS-1', VisitStatus.Completed, '2026-12-01T08:00:00', '2026-12-01T12:59:00'),
          visit(SINK, 'VIS-4', VisitStatus.Shelved),
        ],
        [record(BATH, 'BATH003'), record(TAP, 'TAPS001'), record(SINK, 'SINK001')],
      ),
    );
    expect(home.visits.map((v) => `${v.what}: ${v.when}. ${v.status}.`)).toEqual([
      'Bath side panel loose or broken: Thursday 3 December, morning, 8am to 1pm. Cancelled.',
      'Tap dripping: Tuesday 1 December, morning, 8am to 1pm. Completed.',
      'Kitchen sink blocked: No time set yet. On hold.',
    ]);
    expect(home.cancellable.map((r) => [r.what, r.visits])).toEqual([['Kitchen sink blocked', ['No time set yet']]]);
  });

  it('never uses a record of another property, to name a visit or to list a repair', () => {
    const home = summariseHome(
      facts(
        [visit(BATH, 'VIS-2', VisitStatus.Booked, '2026-12-03T08:00:00', '2026-12-03T12:59:00')],
        [record(BATH, 'BATH003', { propertyId: 'PROP-0002' }), record(SINK, 'SINK001', { propertyId: 'PROP-0002' })],
      ),
    );
    expect(home.visits.map((v) => v.what)).toEqual(['Repair RB 261120 AAAA BBBB']);
    expect(home.waiting).toEqual([]);
    expect(home.cancellable.map((r) => r.orderNumber)).toEqual([BATH]);
  });
});
