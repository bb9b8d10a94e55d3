import { ContactPreference, ContractorType, MessagingPreference } from '../../src/connect';
import { formatReference } from '../../src/repairs/orders/orderNumber';
import { addDays } from '../../src/repairs/time';
import {
  botConversation,
  ordersIn,
  PHONES,
  play,
  postedOrders,
  said,
  startWorld,
  type Step,
  type Transcript,
  visitsOf,
  type World,
} from './dialogHarness';
import { ASK_HOUSE, ASK_POSTCODE, CATEGORIES, CONTACT, FEW, MAIN_MENU, SLOTS, SUMMARY } from './botWords';

/**
 * The report journey through the whole bot (createBot → RepairsBot → MainDialog) on a TestAdapter, against the
 * Connect simulator: what the tenant reads, and what Connect was sent.
 */

const SUB_AREAS = 'Which of these is it?';
const DESCRIBE = 'In a few words, what is wrong? For example';
const TOO_LONG = 'Please keep it to 255 characters or fewer.';
const LOGGED = /Your repair is logged\. Your reference is RB 261201 [2-9A-Z]{4} [2-9A-Z]{4}\./;
const ADULT = 'An adult (18 or over) must be at home for the whole time slot.';
const SAVED =
  /^Sorry, our repairs system is not answering just now, so I could not send your report yet\. I have saved it, with reference RB 261201 [2-9A-Z]{4} [2-9A-Z]{4}\./;

const VERIFY: Step[] = [
  ['LS1 4AB', ASK_HOUSE],
  ['Flat 3, Hart', CONTACT],
];

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());
// Bookings use capacity and faults stay armed: every test starts from the simulator's seed.
beforeEach(() => world.reset());

const tenant = (channelId?: string) => botConversation(world.services, { channelId });

describe('reporting a repair from the menus', () => {
  test('Report a repair → category → sub-area → description → tenant check → contact → summary → send → slots → booked', async () => {
    const since = world.mark();
    const turns = await play(tenant(), [
      ['hi', MAIN_MENU, '[Report a repair]', '[My appointments]', '[Something else]'],
      ['Report a repair', CATEGORIES, '[Baths and showers]'],
      ['Baths and showers', SUB_AREAS, '[Bath side panel loose or broken]'],
      ['Bath side panel loose or broken', DESCRIBE],
      ['The panel has come off. '.repeat(12), TOO_LONG, { not: ASK_POSTCODE }],
      ['The side panel has come off', ASK_POSTCODE],
      ...VERIFY,
      [
        'Yes, text me',
        SUMMARY,
        'Repair: Bath side panel loose or broken (Baths and showers)\n',
        'What is wrong: The side panel has come off',
        'Address: Flat 3, 12 Aire Street, LS1 4AB',
        'Updates: texts to your mobile ending 101 and e-mails to a••••@e••••.com',
        '[Send it]',
        '[Add a note for the operative]',
        '[Change the repair]',
        '[Change the description]',
      ],
      ['Send it', LOGGED, SLOTS, '[Tuesday 1 December, afternoon, midday to 5pm]'],
      ['2', `Booked: Tuesday 1 December, afternoon, midday to 5pm. ${ADULT}`],
      ['hello', MAIN_MENU],
    ]);

    const [order, ...others] = postedOrders(world, since);
    expect(others).toEqual([]);
    expect(order).toMatchObject({
      PrimaryOrderNumber: expect.stringMatching(/^RB-261201-[2-9A-Z]{8}$/),
      Customer: { ExternalId: 'PROP-0001' },
      ContractExternalId: 'CONTRACT-RESP',
      PriorityExternalId: 'RTN',
      JobDescription: 'Bath side panel loose or broken: The side panel has come off',
      JobCodes: [{ CodeExternalId: 'BATH003', Quantity: 1 }],
      ContractorType: ContractorType.Internal,
      OutOfHours: false,
      CrmId: 'Convo1',
      OrderContact: {
        ContactName: 'Amelia Hart',
        MobilePhone: '+447700900101',
        EmailAddress: 'amelia.hart@example.com',
        ContactPreference: ContactPreference.EmailAndMobileText,
        MessagingPreference: MessagingPreference.Message,
      },
    });
    const orderNumber = order!.PrimaryOrderNumber;
    expect(said(turns[9] ?? [])).toContain(`Your reference is ${formatReference(orderNumber)}.`);
    expect(visitsOf(world, orderNumber).map((visit) => visit.slot)).toEqual([
      { date: '2026-12-01', planningWindowId: 3 },
    ]);
  });

  const otherChoices: Transcript[] = [
    {
      name: '"Something else" in the main menu gives the phone number',
      steps: [
        ['hi', MAIN_MENU],
        ['Something else', `For anything other than repairs, please call us on ${PHONES.repairs}.`],
      ],
    },
    {
      name: '"My appointments" checks the tenant first, then lists the home’s visits',
      steps: [
        ['hi', MAIN_MENU],
        ['My appointments', ASK_POSTCODE],
        ['LS1 4AB', ASK_HOUSE],
        ['Flat 3, Hart', 'You have no repair visits booked in the next eight weeks.'],
      ],
    },
    {
      name: 'an answer the main menu does not know is asked again',
      steps: [
        ['hi', MAIN_MENU],
        ['purple', 'Sorry, I did not understand that.', MAIN_MENU],
      ],
    },
  ];
  test.each(otherChoices)('$name', async ({ steps }) => {
    const since = world.mark();
    await play(tenant(), steps);
    expect(postedOrders(world, since)).toEqual([]);
  });
});

