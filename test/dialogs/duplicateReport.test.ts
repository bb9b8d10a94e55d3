import { OrderStatus } from '../../src/connect';
import { ASK_HOUSE, ASK_POSTCODE, CONTACT, SUMMARY } from './botWords';
import { botConversation, play, postedOrders, startWorld, type Step, type World } from './dialogHarness';

/**
 * A second report of a repair that is still open at the home: the bot says so and offers the first report instead
 * of raising the same repair twice (about half of repairs calls are people chasing or re-reporting).
 */
const DUPLICATE = 'You already reported this repair on Tuesday 1 December';
const REPORT_AND_BOOK: Step[] = [
  ['my bath is leaking', ASK_POSTCODE],
  ['LS1 4AB', ASK_HOUSE],
  ['Flat 3, Hart', CONTACT],
  ['Yes, text me', SUMMARY],
  ['Send it', 'Your repair is logged'],
  ['1', 'Booked: Tuesday 1 December'],
];
const REPORT_AGAIN: Step[] = [
  ['my bath is leaking', ASK_POSTCODE],
  ['LS1 4AB', ASK_HOUSE],
  ['Flat 3, Hart', CONTACT],
];

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());
beforeEach(() => world.reset());

describe('a second report of the same open repair', () => {
  it('is caught, and "the same" shows the first report without raising another order', async () => {
    await play(botConversation(world.services), REPORT_AND_BOOK);
    const since = world.mark();

    await play(botConversation(world.services), [
      ...REPORT_AGAIN,
      ['Yes, text me', DUPLICATE, '[Yes, it is the same]', '[No, this is a different repair]', { not: SUMMARY }],
      [
        'Yes, it is the same',
        'I have not reported it again',
        'A visit is booked for Tuesday 1 December',
        'My appointments',
      ],
    ]);

    expect(postedOrders(world, since)).toEqual([]);
    // One look at Connect to be sure the first order is still open.
    expect(world.calls('getSalesOrder', since).map((c) => c.status)).toEqual([200]);
  });

  it('lets the tenant say it is a different repair and carries on to the summary', async () => {
    await play(botConversation(world.services), REPORT_AND_BOOK);
    const since = world.mark();

    await play(botConversation(world.services), [
      ...REPORT_AGAIN,
      ['Yes, text me', DUPLICATE],
      ['No, this is a different repair', SUMMARY],
      ['Send it', 'Your repair is logged'],
    ]);

    expect(postedOrders(world, since)).toHaveLength(1);
  });

  it('is not raised for an order cancelled in Connect, a different repair, or another home', async () => {
    await play(botConversation(world.services), REPORT_AND_BOOK);
    const [first] = postedOrders(world);
    await world.services.connect.cancelOrder({
      primaryOrderNumber: first!.PrimaryOrderNumber,
      contractExternalId: first!.ContractExternalId,
      cancelReason: 'Reported twice',
    });
    expect(
      world.sim.snapshot().orders.find((o) => o.order.PrimaryOrderNumber === first!.PrimaryOrderNumber)?.order
        .OrderStatus,
    ).toBe(OrderStatus.Cancel);

    await play(botConversation(world.services), [...REPORT_AGAIN, ['Yes, text me', SUMMARY, { not: DUPLICATE }]]);
    expect((await world.services.orders.find(first!.PrimaryOrderNumber))?.status).toBe('cancelled');

    await play(botConversation(world.services), [
      ['the bath panel is broken', ASK_POSTCODE],
      ['LS1 4AB', ASK_HOUSE],
      ['Flat 3, Hart', CONTACT],
      ['Yes, text me', SUMMARY, { not: 'You already reported' }],
    ]);
  });

  it('does not hold up an emergency', async () => {
    await play(botConversation(world.services), [
      ["my front door won't lock", 'emergency', 'Is it one of these?'],
      ["Front or back door won't close or lock shut", ASK_POSTCODE],
      ['LS1 4AB', ASK_HOUSE],
      ['Flat 3, Hart', CONTACT],
      ['Yes, text me', SUMMARY],
      ['Send it', 'Your repair is logged'],
    ]);
    await play(botConversation(world.services), [
      ["my front door won't lock", 'emergency', 'Is it one of these?'],
      ["Front or back door won't close or lock shut", ASK_POSTCODE],
      ['LS1 4AB', ASK_HOUSE],
      ['Flat 3, Hart', CONTACT],
      ['Yes, text me', SUMMARY, { not: 'You already reported' }],
    ]);
  });
});
