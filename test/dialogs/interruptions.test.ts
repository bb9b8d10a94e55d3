import { ActivityTypes } from 'botbuilder';
import {
  botConversation,
  PHONES,
  play,
  postedOrders,
  PRIVACY_URL,
  type Reply,
  startWorld,
  type Step,
  type Transcript,
  visitsOf,
  type World,
} from './dialogHarness';
import { ASK_HOUSE, ASK_POSTCODE, CATEGORIES, CONTACT, FEW, MAIN_MENU, SLOTS, SUMMARY } from './botWords';

/**
 * What can break into a report at any prompt — emergencies, help, stop, start again — through the whole bot,
 * because MainDialog.run completes the interruptions; plus the welcome and SMS rendering.
 */

const LOGGED = 'Your repair is logged. Your reference is RB 261201';
const HELP = 'You can tell me what needs repairing in your own words, or choose from the lists.';
const STOPPED = 'OK, I have stopped. Nothing more has been sent. Say hello whenever you want to start again.';
const STARTING_AGAIN = 'OK, let us start again.';
const GAS = 'call the National Gas Emergency Service now on 0800 111 999';
const CALL_EMERGENCY_LINE = `Please call our emergency repairs line now on ${PHONES.emergency}. It is open day and night.`;
const EMERGENCY_REPORT = 'This needs an emergency repair';
const DOOR_WONT_LOCK = "front door won't lock";

const VERIFY: Step[] = [
  ['LS1 4AB', ASK_HOUSE],
  ['Flat 3, Hart', CONTACT],
];

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());
beforeEach(() => world.reset());

const tenant = (options: { channelId?: string; privacyUrl?: string } = {}) => botConversation(world.services, options);

/** Connect calls other than the token since `since`. */
const connectCalls = (since: number) =>
  world.sim.journal().filter((entry) => entry.seq > since && entry.operationId !== 'token');

describe('an emergency in the middle of a report', () => {
  const advice: Transcript[] = [
    {
      name: 'gas words at the postcode prompt: gas advice, nothing booked',
      steps: [
        ['my bath panel came off', ASK_POSTCODE],
        [
          'I can smell gas in the kitchen',
          GAS,
          'I have not booked anything: the gas emergency service must make it safe first.',
          { not: ASK_POSTCODE },
        ],
        ['hello', MAIN_MENU],
      ],
    },
    {
      name: 'water pouring through the ceiling at the postcode prompt: call the emergency line',
      steps: [
        ['my bath panel came off', ASK_POSTCODE],
        [
          'water pouring through the ceiling',
          CALL_EMERGENCY_LINE,
          'turn off the water at the stopcock',
          { not: ASK_POSTCODE },
          { not: 'I will raise it' },
        ],
      ],
    },
    {
      name: 'sparks at the contact question: call the emergency line',
      steps: [
        ['my bath panel came off', ASK_POSTCODE],
        ...VERIFY,
        ['the socket is sparking', CALL_EMERGENCY_LINE, 'do not touch the wires', { not: SUMMARY }],
      ],
    },
    {
      name: 'gas chosen from the menus: gas advice, nothing booked',
      steps: [
        ['Report a repair', CATEGORIES],
        ['Heating, hot water and gas', 'Which of these is it?'],
        ['Smell of gas or carbon monoxide alarm going off', GAS, { not: ASK_POSTCODE }],
      ],
    },
  ];

  test.each(advice)('$name', async ({ steps }) => {
    const since = world.mark();
    await play(tenant(), steps);
    expect(connectCalls(since)).toEqual([]);
  });

  test('"front door won\'t lock": an emergency order (EMG, 24 hours), out-of-hours times up to the target, no loop', async () => {
    const since = world.mark();
    const turns = await play(tenant(), [
      ['my bath panel came off', ASK_POSTCODE],
      [DOOR_WONT_LOCK, EMERGENCY_REPORT, 'we aim to make it safe within 24 hours', FEW],
      ["Front or back door won't close or lock shut", ASK_POSTCODE, { not: EMERGENCY_REPORT }],
      // The same words again in this report are not a new emergency: here they are just not a postcode.
      [DOOR_WONT_LOCK, 'That does not look like a postcode', { not: EMERGENCY_REPORT }],
      ...VERIFY,
      [
        'Yes, text me',
        SUMMARY,
        "Repair: Front or back door won't close or lock shut (Doors), as an emergency",
        `What is wrong: ${DOOR_WONT_LOCK}`,
      ],
      ['Send it', LOGGED, SLOTS, '[Tuesday 1 December, out of hours, 5pm to midnight]'],
      [`my ${DOOR_WONT_LOCK}`, { not: EMERGENCY_REPORT }, 'Sorry, I did not understand'],
      ['none of these', SLOTS, '[Wednesday 2 December, out of hours, 5pm to midnight]'],
      ['Wednesday 2 December, out of hours, 5pm to midnight', 'Booked: Wednesday 2 December, out of hours'],
    ]);

    const [order, ...others] = postedOrders(world, since);
    expect(others).toEqual([]);
    expect(order).toMatchObject({
      PriorityExternalId: 'EMG',
      TargetDateUTC: '2026-12-02', // 24 hours after 09:00 on Tuesday 1 December
      OutOfHours: true,
      JobCodes: [{ CodeExternalId: 'DOOR001', Quantity: 1 }],
    });
    const offered = turns.flatMap((turn: Reply[]) => turn.flatMap((reply) => reply.choices));
    const times = offered.filter((title) => /December/.test(title));
    expect(times.some((title) => /out of hours/.test(title))).toBe(true);
    for (const title of times) expect(title).toMatch(/^(Tuesday 1|Wednesday 2) December/);
    expect(visitsOf(world, order!.PrimaryOrderNumber).map((visit) => visit.slot)).toEqual([
      { date: '2026-12-02', planningWindowId: 5 },
    ]);
  });

  test('a routine report never offers out-of-hours times', async () => {
    const turns = await play(tenant(), [
      ['my bath panel came off', ASK_POSTCODE],
      ...VERIFY,
      ['No texts, thanks', SUMMARY],
      ['Send it', SLOTS],
      ['none of these', SLOTS],
    ]);
    const offered = turns.flatMap((turn) => turn.flatMap((reply) => reply.choices));
    expect(offered.filter((title) => /out of hours/i.test(title))).toEqual([]);
  });

  test('an emergency handled in one report interrupts a later report again', async () => {
    const bot = tenant();
    await play(bot, [
      [DOOR_WONT_LOCK, EMERGENCY_REPORT, FEW],
      ['1', ASK_POSTCODE],
      ...VERIFY,
      ['stop', STOPPED],
      ['my bath panel came off', CONTACT],
      [DOOR_WONT_LOCK, EMERGENCY_REPORT, FEW],
    ]);
  });
});

