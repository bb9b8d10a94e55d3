import net from 'node:net';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import {
  HandOffDialog,
  type HandOffOptions,
  type HandOffResult,
  WHAT_HAPPENS_NEXT,
} from '../../src/dialogs/handOffDialog';
import { type ConversationData } from '../../src/dialogs/dialogDeps';
import {
  type HandOffRequest,
  type HandOffSendResult,
  REPAIRS_TEAM_CONTACT_WORKING_DAYS,
  type RepairsTeamMail,
} from '../../src/repairs/handoff/repairsTeamMail';
import { SmtpRepairsTeamMail } from '../../src/repairs/handoff/smtpRepairsTeamMail';
import { RepairServices } from '../../src/repairs/repairServices';
import { mailWithReference, receivedMails, type ReceivedMail } from '../local/receivedMails';
import { dialogClient, PHONES, play, said, startWorld, type Step, type World } from './dialogHarness';

/** What the hand-off says, as the tests look for it. */
const DESCRIBE =
  'Please describe the repair in your own words: what is wrong, and where in the home. Up to 1,000 characters.';
const ASK_NAME = 'You do not need to give your address: the repairs team will check it with you. What is your name?';
const ASK_CONTACT = 'What phone number or e-mail address can the repairs team contact you on?';
const CHOOSE_CONTACT = 'How should the repairs team contact you about this?';
const BAD_PHONE = 'That does not look like a UK phone number or an e-mail address.';
const BAD_EMAIL = 'That does not look like an e-mail address. Please type it like this: name@example.com.';
const BAD_NAME = 'Please type your name, for example: Sam Jones.';
const PASSED_ON = /I have passed this to our repairs team\. Your reference is (HO \d{6} [2-9A-Z]{4} [2-9A-Z]{4})\./;
const CHECK_ADDRESS = 'They will check the address with you.';
const EMERGENCY_LINE = `If it becomes an emergency, call our emergency repairs line on ${PHONES.emergency}, day or night.`;
const NOT_SENT = 'Sorry, I could not send this to the repairs team just now, so they do not have it yet.';

/** Amelia Hart (PROP-0001) on file: mobile 07700 900101, home 0113 496 0101, amelia.hart@example.com, LS1 4AB. */
const VERIFIED: ConversationData = { verifiedPropertyId: 'PROP-0001' };
/** What the directory holds about her that no hand-off e-mail may carry unless she chose it. */
const DIRECTORY_FIELDS = ['LS1 4AB', 'LS1', 'Aire Street', 'Flat 3', 'Leeds', 'Amelia', 'Hart', 'ORG-HA'];
const OTHER_PHONES = ['0113 496 0101', '01134960101', '+441134960101'];
const ON_FILE_EMAIL = 'amelia.hart@example.com';
/** Nothing the bot says may show a detail on file whole. */
const UNMASKED = [/900101/, /496 ?0101/, /amelia\.hart/i, /LS1 4AB/, /Aire Street/];

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

const handingOff = (
  options: HandOffOptions,
  conversationData?: ConversationData,
  services: RepairServices = world.services,
  channelId = 'webchat',
) => dialogClient((deps) => new HandOffDialog(deps), services, options, channelId, conversationData);

/** The reference the tenant was given, from the last turn's replies. */
function referenceIn(text: string): string {
  const reference = PASSED_ON.exec(text)?.[1];
  if (!reference) throw new Error(`no reference in: ${text}`);
  return reference;
}

/** Everything in a received mail that a person could read: headers, subject and body. */
function readable(received: ReceivedMail): string {
  return [received.raw, received.mail.subject ?? '', received.mail.text ?? ''].join('\n');
}

