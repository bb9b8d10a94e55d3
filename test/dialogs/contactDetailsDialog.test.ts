import { DialogTurnStatus } from 'botbuilder-dialogs';
import { ContactDetailsDialog, type ContactDetailsOptions } from '../../src/dialogs/contactDetailsDialog';
import { type ReportContact } from '../../src/repairs/reporting/repairReport';
import { dialogClient, play, said, startWorld, type Transcript, type World } from './dialogHarness';

const QUESTION = 'Can we text you updates about this repair on your mobile ending 101?';
const EMAIL_MASKED = 'We will also e-mail a••••@e••••.com.';
const ASK_MOBILE = 'What is your mobile number?';
const BAD_MOBILE = 'That does not look like a UK mobile number. It should start 07 or +447.';
const ASK_EMAIL = 'What is your e-mail address?';
const BAD_EMAIL = 'That does not look like an e-mail address, for example name@example.com.';

/** Amelia Hart (PROP-0001) on file: 07700 900101, 0113 496 0101, amelia.hart@example.com. */
const ON_FILE = { mobile: '+447700900101', homePhone: '0113 496 0101', email: 'amelia.hart@example.com' };

/** Nothing the bot says may show a contact detail whole: only 'ending 101' and 'a••••@e••••.com'. */
const UNMASKED = [/900101/, /900123/, /07700/, /\+?44 ?7700/, /amelia\.hart/i, /new\.name/i, /0113 496/];

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

const confirming = (channelId = 'webchat') =>
  dialogClient(
    (deps) => new ContactDetailsDialog(deps),
    world.services,
    { propertyId: 'PROP-0001' } satisfies ContactDetailsOptions,
    channelId,
  );

describe('ContactDetailsDialog', () => {
  const journeys: (Transcript & { channelId?: string; result: ReportContact })[] = [
    {
      name: 'confirm with texts',
      steps: [
        [
          'hi',
          QUESTION,
          EMAIL_MASKED,
          '[Yes, text me]',
          '[No texts, thanks]',
          '[Change my mobile]',
          '[Change my e-mail]',
        ],
        ['Yes, text me'],
      ],
      result: { ...ON_FILE, wantsTexts: true },
    },
    {
      name: 'a typed "yes please" is a yes',
      steps: [['hi', QUESTION], ['yes please']],
      result: { ...ON_FILE, wantsTexts: true },
    },
    {
      name: 'no texts',
      steps: [['hi', QUESTION], ['No texts, thanks']],
      result: { ...ON_FILE, wantsTexts: false },
    },
    {
      name: 'a typed "no" is no texts',
      steps: [['hi', QUESTION], ['no']],
      result: { ...ON_FILE, wantsTexts: false },
    },
    {
      name: 'an answer that is neither is asked again',
      steps: [['hi', QUESTION], ['banana', 'Sorry, I did not catch that.', QUESTION], ['Yes, text me']],
      result: { ...ON_FILE, wantsTexts: true },
    },
    {
      name: 'change the mobile: a bad number and a landline are refused, a good one is taken',
      steps: [
        ['hi', QUESTION],
        ['Change my mobile', ASK_MOBILE],
        ['12345', BAD_MOBILE, ASK_MOBILE],
        ['0113 496 0101', BAD_MOBILE, ASK_MOBILE],
        ['07700 900123', 'Can we text you updates about this repair on your mobile ending 123?', EMAIL_MASKED],
        ['Yes, text me'],
      ],
      result: { ...ON_FILE, mobile: '+447700900123', wantsTexts: true },
    },
    {
      name: 'change the mobile, given in international form',
      steps: [
        ['hi', QUESTION],
        ['Change my mobile', ASK_MOBILE],
        ['+44 7700 900123', 'on your mobile ending 123?'],
        ['No texts, thanks'],
      ],
      result: { ...ON_FILE, mobile: '+447700900123', wantsTexts: false },
    },
    {
      name: 'change the e-mail: a bad address is refused, a good one is taken and shown masked',
      steps: [
        ['hi', QUESTION],
        ['Change my e-mail', ASK_EMAIL],
        ['not an address', BAD_EMAIL, ASK_EMAIL],
        ['new.name@example.org', QUESTION, 'We will also e-mail n••••@e••••.org.'],
        ['Yes, text me'],
      ],
      result: { ...ON_FILE, email: 'new.name@example.org', wantsTexts: true },
    },
    {
      name: 'SMS: the choices are a numbered list and "2" is the second',
      channelId: 'sms',
      steps: [
        [
          'hi',
          QUESTION,
          '1. Yes, text me\n2. No texts, thanks\n3. Change my mobile\n4. Change my e-mail',
          'Reply with a number.',
        ],
        ['2'],
      ],
      result: { ...ON_FILE, wantsTexts: false },
    },
    {
      name: 'SMS: "3" changes the mobile',
      channelId: 'sms',
      steps: [['hi', QUESTION], ['3', ASK_MOBILE], ['07700900123', 'ending 123?', '1. Yes, text me'], ['1']],
      result: { ...ON_FILE, mobile: '+447700900123', wantsTexts: true },
    },
  ];

  test.each(journeys)('$name', async ({ steps, channelId, result }) => {
    const dialog = confirming(channelId);
    const turns = await play(dialog, steps);
    expect(dialog.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(dialog.client.dialogTurnResult.result).toEqual(result);
    // The masked forms only, before the new detail is accepted and after.
    const everything = turns.map(said).join('\n');
    for (const detail of UNMASKED) expect(everything).not.toMatch(detail);
  });

  test('SMS replies carry no buttons', async () => {
    const dialog = confirming('sms');
    const [replies] = await play(dialog, [['hi', QUESTION]]);
    expect(replies?.[0]?.choices).toEqual([]);
    expect(replies?.[0]?.activity.suggestedActions).toBeUndefined();
  });
});
