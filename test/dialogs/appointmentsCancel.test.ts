import { OrderStatus, VisitStatus } from '../../src/connect';
import { formatReference } from '../../src/repairs/orders/orderNumber';
import { callsByMethod, callTable } from '../e2e/testApp';
import { ASK_HOUSE, ASK_POSTCODE } from './botWords';
import {
  botConversation,
  ordersIn,
  PHONES,
  play,
  raisedOrder,
  startWorld,
  type Step,
  visitsOf,
  type World,
} from './dialogHarness';

/** Cancelling a repair from My appointments: which, why, are you sure, then SalesOrder PATCH with OrderStatus 11. */

const THU_MORNING = 'Thursday 3 December, morning, 8am to 1pm';
const BATH = 'Bath side panel loose or broken';
const REASONS = ['[No longer needed]', '[I fixed it myself]', '[I reported it twice]', '[Other]'];

const LIST_FOR_HART: Step[] = [
  ['My appointments', ASK_POSTCODE],
  ['LS1 4AB', ASK_HOUSE],
  ['Flat 3, Hart', '[Cancel a repair]'],
];

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());
beforeEach(() => world.reset());

const tenant = () => botConversation(world.services);
const callsSince = (since: number) => world.sim.journal().filter((e) => e.seq > since && e.operationId !== 'token');
const orderIn = (orderNumber: string) => ordersIn(world).find((o) => o.PrimaryOrderNumber === orderNumber);