/** Plays a hand-off to the end and returns the mail the repairs team received. */
async function handOffMail(dialog: ReturnType<typeof handingOff>, steps: Step[]) {
  const turns = await play(dialog, steps);
  const last = said(turns.at(-1) ?? []);
  const reference = referenceIn(last);
  expect(dialog.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  expect(dialog.client.dialogTurnResult.result).toEqual({ sent: true, reference } satisfies HandOffResult);
  return { turns, last, reference, received: await mailWithReference(world.mail.folder, reference) };
}

describe('HandOffDialog: a tenant who passed the tenant check', () => {
  test('their words are confirmed, a masked contact on file is chosen, and the e-mail holds no other directory data', async () => {
    const words = 'The loft hatch is stuck open and cold air comes down the landing';
    const dialog = handingOff({ reason: 'not-in-catalogue', text: words }, VERIFIED);
    const { turns, last, received } = await handOffMail(dialog, [
      [
        '(start)',
        'I cannot book that kind of repair here, but I can pass it to our repairs team.',
        `You told me: "${words}". Shall I pass that on to the repairs team?`,
        '[Yes, pass that on]',
        '[No, I will write it again]',
      ],
      [
        'Yes, pass that on',
        CHOOSE_CONTACT,
        '[My mobile, ending 101]',
        '[My home phone, ending 101]',
        '[My e-mail, a••••@e••••.com]',
        '[A different number or e-mail]',
        { not: ASK_NAME },
      ],
      ['My mobile, ending 101', PASSED_ON, `${WHAT_HAPPENS_NEXT}, by phone on the number ending 101.`, EMERGENCY_LINE],
    ]);
    expect(last).not.toContain(CHECK_ADDRESS);
    for (const turn of turns) for (const pattern of UNMASKED) expect(said(turn)).not.toMatch(pattern);

    const { mail } = received;
    expect(mail.subject).toMatch(/^Repair request HO \d{6} [2-9A-Z]{4} [2-9A-Z]{4}: Not in the repairs catalogue$/);
    expect(mail.text).toContain(words);
    expect(mail.text).toContain('Property: PROP-0001 (tenant check passed)');
    expect(mail.text).toContain('Phone: 07700 900101');
    expect(mail.text).toMatch(/Conversation: \S+/);
    expect(mail.html).toBe(false);
    for (const field of [...DIRECTORY_FIELDS, ...OTHER_PHONES, ON_FILE_EMAIL]) {
      expect(readable(received)).not.toContain(field);
    }
  });

  test('the e-mail on file: only that address goes to the team, not the phone numbers', async () => {
    const dialog = handingOff({ reason: 'something-else' }, VERIFIED);
    const { last, received } = await handOffMail(dialog, [
      ['(start)', DESCRIBE],
      ['The shared bin store door will not close', CHOOSE_CONTACT],
      ['My e-mail, a••••@e••••.com', `${WHAT_HAPPENS_NEXT}, by e-mail to a••••@e••••.com.`],
    ]);
    expect(last).not.toContain('amelia.hart');
    expect(received.mail.text).toContain(`E-mail: ${ON_FILE_EMAIL}`);
    for (const field of [...DIRECTORY_FIELDS, ...OTHER_PHONES, '07700 900101']) {
      expect(readable(received)).not.toContain(field);
    }
  });

  test('"A different number or e-mail": the one typed is used, and nothing on file', async () => {
    const dialog = handingOff({ reason: 'diagnosis-failed', text: 'my loft hatch is stuck' }, VERIFIED);
    const { received } = await handOffMail(dialog, [
      ['(start)', 'Sorry, I could not work out which repair this is.', 'You told me: "my loft hatch is stuck"'],
      ['yes', CHOOSE_CONTACT],
      ['A different number or e-mail', ASK_CONTACT],
      ['0113 496 0555', `${WHAT_HAPPENS_NEXT}, by phone on the number ending 555.`],
    ]);
    expect(received.mail.subject).toContain('Bot could not find the repair type');
    expect(received.mail.text).toContain('Phone: 0113 496 0555');
    for (const field of [...DIRECTORY_FIELDS, ...OTHER_PHONES, ON_FILE_EMAIL, '07700 900101']) {
      expect(readable(received)).not.toContain(field);
    }
  });

  test('SMS: the contacts on file are a numbered list, and the number picks one', async () => {
    const dialog = handingOff({ reason: 'something-else' }, VERIFIED, world.services, 'sms');
    const { received } = await handOffMail(dialog, [
      ['(start)', DESCRIBE],
      [
        'Fence panel blown down between us and number 14',
        '1. My mobile, ending 101',
        '4. A different number or e-mail',
      ],
      ['3', `${WHAT_HAPPENS_NEXT}, by e-mail to a••••@e••••.com.`],
    ]);
    expect(received.mail.text).toContain(`E-mail: ${ON_FILE_EMAIL}`);
  });
});

describe('HandOffDialog: someone who has not passed the tenant check', () => {
  test('is not asked to log in: a name and a phone number, and the team will check the address', async () => {
    const dialog = handingOff({ reason: 'something-else' });
    const { last, received } = await handOffMail(dialog, [
      [
        '(start)',
        `I can pass a message about a repair to our repairs team. For anything other than repairs, please call us on ${PHONES.repairs}.`,
        DESCRIBE,
        { not: 'postcode' },
      ],
      ['The communal front door entry buzzer for my mum’s flat is broken', ASK_NAME],
      ['Sam Jones', ASK_CONTACT],
      ['07700 900123', PASSED_ON],
    ]);
    expect(last).toContain(`${WHAT_HAPPENS_NEXT}, by phone on the number ending 123. ${CHECK_ADDRESS}`);
    expect(last).toContain(EMERGENCY_LINE);
    const { mail } = received;
    expect(mail.subject).toContain('Tenant chose "Something else"');
    expect(mail.text).toContain('The communal front door entry buzzer for my mum’s flat is broken');
    expect(mail.text).toContain('Property: not verified - check the address with them');
    expect(mail.text).toContain('Name: Sam Jones');
    expect(mail.text).toContain('Phone: 07700 900123');
    expect(mail.text).not.toContain('E-mail:');
    expect(mail.text).not.toContain('PROP-');
  });

  test('with an e-mail address instead of a phone number', async () => {
    const dialog = handingOff({ reason: 'not-in-catalogue', text: 'Garden gate latch has snapped off' });
    const { last, received } = await handOffMail(dialog, [
      ['(start)', 'You told me: "Garden gate latch has snapped off"'],
      ['Yes, pass that on', ASK_NAME],
      ['Priya (her daughter)', ASK_CONTACT],
      ['  Priya.Carer@Example.ORG ', PASSED_ON],
    ]);
    expect(last).toContain(`${WHAT_HAPPENS_NEXT}, by e-mail to P••••@e••••.org. ${CHECK_ADDRESS}`);
    expect(received.mail.text).toContain('Name: Priya (her daughter)');
    expect(received.mail.text).toContain('E-mail: Priya.Carer@example.org');
    expect(received.mail.text).not.toContain('Phone:');
  });

  test('a phone number that is not a UK one, a broken e-mail address or a number for a name are asked again', async () => {
    const dialog = handingOff({ reason: 'something-else' });
    const { received } = await handOffMail(dialog, [
      ['(start)', DESCRIBE],
      ['Mould behind the wardrobe in the back bedroom', ASK_NAME],
      ['07700 900123', BAD_NAME, ASK_NAME],
      ['Sam', ASK_CONTACT],
      ['12345', BAD_PHONE, ASK_CONTACT, { not: PASSED_ON }],
      ['+1 212 555 0100', BAD_PHONE, ASK_CONTACT],
      ['09098 790000', BAD_PHONE, ASK_CONTACT],
      ['sam@', BAD_EMAIL, ASK_CONTACT],
      ['+44 7700 900456', PASSED_ON],
    ]);
    expect(received.mail.text).toContain('Phone: 07700 900456');
  });
});

describe('HandOffDialog: the description', () => {
  test('words are rewritten on request; an empty or too long description is asked again', async () => {
    const dialog = handingOff({ reason: 'diagnosis-failed', text: 'it' });
    const { received } = await handOffMail(dialog, [
      ['(start)', 'You told me: "it"'],
      ['No, I will write it again', DESCRIBE],
      ['x'.repeat(1001), 'That is 1,001 characters. Please keep it to 1,000 characters or fewer.', DESCRIBE],
      ['The loft ladder has come off its hinge', ASK_NAME],
      ['Sam', ASK_CONTACT],
      ['07700 900123', PASSED_ON],
    ]);
    expect(received.mail.text).toContain('The loft ladder has come off its hinge');
    expect(received.mail.text).not.toMatch(/^it$/m);
  });

  test('the tenant’s words over 1,000 characters: a shorter description is asked for', async () => {
    const dialog = handingOff({ reason: 'not-in-catalogue', text: 'The hatch is stuck. '.repeat(60) });
    await play(dialog, [
      ['(start)', 'Please describe the repair in a shorter way, in up to 1,000 characters.', { not: 'You told me' }],
      ['The hatch is stuck', ASK_NAME],
    ]);
  });

  test('a description that reads as an emergency: the emergency line first, and the e-mail says so', async () => {
    // Carried in from an earlier answer (typed at a prompt it would have interrupted the dialog as an emergency).
    const words = 'water is coming through the ceiling onto the light';
    const dialog = handingOff({ reason: 'diagnosis-failed', text: words });
    const { last, received } = await handOffMail(dialog, [
      ['(start)', `You told me: "${words}"`],
      ['yes', ASK_NAME],
      ['Sam', ASK_CONTACT],
      ['07700 900123', PASSED_ON],
    ]);
    expect(last).toMatch(
      new RegExp(
        `^This sounds like it could be an emergency .*call our emergency repairs line now on ${PHONES.emergency}`,
      ),
    );
    expect(last).toContain(WHAT_HAPPENS_NEXT);
    expect(received.mail.subject).toMatch(/^POSSIBLE EMERGENCY - Repair request HO /);
    expect(received.mail.text).toContain('Possible emergency:');
  });
});

describe('HandOffDialog: what happens next', () => {
  test('the promise is a named constant: within 2 working days', () => {
    expect(REPAIRS_TEAM_CONTACT_WORKING_DAYS).toBe(2);
    expect(WHAT_HAPPENS_NEXT).toBe('The repairs team will contact you within 2 working days');
  });

  test('the team is told what the tenant was promised', async () => {
    const dialog = handingOff({ reason: 'something-else' });
    const { received } = await handOffMail(dialog, [
      ['(start)', DESCRIBE],
      ['Shed roof leaking', ASK_NAME],
      ['Sam', ASK_CONTACT],
      ['07700 900123', PASSED_ON],
    ]);
    expect(received.mail.text).toContain(
      'The tenant was told: the repairs team will contact you within 2 working days.',
    );
  });
});

/** A port nobody listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The repairs team's mail as it is when the mail server is down and when it is back: real SMTP both times, first
 * to a closed port, then (after `serverIsBack`) to the live local server.
 */
class MailServerComesBack implements RepairsTeamMail {
  readonly requests: HandOffRequest[] = [];
  private current: SmtpRepairsTeamMail;

  constructor(
    private readonly down: SmtpRepairsTeamMail,
    private readonly up: SmtpRepairsTeamMail,
  ) {
    this.current = down;
  }

  serverIsBack(): void {
    this.current = this.up;
  }

  send(request: HandOffRequest): Promise<HandOffSendResult> {
    this.requests.push(request);
    return this.current.send(request);
  }

  close(): void {
    this.down.close();
    this.up.close();
  }
}

describe('HandOffDialog: when the e-mail cannot be sent', () => {
  let mail: MailServerComesBack;
  let services: RepairServices;
  beforeEach(async () => {
    const port = await closedPort();
    const smtp = (url: string) =>
      new SmtpRepairsTeamMail({ smtpUrl: url, to: 'repairs-team@example.org', from: 'bot@example.org' });
    mail = new MailServerComesBack(smtp(`smtp://127.0.0.1:${port}`), smtp(world.mail.url));
    const s = world.services;
    services = new RepairServices({
      connect: s.connect,
      catalogue: s.catalogue,
      tenants: s.tenants,
      clock: s.clock,
      zone: s.zone,
      phones: s.phones,
      orders: s.orders,
      rebookMinDays: s.rebookMinDays,
      wishParser: s.wishParser,
      repairsTeam: mail,
    });
  });
  afterEach(() => mail.close());

  test('says so, gives the phone numbers, and "Try again" resends what was typed without retyping', async () => {
    const description = 'The bathroom extractor fan rattles and has stopped pulling air';
    const dialog = handingOff({ reason: 'something-else' }, undefined, services);
    const before = (await receivedMails(world.mail.folder)).length;
    await play(dialog, [
      ['(start)', DESCRIBE],
      [description, ASK_NAME],
      ['Sam Jones', ASK_CONTACT],
      [
        '07700 900123',
        NOT_SENT,
        `Nothing you typed is lost: you can try again now, or call us on ${PHONES.repairs}.`,
        `For an emergency call ${PHONES.emergency}, day or night.`,
        '[Try again]',
        { not: PASSED_ON },
        { not: 'Your reference is' },
      ],
    ]);
    expect(dialog.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    expect(await receivedMails(world.mail.folder)).toHaveLength(before);

    mail.serverIsBack();
    const { received } = await handOffMail(dialog, [['Try again', PASSED_ON, WHAT_HAPPENS_NEXT, { not: ASK_CONTACT }]]);
    expect(received.mail.text).toContain(description);
    expect(received.mail.text).toContain('Name: Sam Jones');
    expect(received.mail.text).toContain('Phone: 07700 900123');
    // One reference for the request, however many attempts it took.
    expect(mail.requests).toHaveLength(2);
    expect(mail.requests[1]).toEqual(mail.requests[0]);
  });

  test('failing again says so again; declining ends with the phone numbers and nothing sent', async () => {
    const dialog = handingOff({ reason: 'not-in-catalogue', text: 'Garden wall is leaning' }, VERIFIED, services);
    await play(dialog, [
      ['(start)', 'You told me: "Garden wall is leaning"'],
      ['yes', CHOOSE_CONTACT],
      ['My mobile, ending 101', NOT_SENT, '[Try again]'],
      ['Try again', 'Sorry, it still could not be sent.', '[Try again]'],
      ['no thanks', `OK, I have not sent it. Please call us on ${PHONES.repairs}`, PHONES.emergency],
    ]);
    expect(dialog.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(dialog.client.dialogTurnResult.result).toEqual({ sent: false } satisfies HandOffResult);
    expect(mail.requests).toHaveLength(2);
  });
});
