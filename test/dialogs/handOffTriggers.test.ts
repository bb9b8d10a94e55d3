import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DiagnosisDialog, type DiagnosisOptions, MAX_DIAGNOSIS_FAILURES } from '../../src/dialogs/diagnosisDialog';
import { mailWithReference } from '../local/receivedMails';
import { CATEGORIES, FEW, MAIN_MENU } from './botWords';
import {
  botConversation,
  dialogClient,
  PHONES,
  play,
  postedOrders,
  said,
  startWorld,
  type Step,
  type World,
} from './dialogHarness';

/**
 * What starts a hand-off to the repairs team, through the whole bot (createBot → MainDialog) and through the
 * DiagnosisDialog alone: "Something else" on the main menu, "Something else" under a category's repair types, and
 * two failed attempts to find the repair type. None of them raises an order in Connect.
 */

const SUB_AREAS = 'Which of these is it?';
const NOT_UNDERSTOOD = 'Sorry, I did not understand. Please choose one of the options.';
const DESCRIBE = 'Please describe the repair in your own words';
const ASK_NAME = 'What is your name?';
const ASK_CONTACT = 'What phone number or e-mail address can the repairs team contact you on?';
const PASSED_ON = /Your reference is (HO \d{6} [2-9A-Z]{4} [2-9A-Z]{4})\./;
const SOMETHING_ELSE_INTRO = `I can pass a message about a repair to our repairs team. For anything other than repairs, please call us on ${PHONES.repairs}.`;
const NOT_IN_CATALOGUE_INTRO = 'I cannot book that kind of repair here, but I can pass it to our repairs team.';
const FAILED_INTRO = 'Sorry, I could not work out which repair this is. I can pass it to our repairs team instead.';

/** The rest of a hand-off for someone not verified: name, phone, sent. */
const NAME_AND_PHONE: Step[] = [
  ['Sam Jones', ASK_CONTACT],
  ['07700 900123', PASSED_ON, 'The repairs team will contact you within 2 working days'],
];

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());
beforeEach(() => world.reset());

async function sentMail(turns: Awaited<ReturnType<typeof play>>) {
  const reference = PASSED_ON.exec(said(turns.at(-1) ?? []))?.[1];
  if (!reference) throw new Error('the last turn gave no hand-off reference');
  return (await mailWithReference(world.mail.folder, reference)).mail;
}

