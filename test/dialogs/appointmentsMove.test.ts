import { VisitStatus } from '../../src/connect';
import { callsByMethod, callTable } from '../e2e/testApp';
import { ASK_HOUSE, ASK_POSTCODE } from './botWords';
import {
  botConversation,
  PHONES,
  play,
  raisedOrder,
  startWorld,
  type Step,
  visitsOf,
  type World,
} from './dialogHarness';

/**
 * Moving a visit from My appointments (REBOOK_MIN_DAYS = 1, today Tuesday 1 December 2026): only a Booked visit
 * due after tomorrow moves, through Availability and Booking with its VisitExternalId.
 */

const THU_MORNING = 'Thursday 3 December, morning, 8am to 1pm';
const WED_AFTERNOON = 'Wednesday 2 December, afternoon, midday to 5pm';
const MON_AFTERNOON = 'Monday 7 December, afternoon, midday to 5pm';
const BATH = 'Bath side panel loose or broken';
const CALL_US = `please call us on ${PHONES.repairs}.`;

const LIST_FOR_HART: Step[] = [
  ['My appointments', ASK_POSTCODE],
  ['LS1 4AB', ASK_HOUSE],
  ['Flat 3, Hart', '[Move an appointment]'],
];

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());
beforeEach(() => world.reset());

const tenant = () => botConversation(world.services);
const callsSince = (since: number) => world.sim.journal().filter((e) => e.seq > since && e.operationId !== 'token');

