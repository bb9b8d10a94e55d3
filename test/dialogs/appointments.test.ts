import { VisitStatus } from '../../src/connect';
import { formatReference } from '../../src/repairs/orders/orderNumber';
import { ASK_HOUSE, ASK_POSTCODE, CATEGORIES } from './botWords';
import { botConversation, PHONES, play, raisedOrder, startWorld, type Step, type World } from './dialogHarness';

/**
 * My appointments through the whole bot (main menu → tenant check → BookingSummary), against the Connect simulator
 * on its fixed clock (Tuesday 1 December 2026, 09:00): what the tenant reads, and what Connect is asked.
 */

const LIST = 'Your repair visits from today to eight weeks ahead:';
const NOTHING_BOOKED = 'You have no repair visits booked in the next eight weeks. Would you like to report a repair?';
const THU_MORNING = 'Thursday 3 December, morning, 8am to 1pm';
const MON_AFTERNOON = 'Monday 7 December, afternoon, midday to 5pm';

const VERIFY: Record<string, Step[]> = {
  'PROP-0001': [
    ['My appointments', ASK_POSTCODE],
    ['LS1 4AB', ASK_HOUSE],
  ],
  'PROP-0002': [
    ['My appointments', ASK_POSTCODE],
    ['LS3 1XY', ASK_HOUSE],
  ],
  'PROP-0003': [
    ['My appointments', ASK_POSTCODE],
    ['S1 2ZZ', ASK_HOUSE],
  ],
};

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());
beforeEach(() => world.reset());

const tenant = (channelId?: string) => botConversation(world.services, { channelId });
/** Connect calls since `since`, the token left out, as 'METHOD operationId'. */
const callsSince = (since: number) =>
  world.sim
    .journal()
    .filter((entry) => entry.seq > since && entry.operationId !== 'token')
    .map((entry) => `${entry.method} ${entry.operationId}`);
const summaryQueries = (since: number) => world.calls('getBookingSummary', since).map((entry) => entry.query);

describe('My appointments: the list', () => {
  test('nothing booked: says so and offers to report a repair, which starts a report without asking again', async () => {
    const since = world.mark();
    await play(tenant(), [
      ...VERIFY['PROP-0003']!,
      ['5, Sharma', NOTHING_BOOKED, '[Report a repair]', '[No, thanks]', { not: LIST }],
      ['Report a repair', CATEGORIES, { not: ASK_POSTCODE }],
    ]);
    expect(callsSince(since)).toEqual(['GET getBookingSummary']);
    // Today to eight weeks ahead, for the verified property.
    expect(summaryQueries(since)).toEqual([
      { PropertyId: 'PROP-0003', WindowStart: '2026-12-01 00:00:00', WindowEnd: '2027-01-26 23:59:59' },
    ]);
  });

  test('nothing booked: "No, thanks" ends politely', async () => {
    await play(tenant(), [
      ...VERIFY['PROP-0003']!,
      ['5, Sharma', NOTHING_BOOKED],
      ['No, thanks', 'OK. If you need anything else, just say hello.'],
    ]);
  });

  test('lists each visit: the repair type, the day and window in words, the status; then what can be done', async () => {
    await raisedOrder(world, { code: 'BATH003' });
    await raisedOrder(world, { code: 'TAPS001', slot: { date: '2026-12-07', planningWindowId: 3 } });
    // Raised by phone: the bot has no record, so it is named by its reference.
    const phoned = await raisedOrder(world, { recorded: false, slot: { date: '2026-12-08', planningWindowId: 4 } });
    // Raised by the bot, no visit yet.
    await raisedOrder(world, { code: 'SINK001', slot: null });
    await play(tenant(), [
      ...VERIFY['PROP-0001']!,
      [
        'Flat 3, Hart',
        `${LIST}\n- Bath side panel loose or broken: ${THU_MORNING}. Booked.\n- Tap dripping: ${MON_AFTERNOON}. Booked.\n- Repair ${formatReference(phoned.orderNumber)}: Tuesday 8 December, 9:30am to 2:30pm. Booked.`,
        /Repairs with no visit booked yet:\n- Kitchen sink blocked \(reference RB 261201 [2-9A-Z]{4} [2-9A-Z]{4}\)/,
        'What would you like to do?',
        '[Move an appointment]',
        '[Cancel a repair]',
        '[Nothing else, thanks]',
      ],
      ['Nothing else, thanks', 'OK. If you need anything else, just say hello.'],
    ]);
  });

  test.each([
    ['Planned', VisitStatus.Planned, 'Planned'],
    ['Accepted', VisitStatus.Accepted, 'Confirmed by the engineer'],
    ['Started', VisitStatus.Started, 'On the way'],
    ['Completed', VisitStatus.Completed, 'Completed'],
    ['PendingDeletion', VisitStatus.PendingDeletion, 'Cancelled'],
  ])('a visit at %s reads "%s"', async (_status, visitStatus, words) => {
    const { visitExternalId } = await raisedOrder(world);
    world.sim.changeVisit(visitExternalId!, { VisitStatus: visitStatus });
    await play(tenant(), [
      ...VERIFY['PROP-0001']!,
      ['Flat 3, Hart', `- Bath side panel loose or broken: ${THU_MORNING}. ${words}.`],
    ]);
  });

  test('only history (a completed visit): nothing to move or cancel, so the phone number instead of a menu', async () => {
    const { visitExternalId } = await raisedOrder(world);
    world.sim.changeVisit(visitExternalId!, { VisitStatus: VisitStatus.Completed, VisitResultType: 0 });
    await play(tenant(), [
      ...VERIFY['PROP-0001']!,
      [
        'Flat 3, Hart',
        'Completed.',
        `To ask about any of these, call us on ${PHONES.repairs}.`,
        { not: '[Move an appointment]' },
        { not: '[Cancel a repair]' },
      ],
    ]);
  });

  test('Connect not answering: says so and gives the phone number', async () => {
    await raisedOrder(world);
    world.sim.fault({ kind: 'status', status: 503, operationId: 'getBookingSummary', count: 5 });
    await play(tenant(), [
      ...VERIFY['PROP-0001']!,
      [
        'Flat 3, Hart',
        `Sorry, I cannot see your appointments just now because our repairs system is not answering. Please try again later, or call us on ${PHONES.repairs}.`,
        { not: LIST },
      ],
    ]);
  });
});

