import { DialogTurnStatus } from 'botbuilder-dialogs';
import { BookVisitDialog, type BookVisitOptions } from '../../src/dialogs/bookVisitDialog';
import { addDays } from '../../src/repairs/time';
import {
  dialogClient,
  ordersIn,
  placedOrder,
  play,
  type Reply,
  startWorld,
  type Step,
  visitsOf,
  type World,
} from './dialogHarness';

const EARLIEST = 'When can we come? These are the earliest free times:';
const BOOKED = 'An adult (18 or over) must be at home for the whole time slot.';

// What the simulator has free from Tuesday 1 December 2026, 09:00 (see its README): Tuesday's school run and
// afternoon have not started yet; 3 December is Preferred; 4 December is fully booked.
const TUE_SCHOOL_RUN = 'Tuesday 1 December, school run, 9:30am to 2:30pm';
const TUE_AFTERNOON = 'Tuesday 1 December, afternoon, midday to 5pm';
const WED_MORNING = 'Wednesday 2 December, morning, 8am to 1pm';
const WED_SCHOOL_RUN = 'Wednesday 2 December, school run, 9:30am to 2:30pm';
const WED_AFTERNOON = 'Wednesday 2 December, afternoon, midday to 5pm';
const FIRST_PAGE = [TUE_SCHOOL_RUN, TUE_AFTERNOON, WED_MORNING, WED_SCHOOL_RUN, WED_AFTERNOON, 'None of these'];
const SECOND_PAGE = [
  'Wednesday 2 December, all day, 8am to 5pm',
  'Thursday 3 December, morning, 8am to 1pm',
  'Thursday 3 December, school run, 9:30am to 2:30pm',
  'Thursday 3 December, afternoon, midday to 5pm',
  'Thursday 3 December, all day, 8am to 5pm',
  'None of these',
];

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());
// Bookings use up capacity: every test starts from the simulator's seed.
beforeEach(() => world.reset());

async function booking(options: Partial<BookVisitOptions> = {}, channelId = 'webchat') {
  const emergency = options.emergency ?? false;
  const orderNumber = await placedOrder(world, { emergency });
  const dialog = dialogClient(
    (deps) => new BookVisitDialog(deps),
    world.services,
    { orderNumber, emergency, ...options } satisfies BookVisitOptions,
    channelId,
  );
  return { dialog, orderNumber };
}

const choicesOf = (turn: Reply[] | undefined) => turn?.flatMap((reply) => reply.choices) ?? [];