describe('My appointments: cancelling a repair', () => {
  test('declining at "Are you sure?" sends nothing', async () => {
    const { orderNumber } = await raisedOrder(world);
    const reference = formatReference(orderNumber)!;
    const since = world.mark();
    await play(tenant(), [
      ...LIST_FOR_HART,
      ['Cancel a repair', `Why do you want to cancel ${BATH} (reference ${reference})?`, ...REASONS],
      [
        'No longer needed',
        `Are you sure you want to cancel ${BATH} (reference ${reference})? We will not come on ${THU_MORNING}.`,
        '[Yes, cancel it]',
        '[No, keep it]',
      ],
      ['No, keep it', `OK, I have not cancelled anything. Your visit is still booked: ${THU_MORNING}.`],
    ]);
    expect(callsSince(since).map((e) => e.operationId)).toEqual(['getBookingSummary']);
    expect(orderIn(orderNumber)?.OrderStatus).toBeUndefined();
    expect(visitsOf(world, orderNumber)).toEqual([expect.objectContaining({ VisitStatus: VisitStatus.Booked })]);
    expect((await world.services.orders.find(orderNumber))?.status).toBe('open');
  });

  const reasons: {
    reason: string;
    words?: string;
    cancelReason: string;
    cancelDescription: string;
  }[] = [
    {
      reason: 'No longer needed',
      cancelReason: 'No longer needed',
      cancelDescription: 'Cancelled by the tenant in the repairs chat: the repair is no longer needed.',
    },
    {
      reason: 'I fixed it myself',
      cancelReason: 'Fixed by the tenant',
      cancelDescription: 'Cancelled by the tenant in the repairs chat: they fixed it themselves.',
    },
    {
      reason: 'I reported it twice',
      cancelReason: 'Duplicate report',
      cancelDescription: 'Cancelled by the tenant in the repairs chat: they reported it twice.',
    },
    {
      reason: 'Other',
      words: 'My neighbour is a plumber and sorted it out',
      cancelReason: 'Other',
      cancelDescription: 'My neighbour is a plumber and sorted it out',
    },
  ];

  test.each(reasons)(
    'cancelled with "$reason": 2 Connect calls, the order cancelled with the reason, the record marked',
    async ({ reason, words, cancelReason, cancelDescription }) => {
      const { orderNumber } = await raisedOrder(world);
      const reference = formatReference(orderNumber)!;
      const since = world.mark();
      await play(tenant(), [
        ...LIST_FOR_HART,
        ['Cancel a repair', 'Why do you want to cancel'],
        ...(words
          ? ([
              [reason, 'Please tell me why, in a few words.'],
              [words, 'Are you sure you want to cancel'],
            ] satisfies Step[])
          : ([[reason, 'Are you sure you want to cancel']] satisfies Step[])),
        [
          'Yes, cancel it',
          `Cancelled: ${BATH} (reference ${reference}). Nobody will come for it. If you need it after all, just report it again.`,
        ],
      ]);

      const calls = callsSince(since);
      if (reason === 'Other') {
        process.stdout.write(callTable('Connect calls for one cancellation (dialog test):', callsByMethod(calls)));
      }
      expect(calls.map((e) => `${e.method} ${e.operationId} ${e.status}`)).toEqual([
        'GET getBookingSummary 200',
        'PATCH patchSalesOrder 200',
      ]);
      expect(calls[1]!.body).toEqual({
        PrimaryOrderNumber: orderNumber,
        ContractExternalId: 'CONTRACT-RESP',
        OrderStatus: OrderStatus.Cancel,
        CancelReason: cancelReason,
        CancelDescription: cancelDescription,
      });
      expect(orderIn(orderNumber)).toMatchObject({
        OrderStatus: OrderStatus.Cancel,
        CancelReason: cancelReason,
        CancelDescription: cancelDescription,
      });
      expect(visitsOf(world, orderNumber)).toEqual([
        expect.objectContaining({ VisitStatus: VisitStatus.PendingDeletion }),
      ]);
      expect((await world.services.orders.find(orderNumber))?.status).toBe('cancelled');

      // Listed again: the visit reads Cancelled, and there is nothing left to cancel.
      await play(tenant(), [
        ...LIST_FOR_HART.slice(0, 2),
        ['Flat 3, Hart', `- ${BATH}: ${THU_MORNING}. Cancelled.`, { not: '[Cancel a repair]' }],
      ]);
    },
  );

  test('"Other" asks for words again when they run past 255 characters', async () => {
    const { orderNumber } = await raisedOrder(world);
    await play(tenant(), [
      ...LIST_FOR_HART,
      ['Cancel a repair', 'Why do you want to cancel'],
      ['Other', 'Please tell me why, in a few words.'],
      ['It is fine now. '.repeat(20), 'Please tell me why in 255 characters or fewer.', { not: 'Are you sure' }],
      ['It is fine now', 'Are you sure you want to cancel'],
      ['yes', 'Cancelled:'],
    ]);
    expect(orderIn(orderNumber)).toMatchObject({ CancelReason: 'Other', CancelDescription: 'It is fine now' });
  });

  test('with several repairs the tenant picks one, including a repair with no visit yet', async () => {
    const bath = await raisedOrder(world);
    const sink = await raisedOrder(world, { code: 'SINK001', slot: null });
    const since = world.mark();
    await play(tenant(), [
      ...LIST_FOR_HART,
      [
        'Cancel a repair',
        'Which repair do you want to cancel?',
        `[${BATH}: ${THU_MORNING}]`,
        '[Kitchen sink blocked: no visit booked yet]',
      ],
      [
        'Kitchen sink blocked',
        `Why do you want to cancel Kitchen sink blocked (reference ${formatReference(sink.orderNumber)})?`,
      ],
      ['I reported it twice', /Are you sure you want to cancel Kitchen sink blocked \(reference [^)]+\)\?$/m],
      ['Yes, cancel it', 'Cancelled: Kitchen sink blocked', { not: 'Nobody will come' }],
    ]);
    expect(callsSince(since).map((e) => `${e.method} ${e.operationId}`)).toEqual([
      'GET getBookingSummary',
      'PATCH patchSalesOrder',
    ]);
    expect(orderIn(sink.orderNumber)?.OrderStatus).toBe(OrderStatus.Cancel);
    expect(orderIn(bath.orderNumber)?.OrderStatus).toBeUndefined();
  });

  test('a repair the engineer has started is not offered to cancel', async () => {
    const { visitExternalId } = await raisedOrder(world);
    world.sim.changeVisit(visitExternalId!, { VisitStatus: VisitStatus.Started });
    await play(tenant(), [
      ...LIST_FOR_HART.slice(0, 2),
      ['Flat 3, Hart', 'On the way.', '[Move an appointment]', { not: '[Cancel a repair]' }],
    ]);
  });

  test('Connect not answering the cancellation: nothing is claimed, the record stays open, the number is given', async () => {
    const { orderNumber } = await raisedOrder(world);
    world.sim.fault({ kind: 'status', status: 503, operationId: 'patchSalesOrder', count: 1 });
    await play(tenant(), [
      ...LIST_FOR_HART,
      ['Cancel a repair', 'Why do you want to cancel'],
      ['No longer needed', 'Are you sure'],
      [
        'Yes, cancel it',
        `Sorry, our repairs system is not answering just now, so nothing has been cancelled. Please try again later, or call us on ${PHONES.repairs} and quote ${formatReference(orderNumber)}.`,
      ],
    ]);
    expect(orderIn(orderNumber)?.OrderStatus).toBeUndefined();
    expect((await world.services.orders.find(orderNumber))?.status).toBe('open');
  });
});