describe("My appointments: another home's visits are never shown", () => {
  test('two tenants with visits each see only their own, for their verified property', async () => {
    await raisedOrder(world, { propertyId: 'PROP-0001', code: 'BATH003' });
    await raisedOrder(world, {
      propertyId: 'PROP-0002',
      code: 'TAPS001',
      slot: { date: '2026-12-07', planningWindowId: 3 },
    });
    await raisedOrder(world, { propertyId: 'PROP-0002', code: 'SINK001', slot: null });

    let since = world.mark();
    await play(tenant(), [
      ...VERIFY['PROP-0001']!,
      [
        'Flat 3, Hart',
        `- Bath side panel loose or broken: ${THU_MORNING}. Booked.`,
        { not: 'Tap dripping' },
        { not: 'Monday 7 December' },
        { not: 'Kitchen sink blocked' },
      ],
      // One repair to cancel: its own, straight to the reason.
      ['Cancel a repair', 'Why do you want to cancel Bath side panel loose or broken', { not: 'Tap dripping' }],
      ['stop', 'OK, I have stopped.'],
    ]);
    expect(summaryQueries(since).map((query) => query.PropertyId)).toEqual(['PROP-0001']);

    since = world.mark();
    await play(tenant(), [
      ...VERIFY['PROP-0002']!,
      [
        '27, Okafor',
        `- Tap dripping: ${MON_AFTERNOON}. Booked.`,
        '- Kitchen sink blocked',
        { not: 'Bath side panel' },
        { not: 'Thursday 3 December' },
      ],
      [
        'Cancel a repair',
        'Which repair do you want to cancel?',
        `[Tap dripping: ${MON_AFTERNOON}]`,
        '[Kitchen sink blocked: no visit booked yet]',
        { not: 'Bath side panel' },
      ],
    ]);
    expect(summaryQueries(since).map((query) => query.PropertyId)).toEqual(['PROP-0002']);
    expect(callsSince(0).filter((call) => call.startsWith('PATCH'))).toEqual([]);
  });
});

describe('My appointments on SMS', () => {
  test('the menu is a numbered list and the tenant answers with numbers', async () => {
    await raisedOrder(world);
    await play(tenant('sms'), [
      ...VERIFY['PROP-0001']!,
      [
        'Flat 3, Hart',
        'What would you like to do?\n1. Move an appointment\n2. Cancel a repair\n3. Nothing else, thanks',
      ],
      ['3', 'OK. If you need anything else, just say hello.'],
    ]);
  });
});