describe('reporting a repair in the tenant’s own words', () => {
  const starts: (Transcript & { code?: string })[] = [
    {
      name: 'one clear match goes straight to the tenant check',
      steps: [['my bath panel came off', ASK_POSTCODE, { not: FEW }, { not: CATEGORIES }, { not: DESCRIBE }]],
      code: 'BATH003',
    },
    {
      name: 'a number inside the words is not a menu choice ("3" is not "Something else")',
      steps: [['there are 3 mice in my kitchen', ASK_POSTCODE, { not: 'For anything other than repairs' }]],
      code: 'PEST001',
    },
    {
      name: 'a few matches ask "Is it one of these?" and one is chosen',
      steps: [
        ['tap leaking', FEW, '[Tap leaking at the base or pipe connection]', '[None of these]'],
        ['Tap leaking at the base or pipe connection', ASK_POSTCODE],
      ],
      code: 'TAPS003',
    },
    {
      name: 'a few matches, "None of these" goes to the category menu',
      steps: [
        ['tap leaking', FEW],
        ['None of these', CATEGORIES],
        ['Sinks and basins', SUB_AREAS],
        ['Sink or basin loose or cracked', ASK_POSTCODE, { not: DESCRIBE }],
      ],
      code: 'SINK004',
    },
    {
      name: 'words that match no repair get the menu, and the report goes on from the category menu',
      steps: [
        ['the thing is not right', MAIN_MENU],
        ['Report a repair', CATEGORIES],
        ['Walls, ceilings and plaster', SUB_AREAS],
        ['Hole in a wall or skirting board damaged', DESCRIBE],
        ['hole by the door', ASK_POSTCODE],
      ],
      code: 'WALL004',
    },
  ];

  test.each(starts)('$name', async ({ steps, code }) => {
    const since = world.mark();
    await play(tenant(), [...steps, ...VERIFY, ['No texts, thanks', SUMMARY], ['Send it', LOGGED]]);
    expect(postedOrders(world, since).map((order) => order.JobCodes?.[0]?.CodeExternalId)).toEqual([code]);
  });
});