describe('My appointments: moving a visit', () => {
  test('a booked visit after tomorrow moves: 3 Connect calls, same visit, new slot, old and new confirmed', async () => {
    const { orderNumber, visitExternalId } = await raisedOrder(world); // Thursday 3 December, morning
    const since = world.mark();
    await play(tenant(), [
      ...LIST_FOR_HART,
      [
        'Move an appointment',
        `${BATH}: your visit is ${THU_MORNING}. When would you like us to come instead? These are the earliest free times:`,
        `[${WED_AFTERNOON}]`,
        { not: 'I cannot move' },
      ],
      [WED_AFTERNOON, `Booked: ${WED_AFTERNOON}.`, `Moved from ${THU_MORNING} to ${WED_AFTERNOON}.`],
    ]);

    const calls = callsSince(since);
    process.stdout.write(callTable('Connect calls for one re-booking (dialog test):', callsByMethod(calls)));
    expect(calls.map((e) => `${e.method} ${e.operationId} ${e.status}`)).toEqual([
      'GET getBookingSummary 200',
      'GET getAvailability 200',
      'POST postBooking 200',
    ]);
    expect(calls[1]!.query).toMatchObject({ PrimaryOrderNumber: orderNumber, VisitExternalId: visitExternalId });
    expect(calls[2]!.body).toEqual({
      PrimaryOrderNumber: orderNumber,
      Date: '2026-12-02',
      PlanningWindowId: 3,
      VisitExternalId: visitExternalId,
    });
    // Connect: the same visit, moved (its old slot freed), no second visit.
    expect(visitsOf(world, orderNumber)).toEqual([
      expect.objectContaining({
        VisitExternalId: visitExternalId,
        VisitStatus: VisitStatus.Booked,
        slot: { date: '2026-12-02', planningWindowId: 3 },
      }),
    ]);
    // The bot's record holds the new slot and the words the tenant was given.
    expect((await world.services.orders.find(orderNumber))?.visit).toEqual({
      visitExternalId,
      slot: { date: '2026-12-02', planningWindowId: 3 },
      description: WED_AFTERNOON,
    });
    // Listed again, the visit shows its new time.
    await play(tenant(), [...LIST_FOR_HART.slice(0, 2), ['Flat 3, Hart', `- ${BATH}: ${WED_AFTERNOON}. Booked.`]]);
  });

  test("the visit's own slot is not offered back", async () => {
    await raisedOrder(world);
    await play(tenant(), [
      ...LIST_FOR_HART,
      ['Move an appointment', 'When would you like us to come instead?'],
      [
        'None of these',
        '[Wednesday 2 December, all day, 8am to 5pm]',
        '[Thursday 3 December, school run, 9:30am to 2:30pm]',
        { not: `[${THU_MORNING}]` },
      ],
    ]);
  });

  test('with several visits that can move, the tenant picks one', async () => {
    await raisedOrder(world);
    const tap = await raisedOrder(world, { code: 'TAPS001', slot: { date: '2026-12-07', planningWindowId: 3 } });
    await play(tenant(), [
      ...LIST_FOR_HART,
      [
        'Move an appointment',
        'Which appointment do you want to move?',
        `[${BATH}: ${THU_MORNING}]`,
        `[Tap dripping: ${MON_AFTERNOON}]`,
      ],
      ['2', `Tap dripping: your visit is ${MON_AFTERNOON}. When would you like us to come instead?`],
      ['1', 'Moved from Monday 7 December, afternoon, midday to 5pm to Tuesday 1 December, school run'],
    ]);
    expect(visitsOf(world, tap.orderNumber)).toEqual([
      expect.objectContaining({ slot: { date: '2026-12-01', planningWindowId: 4 } }),
    ]);
  });

  test.each([
    ['today', { date: '2026-12-01', planningWindowId: 3 }, 'Tuesday 1 December, afternoon, midday to 5pm'],
    ['tomorrow', { date: '2026-12-02', planningWindowId: 2 }, 'Wednesday 2 December, morning, 8am to 1pm'],
  ])(
    'a visit %s is too soon to move: explained, with the phone number, and nothing asked of Connect',
    async (_day, slot, when) => {
      await raisedOrder(world, { slot });
      const since = world.mark();
      await play(tenant(), [
        ...LIST_FOR_HART,
        [
          'Move an appointment',
          `I cannot move this appointment online:\n- ${BATH}, ${when}. Too soon: visits due today or tomorrow cannot be moved online.\nTo change it, ${CALL_US}`,
          { not: 'When would you like us to come instead?' },
        ],
      ]);
      expect(callsSince(since).map((e) => e.operationId)).toEqual(['getBookingSummary']);
    },
  );

  test.each([
    ['Planned', VisitStatus.Planned, 'Our team has already planned this visit.'],
    ['Accepted', VisitStatus.Accepted, 'The engineer has already accepted this visit.'],
    ['Started', VisitStatus.Started, 'The engineer is on the way.'],
  ])('a visit at %s (not Booked) cannot move: explained, with the phone number', async (_status, visitStatus, why) => {
    const { visitExternalId } = await raisedOrder(world);
    world.sim.changeVisit(visitExternalId!, { VisitStatus: visitStatus });
    const since = world.mark();
    await play(tenant(), [
      ...LIST_FOR_HART,
      ['Move an appointment', `- ${BATH}, ${THU_MORNING}. ${why}\nTo change it, ${CALL_US}`, { not: 'instead?' }],
    ]);
    expect(callsSince(since).map((e) => e.operationId)).toEqual(['getBookingSummary']);
  });

  test('one visit too soon and one that can move: the first is explained, the second offered', async () => {
    await raisedOrder(world, { code: 'TAPS001', slot: { date: '2026-12-02', planningWindowId: 4 } });
    await raisedOrder(world);
    await play(tenant(), [
      ...LIST_FOR_HART,
      [
        'Move an appointment',
        '- Tap dripping, Wednesday 2 December, school run, 9:30am to 2:30pm. Too soon',
        `${BATH}: your visit is ${THU_MORNING}. When would you like us to come instead?`,
      ],
    ]);
  });

  test('Connect refusing the new slot (taken meanwhile) offers others; the visit keeps its slot until a move lands', async () => {
    const { orderNumber } = await raisedOrder(world);
    const bot = tenant();
    await play(bot, [...LIST_FOR_HART, ['Move an appointment', `[${WED_AFTERNOON}]`]]);
    // Another customer takes the slot between the offer and the tenant's answer.
    world.sim.fault({ kind: 'take-slot', date: '2026-12-02', planningWindowId: 3 });
    await play(bot, [[WED_AFTERNOON, 'Sorry, that time has just been taken by someone else.', { not: 'Moved from' }]]);
    expect(visitsOf(world, orderNumber)).toEqual([
      expect.objectContaining({ slot: { date: '2026-12-03', planningWindowId: 2 } }),
    ]);
  });
});