describe('hand-off triggers, through the whole bot', () => {
  test('"Something else" on the main menu', async () => {
    const since = world.mark();
    const tenant = botConversation(world.services);
    const turns = await play(tenant, [
      ['hi', MAIN_MENU, '[Something else]'],
      ['Something else', SOMETHING_ELSE_INTRO, DESCRIBE],
      ['The lift in our block has been broken for a week', ASK_NAME],
      ...NAME_AND_PHONE,
    ]);
    const mail = await sentMail(turns);
    expect(mail.subject).toContain('Tenant chose "Something else"');
    expect(mail.text).toContain('The lift in our block has been broken for a week');
    expect(postedOrders(world, since)).toEqual([]);
    // The conversation is over: the next message starts again.
    await play(tenant, [['hello', MAIN_MENU]]);
  });

  test('"Something else" under a category: not in the catalogue, no order', async () => {
    const since = world.mark();
    const turns = await play(botConversation(world.services), [
      ['hi', MAIN_MENU],
      ['Report a repair', CATEGORIES],
      ['Pests', SUB_AREAS, '[Something else]'],
      ['Something else', NOT_IN_CATALOGUE_INTRO, DESCRIBE, { not: 'postcode' }],
      ['Bats in the loft', ASK_NAME],
      ...NAME_AND_PHONE,
    ]);
    const mail = await sentMail(turns);
    expect(mail.subject).toContain('Not in the repairs catalogue');
    expect(mail.text).toContain('Bats in the loft');
    expect(postedOrders(world, since)).toEqual([]);
  });

  test('"None of these" then "Something else": diagnosis failed, the tenant’s first words carried over', async () => {
    const turns = await play(botConversation(world.services), [
      ['tap leaking', FEW, '[None of these]'],
      ['None of these', CATEGORIES],
      ['Sinks and basins', SUB_AREAS],
      ['Something else', FAILED_INTRO, 'You told me: "tap leaking". Shall I pass that on to the repairs team?'],
      ['Yes, pass that on', ASK_NAME],
      ...NAME_AND_PHONE,
    ]);
    const mail = await sentMail(turns);
    expect(mail.subject).toContain('Bot could not find the repair type');
    expect(mail.text).toMatch(/What the tenant said:\ntap leaking\n/);
  });

  test('two answers not understood: diagnosis failed', async () => {
    const since = world.mark();
    const turns = await play(botConversation(world.services), [
      ['hi', MAIN_MENU],
      ['Report a repair', CATEGORIES],
      ['banana', NOT_UNDERSTOOD, CATEGORIES],
      ['purple', FAILED_INTRO, DESCRIBE, { not: NOT_UNDERSTOOD }],
      ['The loft ladder will not fold away', ASK_NAME],
      ...NAME_AND_PHONE,
    ]);
    expect((await sentMail(turns)).subject).toContain('Bot could not find the repair type');
    expect(postedOrders(world, since)).toEqual([]);
  });

  test('"None of these" then an answer not understood: diagnosis failed', async () => {
    await play(botConversation(world.services), [
      ['tap leaking', FEW],
      ['None of these', CATEGORIES],
      ['banana', FAILED_INTRO, 'You told me: "tap leaking"', { not: NOT_UNDERSTOOD }],
    ]);
  });

  test('"stop" during a hand-off stops it, and nothing is sent', async () => {
    await play(botConversation(world.services), [
      ['hi', MAIN_MENU],
      ['Something else', DESCRIBE],
      ['The lift is broken', ASK_NAME],
      ['stop', 'OK, I have stopped. Nothing more has been sent.'],
      ['hello', MAIN_MENU],
    ]);
  });
});

describe('hand-off triggers in the DiagnosisDialog', () => {
  const diagnosing = (options: DiagnosisOptions) =>
    dialogClient((deps) => new DiagnosisDialog(deps), world.services, options);

  test('two failed attempts is the limit', () => {
    expect(MAX_DIAGNOSIS_FAILURES).toBe(2);
  });

  test('"Something else" first time: not in the catalogue, carrying the tenant’s words; ends with no repair type', async () => {
    const dialog = diagnosing({ text: 'the thing is not right' });
    const turns = await play(dialog, [
      ['(start)', CATEGORIES],
      ['Doors', SUB_AREAS],
      ['Something else', NOT_IN_CATALOGUE_INTRO, 'You told me: "the thing is not right"'],
      ['yes', ASK_NAME],
      ...NAME_AND_PHONE,
    ]);
    expect(dialog.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    // No repair type: the report that asked for a diagnosis ends rather than going on to a summary.
    expect(dialog.client.dialogTurnResult.result).toEqual({ handedOff: true });
    expect((await sentMail(turns)).subject).toContain('Not in the repairs catalogue');
  });

  test('one answer not understood, then "Something else": the second failure, so diagnosis failed', async () => {
    const dialog = diagnosing({});
    await play(dialog, [
      ['(start)', CATEGORIES],
      ['Doors', SUB_AREAS],
      ['purple', NOT_UNDERSTOOD, SUB_AREAS],
      ['Something else', FAILED_INTRO, DESCRIBE],
    ]);
  });

  test('one answer not understood and then a repair type found: no hand-off', async () => {
    const dialog = diagnosing({ text: 'tap leaking' });
    await play(dialog, [
      ['(start)', FEW],
      ['purple', NOT_UNDERSTOOD, FEW],
      ['1', { not: FAILED_INTRO }],
    ]);
    expect(dialog.client.dialogTurnResult.result).toEqual({ code: 'TAPS003', description: 'tap leaking' });
  });
});