describe('BookVisitDialog: choosing a slot', () => {
  const ways: { name: string; steps: Step[]; booked: { date: string; planningWindowId: number } }[] = [
    {
      name: 'by button title',
      steps: [
        ['(start)', EARLIEST, `[${WED_MORNING}]`],
        [WED_MORNING, `Booked: ${WED_MORNING}. ${BOOKED}`],
      ],
      booked: { date: '2026-12-02', planningWindowId: 2 },
    },
    {
      name: 'by number',
      steps: [
        ['(start)', EARLIEST],
        ['2', `Booked: ${TUE_AFTERNOON}.`],
      ],
      booked: { date: '2026-12-01', planningWindowId: 3 },
    },
    {
      name: 'by "the earliest"',
      steps: [
        ['(start)', EARLIEST],
        ['the earliest', `Booked: ${TUE_SCHOOL_RUN}.`],
      ],
      booked: { date: '2026-12-01', planningWindowId: 4 },
    },
    {
      name: 'by words: "Wednesday afternoon" offers the times that suit, then one is picked',
      steps: [
        ['(start)', EARLIEST],
        [
          'Wednesday afternoon',
          'These times suit what you asked for:',
          `[${WED_AFTERNOON}]`,
          '[Wednesday 9 December, afternoon, midday to 5pm]',
          { not: WED_MORNING },
          { not: TUE_AFTERNOON },
        ],
        ['Wednesday 9 December, afternoon, midday to 5pm', 'Booked: Wednesday 9 December, afternoon'],
      ],
      booked: { date: '2026-12-09', planningWindowId: 3 },
    },
    {
      name: 'a wish that nothing fits ("Friday 4 December" is fully booked) offers the nearest',
      steps: [
        ['(start)', EARLIEST],
        [
          'Friday 4 December',
          'Nothing is free exactly then. These are the nearest free times:',
          '[Thursday 3 December, morning, 8am to 1pm]',
          { not: 'Friday 4 December' },
        ],
        ['1', 'Booked: Thursday 3 December, morning, 8am to 1pm.'],
      ],
      booked: { date: '2026-12-03', planningWindowId: 2 },
    },
    {
      name: 'an unclear answer asks again with the same times',
      steps: [
        ['(start)', EARLIEST],
        [
          'banana',
          'Sorry, I did not understand. Choose a time, reply with its number, or tell me a day that suits you:',
          `[${TUE_SCHOOL_RUN}]`,
          `[${WED_AFTERNOON}]`,
        ],
        ['5', `Booked: ${WED_AFTERNOON}.`],
      ],
      booked: { date: '2026-12-02', planningWindowId: 3 },
    },
  ];

  test.each(ways)('$name', async ({ steps, booked }) => {
    const { dialog, orderNumber } = await booking({ accessNotes: 'The buzzer is broken: please knock' });
    const since = world.mark();
    await play(dialog, steps);

    expect(dialog.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(dialog.client.dialogTurnResult.result).toMatchObject({ booked: true, slot: booked });
    const bookings = world.calls('postBooking', since);
    expect(bookings.map((call) => call.body)).toEqual([
      {
        PrimaryOrderNumber: orderNumber,
        Date: booked.date,
        PlanningWindowId: booked.planningWindowId,
        VisitInstructions: 'The buzzer is broken: please knock',
      },
    ]);
    expect(visitsOf(world, orderNumber)).toEqual([
      expect.objectContaining({ slot: booked, VisitInstructions: 'The buzzer is broken: please knock' }),
    ]);
  });

  test('the first offer is the five earliest free times, and never out of hours for a routine repair', async () => {
    const { dialog } = await booking();
    const turns = await play(dialog, [
      ['(start)', EARLIEST],
      ['none of these', EARLIEST],
      ['none of these', EARLIEST],
    ]);
    expect(choicesOf(turns[0])).toEqual(FIRST_PAGE);
    for (const turn of turns) expect(choicesOf(turn).join('\n')).not.toMatch(/out of hours/i);
  });

  test('"none of these" pages on to new times, by words and by button', async () => {
    const { dialog, orderNumber } = await booking();
    const turns = await play(dialog, [
      ['(start)', EARLIEST],
      ['none of these', EARLIEST],
      ['None of these', EARLIEST],
      ['3', 'Booked: Monday 7 December, afternoon, midday to 5pm.'],
    ]);
    const [first, second, third] = turns.slice(0, 3).map(choicesOf);
    expect(second).toEqual(SECOND_PAGE);
    expect(third).toEqual([
      'Monday 7 December, morning, 8am to 1pm',
      'Monday 7 December, school run, 9:30am to 2:30pm',
      'Monday 7 December, afternoon, midday to 5pm',
      'Monday 7 December, all day, 8am to 5pm',
      'Tuesday 8 December, morning, 8am to 1pm',
      'None of these',
    ]);
    const times = [first, second, third].flatMap((page) => (page ?? []).filter((title) => title !== 'None of these'));
    expect(new Set(times).size).toBe(times.length);
    expect(visitsOf(world, orderNumber).map((visit) => visit.slot)).toEqual([
      { date: '2026-12-07', planningWindowId: 3 },
    ]);
  });

  test('SMS: the times are a numbered plain-text list; "2" picks the second', async () => {
    const { dialog, orderNumber } = await booking({}, 'sms');
    const turns = await play(dialog, [
      ['(start)', `${EARLIEST}\n1. ${TUE_SCHOOL_RUN}\n2. ${TUE_AFTERNOON}\n`, '6. None of these\nReply with a number.'],
      ['2', `Booked: ${TUE_AFTERNOON}.`],
    ]);
    expect(choicesOf(turns[0])).toEqual([]);
    expect(visitsOf(world, orderNumber).map((visit) => visit.slot)).toEqual([
      { date: '2026-12-01', planningWindowId: 3 },
    ]);
  });

  test('SMS: the number of "None of these" pages on', async () => {
    const { dialog } = await booking({}, 'sms');
    await play(dialog, [
      ['(start)', '6. None of these'],
      ['6', EARLIEST, `1. ${SECOND_PAGE[0]}`, { not: 'Sorry, I did not understand' }],
    ]);
  });
});

describe('BookVisitDialog: when Connect says no', () => {
  test('a slot taken after the offer: an apology and a fresh offer without it, then booked', async () => {
    const { dialog, orderNumber } = await booking();
    const since = world.mark();
    await play(dialog, [['(start)', EARLIEST, `[${TUE_AFTERNOON}]`]]);
    // Another customer takes Tuesday afternoon between the offer and the tenant's answer.
    world.sim.fault({ kind: 'take-slot', date: '2026-12-01', planningWindowId: 3 });
    const turns = await play(dialog, [
      ['2', 'Sorry, that time has just been taken by someone else.', { not: `[${TUE_AFTERNOON}]` }, { not: 'Booked' }],
      [WED_MORNING, `Booked: ${WED_MORNING}.`],
    ]);
    // The other times on screen were still free, so they are offered again.
    expect(choicesOf(turns[0])).toEqual([
      TUE_SCHOOL_RUN,
      WED_MORNING,
      WED_SCHOOL_RUN,
      WED_AFTERNOON,
      'Wednesday 2 December, all day, 8am to 5pm',
      'None of these',
    ]);
    const bookings = world.calls('postBooking', since);
    expect(bookings.map((call) => [call.status, (call.body as { PlanningWindowId: number }).PlanningWindowId])).toEqual(
      [
        [400, 3],
        [200, 2],
      ],
    );
    expect(visitsOf(world, orderNumber).map((visit) => visit.slot)).toEqual([
      { date: '2026-12-02', planningWindowId: 2 },
    ]);
  });

  test('no free appointment within five weeks: the plain message, the order kept, no booking', async () => {
    const { dialog, orderNumber } = await booking();
    const since = world.mark();
    const days = Array.from({ length: 35 }, (_, i) => addDays('2026-12-01', i));
    world.sim.seed({
      capacity: days.flatMap((date) =>
        [1, 2, 3, 4, 5].map((planningWindowId) => ({ date, planningWindowId, capacity: 0 })),
      ),
    });
    await play(dialog, [
      [
        '(start)',
        'I am sorry, there are no free appointments in the next five weeks. Your repair is logged, and our repairs team will call you to arrange a visit.',
        { not: 'When can we come?' },
      ],
    ]);
    expect(dialog.client.dialogTurnResult.result).toEqual({ booked: false });
    expect(world.calls('getAvailability', since).length).toBeGreaterThan(0);
    expect(world.calls('postBooking', since)).toEqual([]);
    expect(ordersIn(world).map((order) => order.PrimaryOrderNumber)).toContain(orderNumber);
    expect(visitsOf(world, orderNumber)).toEqual([]);
  });
});

describe('BookVisitDialog: an emergency', () => {
  const latestDate = '2026-12-02'; // 24 hours after 09:00 on 1 December
  const withinTarget = (title: string) => title === 'None of these' || /^(Tuesday 1|Wednesday 2) December/.test(title);

  test('out-of-hours times are offered, and none later than the target date', async () => {
    expect(world.services.emergencyTargetDate()).toBe(latestDate);
    const { dialog, orderNumber } = await booking({ emergency: true, latestDate });
    const turns = await play(dialog, [
      ['(start)', EARLIEST, '[Tuesday 1 December, out of hours, 5pm to midnight]'],
      ['none of these', EARLIEST, '[Wednesday 2 December, out of hours, 5pm to midnight]'],
      ['Wednesday 2 December, out of hours, 5pm to midnight', 'Booked: Wednesday 2 December, out of hours'],
    ]);
    for (const turn of turns.slice(0, 2)) expect(choicesOf(turn).every(withinTarget)).toBe(true);
    expect(visitsOf(world, orderNumber).map((visit) => visit.slot)).toEqual([
      { date: '2026-12-02', planningWindowId: 5 },
    ]);
  });

  test('a day the tenant asks for after the target is not offered', async () => {
    const { dialog } = await booking({ emergency: true, latestDate });
    const turns = await play(dialog, [
      ['(start)', EARLIEST],
      ['Friday 11 December', 'This is an emergency, so the visit has to be sooner than that.', { not: '11 December' }],
      ['next Monday', { not: '7 December' }],
      ['Wednesday', '[Wednesday 2 December'],
    ]);
    for (const turn of turns) expect(choicesOf(turn).every(withinTarget)).toBe(true);
  });

  test('when the times before the target run out, the tenant is told plainly', async () => {
    const { dialog } = await booking({ emergency: true, latestDate });
    await play(dialog, [
      ['(start)', EARLIEST],
      ['none of these', EARLIEST],
      ['none of these', 'There are no more free appointments', { not: 'Thursday' }],
    ]);
    expect(dialog.client.dialogTurnResult.result).toEqual({ booked: false });
  });
});