describe('contact details in the report', () => {
  test('a changed mobile is used in the order in E.164, and only ever shown masked', async () => {
    const since = world.mark();
    const turns = await play(tenant(), [
      ['my bath panel came off', ASK_POSTCODE],
      ...VERIFY,
      ['Change my mobile', 'What is your mobile number?'],
      ['0771', 'That does not look like a UK mobile number.', 'What is your mobile number?'],
      ['07700 900123', 'Can we text you updates about this repair on your mobile ending 123?'],
      ['Yes, text me', 'Updates: texts to your mobile ending 123 and e-mails to a••••@e••••.com'],
      ['Send it', LOGGED],
    ]);
    expect(postedOrders(world, since)[0]?.OrderContact).toMatchObject({
      MobilePhone: '+447700900123',
      ContactPreference: ContactPreference.EmailAndMobileText,
    });
    const everything = turns.map(said).join('\n');
    for (const detail of [/900101/, /900123/, /07700/, /amelia\.hart/i]) expect(everything).not.toMatch(detail);
  });

  test('a changed e-mail is used in the order, and no texts means e-mail only', async () => {
    const since = world.mark();
    const turns = await play(tenant(), [
      ['my bath panel came off', ASK_POSTCODE],
      ...VERIFY,
      ['Change my e-mail', 'What is your e-mail address?'],
      ['amelia@example', 'That does not look like an e-mail address'],
      ['a.hart@example.org', 'We will also e-mail a••••@e••••.org.'],
      ['No texts, thanks', 'Updates: e-mails to a••••@e••••.org', { not: 'texts to your mobile' }],
      ['Send it', LOGGED],
    ]);
    expect(postedOrders(world, since)[0]?.OrderContact).toMatchObject({
      MobilePhone: '+447700900101',
      EmailAddress: 'a.hart@example.org',
      ContactPreference: ContactPreference.EmailOnly,
    });
    expect(turns.map(said).join('\n')).not.toMatch(/a\.hart@example\.org/);
  });
});

describe('the summary', () => {
  test('change the description, add a note, change the repair, then send', async () => {
    const since = world.mark();
    await play(tenant(), [
      ['my bath panel came off', ASK_POSTCODE],
      ...VERIFY,
      ['No texts, thanks', SUMMARY, 'What is wrong: my bath panel came off'],
      ['Change the description', 'In a few words, what is wrong? (up to 255 characters)'],
      ['x'.repeat(256), TOO_LONG, 'In a few words, what is wrong?'],
      ['The side panel is cracked', SUMMARY, 'What is wrong: The side panel is cracked'],
      ['Add a note for the operative', 'What should the operative know?'],
      [
        'Dog in the garden, knock loudly',
        'Note for the operative: Dog in the garden, knock loudly',
        '[Change the note]',
      ],
      ['Change the repair', CATEGORIES],
      ['Taps', SUB_AREAS],
      ['Tap dripping', DESCRIBE],
      [
        'The kitchen tap drips all night',
        SUMMARY,
        'Repair: Tap dripping (Taps)',
        'What is wrong: The kitchen tap drips all night',
        'Note for the operative: Dog in the garden, knock loudly',
      ],
      ['Send it', LOGGED, SLOTS],
      ['1', 'Booked: Tuesday 1 December, school run'],
    ]);
    const [order, ...others] = postedOrders(world, since);
    expect(others).toEqual([]);
    expect(order).toMatchObject({
      JobCodes: [{ CodeExternalId: 'TAPS001', Quantity: 1 }],
      JobDescription: 'Tap dripping: The kitchen tap drips all night',
      PriorityExternalId: 'RTN',
    });
    const bookings = world.calls('postBooking', since).map((call) => call.body);
    expect(bookings).toEqual([
      expect.objectContaining({
        PrimaryOrderNumber: order!.PrimaryOrderNumber,
        VisitInstructions: 'Dog in the garden, knock loudly',
      }),
    ]);
    expect(visitsOf(world, order!.PrimaryOrderNumber)).toEqual([
      expect.objectContaining({ VisitInstructions: 'Dog in the garden, knock loudly' }),
    ]);
  });

  test('an answer the summary does not know is asked again; a typed "yes" sends', async () => {
    const since = world.mark();
    await play(tenant(), [
      ['my bath panel came off', ASK_POSTCODE],
      ...VERIFY,
      ['No texts, thanks', SUMMARY],
      ['purple', 'Sorry, I did not catch that. Please choose one of the options.', SUMMARY],
      ['yes', LOGGED],
    ]);
    expect(postedOrders(world, since)).toHaveLength(1);
  });
});