describe('help, stop and start again at a prompt', () => {
  const interruptions: (Transcript & { sendsNothing?: boolean })[] = [
    {
      name: 'help at the postcode prompt, then the report goes on',
      steps: [
        ['my bath panel came off', ASK_POSTCODE],
        ['help', HELP, `For an emergency call ${PHONES.emergency}`, ASK_POSTCODE],
        ['LS1 4AB', ASK_HOUSE],
      ],
    },
    {
      name: 'help at the contact question',
      steps: [
        ['my bath panel came off', ASK_POSTCODE],
        ...VERIFY,
        ['help', HELP, CONTACT, '[Yes, text me]'],
        ['Yes, text me', SUMMARY],
      ],
    },
    {
      name: 'help at the "Is it one of these?" question',
      steps: [
        ['tap leaking', FEW],
        ['What can you do', HELP, FEW, '[None of these]'],
      ],
    },
    {
      name: 'help at the slot offer',
      steps: [
        ['my bath panel came off', ASK_POSTCODE],
        ...VERIFY,
        ['No texts, thanks', SUMMARY],
        ['Send it', SLOTS],
        ['help', HELP, SLOTS, '[Tuesday 1 December, school run, 9:30am to 2:30pm]'],
        ['1', 'Booked: Tuesday 1 December, school run'],
      ],
    },
    {
      name: 'stop at the house prompt ends everything; hello starts afresh',
      sendsNothing: true,
      steps: [
        ['my bath panel came off', ASK_POSTCODE],
        ['LS1 4AB', ASK_HOUSE],
        ['stop', STOPPED, { not: ASK_HOUSE }],
        ['hello', MAIN_MENU],
      ],
    },
    {
      name: 'cancel at the summary sends nothing',
      sendsNothing: true,
      steps: [
        ['my bath panel came off', ASK_POSTCODE],
        ...VERIFY,
        ['No texts, thanks', SUMMARY],
        ['Cancel', STOPPED],
        ['Flat 3, Hart', MAIN_MENU],
      ],
    },
    {
      name: 'start again at the contact question goes back to the menu',
      sendsNothing: true,
      steps: [
        ['my bath panel came off', ASK_POSTCODE],
        ...VERIFY,
        ['start again', STARTING_AGAIN, MAIN_MENU, { not: CONTACT }],
        ['Report a repair', CATEGORIES],
      ],
    },
    {
      name: 'start again shows the menu even though the words were a repair',
      sendsNothing: true,
      steps: [
        ['tap leaking', FEW],
        ['Start over', STARTING_AGAIN, MAIN_MENU, { not: FEW }],
      ],
    },
  ];

  test.each(interruptions)('$name', async ({ steps, sendsNothing }) => {
    const since = world.mark();
    await play(tenant(), steps);
    if (sendsNothing) expect(connectCalls(since)).toEqual([]);
  });

  test('stop at the slot offer keeps the order and books nothing', async () => {
    const since = world.mark();
    await play(tenant(), [
      ['my bath panel came off', ASK_POSTCODE],
      ...VERIFY,
      ['No texts, thanks', SUMMARY],
      ['Send it', LOGGED, SLOTS],
      ['stop', STOPPED],
    ]);
    const [order] = postedOrders(world, since);
    expect(world.sim.snapshot().orders.map((stored) => stored.order.PrimaryOrderNumber)).toEqual([
      order!.PrimaryOrderNumber,
    ]);
    expect(world.calls('postBooking', since)).toEqual([]);
  });
});

