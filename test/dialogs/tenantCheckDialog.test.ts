import { DialogTurnStatus } from 'botbuilder-dialogs';
import { TenantCheckDialog } from '../../src/dialogs/tenantCheckDialog';
import { dialogClient, PHONES, play, type Step, startWorld, type Transcript, type World } from './dialogHarness';

const ASK_POSTCODE = 'What is your postcode?';
const ASK_HOUSE = 'What is your house number or name, and your surname?';
const NO_MATCH = 'Sorry, I could not match those details to a home we look after. Please check them and try again.';
const CALL_US = `Please call us on ${PHONES.repairs}`;

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

const checking = () => dialogClient((deps) => new TenantCheckDialog(deps), world.services, undefined);

describe('TenantCheckDialog', () => {
  const found: (Transcript & { propertyId: string })[] = [
    {
      name: 'postcode as written, flat and surname with a comma',
      propertyId: 'PROP-0001',
      steps: [
        ['hello', ASK_POSTCODE],
        ['LS1 4AB', ASK_HOUSE],
        ['Flat 3, Hart', { not: NO_MATCH }],
      ],
    },
    {
      name: 'postcode run together in lower case, number and surname without a comma',
      propertyId: 'PROP-0001',
      steps: [
        ['hello', ASK_POSTCODE],
        ['ls14ab', ASK_HOUSE],
        ['3 Hart', { not: NO_MATCH }],
      ],
    },
    {
      name: 'postcode with odd spacing, everything in lower case',
      propertyId: 'PROP-0001',
      steps: [
        ['hello', ASK_POSTCODE],
        ['  l s1   4a b ', ASK_HOUSE],
        ['flat 3 hart', { not: NO_MATCH }],
      ],
    },
    {
      name: 'another tenant, house number and surname',
      propertyId: 'PROP-0002',
      steps: [
        ['hello', ASK_POSTCODE],
        ['ls31xy', ASK_HOUSE],
        ['27, OKAFOR', { not: NO_MATCH }],
      ],
    },
    {
      name: 'not found, then found on the second try',
      propertyId: 'PROP-0001',
      steps: [
        ['hello', ASK_POSTCODE],
        ['LS1 4AB', ASK_HOUSE],
        ['Flat 4, Hart', NO_MATCH, ASK_POSTCODE],
        ['LS1 4AB', ASK_HOUSE],
        ['Flat 3, Hart', { not: NO_MATCH }],
      ],
    },
    {
      name: 'an invalid postcode is asked again, then accepted',
      propertyId: 'PROP-0001',
      steps: [
        ['hello', ASK_POSTCODE],
        ['LSI 4AB', 'That does not look like a postcode. Please type it like this: LS1 4AB.', { not: ASK_HOUSE }],
        ['my postcode', 'That does not look like a postcode'],
        ['LS1 4AB', ASK_HOUSE],
        ['Flat 3, Hart', { not: NO_MATCH }],
      ],
    },
    {
      name: 'help at a prompt answers and asks the same question again',
      propertyId: 'PROP-0001',
      steps: [
        ['hello', ASK_POSTCODE],
        ['help', 'You can tell me what needs repairing in your own words', ASK_POSTCODE],
        ['LS1 4AB', ASK_HOUSE],
        ['help', 'Say "start again" at any time', ASK_HOUSE],
        ['Flat 3, Hart', { not: NO_MATCH }],
      ],
    },
  ];

  test.each(found)('found: $name', async ({ steps, propertyId }) => {
    const dialog = checking();
    await play(dialog, steps);
    expect(dialog.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(dialog.client.dialogTurnResult.result).toEqual({ propertyId });
  });

  test('once verified, the check is not asked again in the same conversation', async () => {
    const dialog = checking();
    await play(dialog, [['hello', ASK_POSTCODE], ['LS1 4AB', ASK_HOUSE], ['Flat 3, Hart']]);
    const [again] = await play(dialog, [['another repair', { not: ASK_POSTCODE }]]);
    expect(again).toEqual([]);
    expect(dialog.client.dialogTurnResult.result).toEqual({ propertyId: 'PROP-0001' });
  });

  test('locked out after three failures: the phone number is given, and a fourth attempt is not asked', async () => {
    const dialog = checking();
    const wrongOnce: Step[] = [
      ['LS1 4AB', ASK_HOUSE],
      ['Flat 3, Smith', NO_MATCH, ASK_POSTCODE],
    ];
    await play(dialog, [['hello', ASK_POSTCODE], ...wrongOnce, ...wrongOnce]);
    await play(dialog, [
      ['LS1 4AB', ASK_HOUSE],
      ['Flat 3, Smith', CALL_US, `For an emergency call ${PHONES.emergency}`, { not: NO_MATCH }, { not: ASK_POSTCODE }],
    ]);
    expect(dialog.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(dialog.client.dialogTurnResult.result).toBeUndefined();

    // The right answers now would prove nothing: the check is not offered again in this conversation.
    await play(dialog, [['LS1 4AB', CALL_US, { not: ASK_POSTCODE }, { not: ASK_HOUSE }]]);
    await play(dialog, [['Flat 3, Hart', CALL_US, { not: ASK_HOUSE }]]);
    expect(dialog.client.dialogTurnResult.result).toBeUndefined();
  });

  test('a failure never says which answer was wrong: the reply is the same whatever was wrong', async () => {
    const wrongAnswers: { name: string; postcode: string; house: string }[] = [
      { name: 'postcode of another home', postcode: 'LS3 1XY', house: 'Flat 3, Hart' },
      { name: 'a postcode we do not serve', postcode: 'SW1A 1AA', house: 'Flat 3, Hart' },
      { name: 'wrong flat', postcode: 'LS1 4AB', house: 'Flat 5, Hart' },
      { name: 'wrong surname', postcode: 'LS1 4AB', house: 'Flat 3, Smith' },
      { name: 'another tenant’s house with this surname', postcode: 'LS1 4AB', house: '27, Okafor' },
      { name: 'everything wrong', postcode: 'M3 5QD', house: '99, Nobody' },
    ];
    const failures: string[][] = [];
    for (const wrong of wrongAnswers) {
      const dialog = checking();
      const turns = await play(dialog, [
        ['hello', ASK_POSTCODE],
        [wrong.postcode, ASK_HOUSE],
        [wrong.house, NO_MATCH],
      ]);
      failures.push((turns[2] ?? []).map((reply) => reply.text));
    }
    const [first, ...rest] = failures;
    expect(first).toEqual([NO_MATCH, 'First I need to find your home. What is your postcode?']);
    for (const failure of rest) expect(failure).toEqual(first);
    for (const text of failures.flat()) expect(text).not.toMatch(/surname|house number|flat|wrong/i);
  });
});