describe('external work', () => {
  test('a sub-area with a contractor: the order goes to the supplier, who is named, and no visit is booked', async () => {
    const since = world.mark();
    await play(tenant(), [
      ['slates missing from the roof', ASK_POSTCODE],
      ...VERIFY,
      ['No texts, thanks', 'Repair: Roof tiles or slates slipped or missing (Roofs, gutters and drains)'],
      [
        'Send it',
        LOGGED,
        'This repair is done by Pennine Roofing & Guttering Ltd. They will contact you to arrange a visit.',
        { not: SLOTS },
      ],
    ]);
    const [order] = postedOrders(world, since);
    expect(order).toMatchObject({ JobCodes: [{ CodeExternalId: 'ROOF002' }], ContractorType: ContractorType.External });
    expect(world.calls('postBookSubContractorOrder', since).map((call) => call.body)).toEqual([
      { PrimaryOrderNumber: order!.PrimaryOrderNumber, SupplierExternalId: 'SUP-ROOF' },
    ]);
    expect(world.calls('getAvailability', since)).toEqual([]);
    expect(world.calls('postBooking', since)).toEqual([]);
    expect(world.sim.snapshot().subcontractOrders).toEqual([
      expect.objectContaining({ PrimaryOrderNumber: order!.PrimaryOrderNumber, SupplierExternalId: 'SUP-ROOF' }),
    ]);
  });
});

describe('when Connect is not answering', () => {
  const faults = [
    { name: 'a 503 from Connect', fault: { kind: 'status', status: 503, operationId: 'postSalesOrder', count: 1 } },
    { name: 'a dropped connection', fault: { kind: 'drop', operationId: 'postSalesOrder', count: 1 } },
  ] as const;

  test.each(faults)(
    '$name: the report is saved in the outbox with all the tenant gave, the tenant told what happens next',
    async ({ fault }) => {
      const bot = tenant();
      await play(bot, [['my bath panel came off', ASK_POSTCODE], ...VERIFY, ['No texts, thanks', SUMMARY]]);
      world.sim.fault(fault);
      const beforeSend = world.mark();
      await play(bot, [
        [
          'Send it',
          SAVED,
          'It will be sent automatically as soon as the system is back, and I will send you a message here when it has gone. You do not need to report it again.',
          `If it becomes an emergency, call ${PHONES.emergency}, day or night.`,
          { not: LOGGED },
          { not: SLOTS },
        ],
      ]);
      const [attempt] = postedOrders(world, beforeSend);
      expect(ordersIn(world)).toEqual([]);
      // Before giving up it looked: Connect has no such order, so nothing was raised.
      expect(world.calls('getSalesOrder', beforeSend).map((c) => c.status)).toEqual([404]);

      // Kept under the same order number, so the outbox's look-up finds an attempt that got through after all.
      const orderNumber = attempt!.PrimaryOrderNumber;
      expect(await world.services.outbox.waiting()).toContain(orderNumber);
      expect(await world.services.outbox.find(orderNumber)).toMatchObject({
        state: 'waiting',
        channelId: 'webchat',
        conversation: expect.objectContaining({ conversation: expect.objectContaining({ id: expect.any(String) }) }),
        report: {
          orderNumber,
          propertyId: 'PROP-0001',
          code: 'BATH003',
          description: 'my bath panel came off',
          contact: { wantsTexts: false },
          emergency: false,
        },
      });
    },
  );
});