describe('welcome', () => {
  test('a member joining is welcomed, with the privacy link when one is set', async () => {
    const [welcome, ...more] = await tenant({ privacyUrl: PRIVACY_URL }).join();
    expect(more).toEqual([]);
    expect(welcome?.text).toContain("Hello, I'm the repairs assistant for Aire Valley Homes.");
    expect(welcome?.text).toContain('If you smell gas, call the National Gas Emergency Service now on 0800 111 999.');
    expect(welcome?.text).toContain(`We use your answers only to deal with your repair: ${PRIVACY_URL}`);
  });

  test('without a privacy link the welcome says how answers are used, with no link', async () => {
    const [welcome] = await tenant().join();
    expect(welcome?.text).toContain('We use your answers only to deal with your repair.');
    expect(welcome?.text).not.toContain('http');
  });

  test('the bot joining alone is not welcomed', async () => {
    const bot = tenant({ privacyUrl: PRIVACY_URL });
    await bot.adapter.receiveActivity({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [bot.adapter.conversation.bot],
    });
    expect(bot.adapter.activeQueue.filter((a) => a.type === ActivityTypes.Message)).toEqual([]);
  });
});

describe('SMS', () => {
  test('every choice is a numbered plain-text list, and the number picks the line', async () => {
    const since = world.mark();
    const turns = await play(tenant({ channelId: 'sms' }), [
      ['hi', `${MAIN_MENU}\n1. Report a repair\n2. My appointments\n3. Something else\nReply with a number.`],
      ['1', CATEGORIES, '\n1. Baths and showers\n', '\n18. Pests\n'],
      ['1', '\n3. Bath side panel loose or broken\n'],
      ['3', 'In a few words, what is wrong?'],
      ['panel off', ASK_POSTCODE],
      ['ls14ab', ASK_HOUSE],
      ['3 hart', CONTACT, '\n2. No texts, thanks\n'],
      ['2', SUMMARY, '\n1. Send it\n2. Add a note for the operative\n'],
      ['1', LOGGED, SLOTS, '\n1. Tuesday 1 December, school run, 9:30am to 2:30pm\n2. Tuesday 1 December, afternoon'],
      ['2', 'Booked: Tuesday 1 December, afternoon, midday to 5pm.'],
    ]);
    for (const reply of turns.flat()) {
      expect(reply.choices).toEqual([]);
      expect(reply.activity.suggestedActions).toBeUndefined();
    }
    const [order] = postedOrders(world, since);
    expect(order?.JobCodes).toEqual([{ CodeExternalId: 'BATH003', Quantity: 1 }]);
    expect(visitsOf(world, order!.PrimaryOrderNumber).map((visit) => visit.slot)).toEqual([
      { date: '2026-12-01', planningWindowId: 3 },
    ]);
  });
});