describe('a second report while the first waits in the outbox', () => {
  test('is caught as the same repair: no second order, the same reference', async () => {
    const first = tenant();
    await play(first, [['my bath panel came off', ASK_POSTCODE], ...VERIFY, ['No texts, thanks', SUMMARY]]);
    world.sim.fault({ kind: 'status', status: 503, operationId: 'postSalesOrder', count: 1 });
    await play(first, [['Send it', SAVED]]);
    const [kept] = await world.services.outbox.waiting();
    const reference = formatReference(kept!)!;

    // Connect is still down; the tenant tries again in a new conversation.
    const since = world.mark();
    const again = tenant();
    await play(again, [
      ['my bath panel came off', ASK_POSTCODE],
      ...VERIFY,
      ['No texts, thanks', `You already reported this repair (reference ${reference})`],
      ['Yes, the same repair', `Thank you, I have not reported it again. Your reference is ${reference}.`],
    ]);
    expect(postedOrders(world, since)).toEqual([]);
    expect(await world.services.outbox.waiting()).toEqual([kept]);
  });
});

describe('when Connect is not answering, for an emergency', () => {
  test('the report is saved and the tenant is told to call the emergency line now, not to wait', async () => {
    const bot = tenant();
    await play(bot, [
      ["my front door won't lock", 'This needs an emergency repair', FEW],
      ["Front or back door won't close or lock shut", ASK_POSTCODE],
      ...VERIFY,
      ['No texts, thanks', SUMMARY, 'as an emergency'],
    ]);
    world.sim.fault({ kind: 'status', status: 503, operationId: 'postSalesOrder', count: 1 });
    const beforeSend = world.mark();

    await play(bot, [
      [
        'Send it',
        SAVED,
        `Because this is an emergency, please call our emergency repairs line now on ${PHONES.emergency} so we can make it safe.`,
        { not: 'If it becomes an emergency' },
        { not: LOGGED },
      ],
    ]);
    const [attempt] = postedOrders(world, beforeSend);
    expect(attempt).toMatchObject({ PriorityExternalId: 'EMG' });
    expect(await world.services.outbox.find(attempt!.PrimaryOrderNumber)).toMatchObject({
      report: { emergency: true, code: 'DOOR001' },
    });
  });
});

describe('no free appointments', () => {
  test('nothing free within five weeks: the plain message, the order kept, no booking', async () => {
    const days = Array.from({ length: 35 }, (_, i) => addDays('2026-12-01', i));
    world.sim.seed({
      capacity: days.flatMap((date) =>
        [1, 2, 3, 4, 5].map((planningWindowId) => ({ date, planningWindowId, capacity: 0 })),
      ),
    });
    const since = world.mark();
    await play(tenant(), [
      ['my bath panel came off', ASK_POSTCODE],
      ...VERIFY,
      ['No texts, thanks', SUMMARY],
      [
        'Send it',
        LOGGED,
        'I am sorry, there are no free appointments in the next five weeks. Your repair is logged, and our repairs team will call you to arrange a visit.',
        { not: SLOTS },
      ],
    ]);
    const [order] = postedOrders(world, since);
    expect(ordersIn(world).map((o) => o.PrimaryOrderNumber)).toEqual([order!.PrimaryOrderNumber]);
    expect(world.calls('postBooking', since)).toEqual([]);
    expect(visitsOf(world, order!.PrimaryOrderNumber)).toEqual([]);
  });
});

describe('the tenant check in the journey', () => {
  test('after three failures the phone number is given, and a new report does not ask again', async () => {
    const since = world.mark();
    const wrong: Step[] = [
      ['LS1 4AB', ASK_HOUSE],
      ['Flat 9, Hart', 'Sorry, I could not match those details', ASK_POSTCODE],
    ];
    const bot = tenant();
    await play(bot, [
      ['my bath panel came off', ASK_POSTCODE],
      ...wrong,
      ...wrong,
      ['LS1 4AB', ASK_HOUSE],
      ['Flat 9, Hart', `Please call us on ${PHONES.repairs}`, { not: ASK_POSTCODE }, { not: CONTACT }],
      ['my kitchen tap drips', `Please call us on ${PHONES.repairs}`, { not: ASK_POSTCODE }],
    ]);
    expect(world.sim.journal().filter((entry) => entry.seq > since && entry.operationId !== 'token')).toEqual([]);
  });
});
