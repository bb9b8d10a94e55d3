import { type RunningApp } from '../../src/app';
import { type Simulator } from '../../src/connect/simulator';
import { isGsm7, segmentsOf } from '../../src/dialogs/render/smsText';
import twilio from 'twilio';
import { parseReference } from '../../src/repairs/orders/orderNumber';
import { deliver, waitFor } from '../events/eventsHarness';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  BOT_NUMBER,
  inboundForm,
  postSms,
  startSmsApp,
  text,
  TwilioRecorder,
  WEBHOOK_URL,
} from './smsHarness';

const HART = '+447700900101';
const OKAFOR = '+447700900202';
const SHARMA = '+447700900303';

/** The tenant says each message in turn; every text the bot sent back is kept, for the checks and the output. */
async function converse(app: RunningApp, recorder: TwilioRecorder, from: string, messages: readonly string[]) {
  const turns: { said: string; texts: string[] }[] = [];
  for (const said of messages) turns.push({ said, texts: await text(app, recorder, from, said) });
  return turns;
}

const transcript = (turns: { said: string; texts: string[] }[]) =>
  turns
    .map((t) => `> ${t.said}\n${t.texts.map((x) => `  < [${segmentsOf(x)}] ${x.replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n');

function orderNumberIn(texts: string[]): string {
  const reference = /Your reference is (RB [0-9A-Z ]+)\./.exec(texts.join('\n'))?.[1];
  const orderNumber = reference ? parseReference(reference) : null;
  if (!orderNumber) throw new Error(`no reference in: ${texts.join('\n')}`);
  return orderNumber;
}

// Ms Hart texts from the mobile on her record: the postcode alone completes the check.
const REPORT_AND_BOOK = ['my bath is leaking', 'LS1 4AB', '1', '1', '2'] as const;
/** A number the directory does not hold. */
const UNKNOWN = '+447700900999';

describe('SMS through Twilio at POST /api/sms', () => {
  let app: RunningApp;
  let sim: Simulator;
  const recorder = new TwilioRecorder();
  beforeAll(async () => {
    await recorder.start();
    app = await startSmsApp(recorder);
    sim = app.simulator!;
  });
  afterAll(async () => {
    await app.close();
    await recorder.stop();
  });

  it('reports a repair and books a visit by text: plain GSM-7 replies, numbered choices, at most 3 segments each', async () => {
    const turns = await converse(app, recorder, HART, REPORT_AND_BOOK);
    const texts = turns.flatMap((t) => t.texts);
    const segments = texts.reduce((sum, t) => sum + segmentsOf(t), 0);
    process.stdout.write(
      `SMS happy path: ${turns.length} texts from the tenant, ${texts.length} texts from the bot, ${segments} segments\n${transcript(turns)}\n`,
    );

    for (const t of texts) {
      expect(isGsm7(t)).toBe(true);
      expect(segmentsOf(t)).toBeLessThanOrEqual(3);
      expect(t).not.toMatch(/`|\[[^\]]*\]\(|^#|\*\*\w/m);
    }
    const [report, postcode, contact, send, pick] = turns;
    // The known number is never named, and only the postcode is asked before anything personal is shown.
    expect(report!.texts.at(-1)).toMatch(/To keep your details safe, please tell me the postcode/);
    expect(report!.texts.join('\n')).not.toMatch(/Hart|101|Aire/);
    expect(postcode!.texts.at(-1)).toMatch(
      /mobile ending 101[\s\S]*\n1\. Yes, text me\n2\. [\s\S]*Reply with a number\.$/,
    );
    expect(contact!.texts.at(-1)).toMatch(/Please check your report:[\s\S]*\n1\. Send it/);
    const offer = send!.texts.join('\n');
    const second = /^2\. (.+)$/m.exec(offer)?.[1];
    expect(second).toBe('Tuesday 1 December, afternoon, midday to 5pm');
    expect(pick!.texts).toEqual([`Booked: ${second}. An adult (18 or over) must be at home for the whole time slot.`]);

    // Every text went from the Twilio number to the tenant, through the REST API's Messages resource.
    expect(new Set(recorder.sent.map((t) => `${t.from}>${t.to}`))).toEqual(new Set([`${BOT_NUMBER}>${HART}`]));
    expect(new Set(recorder.paths)).toEqual(new Set([`POST /2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`]));

    // Connect has the order, with a conversation id that is not the phone number, and the visit.
    const orderNumber = orderNumberIn(send!.texts);
    const order = sim.journal().find((e) => e.operationId === 'postSalesOrder');
    expect(order?.body).toMatchObject({ PrimaryOrderNumber: orderNumber, Customer: { ExternalId: 'PROP-0001' } });
    const crmId = (order!.body as { CrmId: string }).CrmId;
    expect(crmId).toMatch(/^sms-[0-9a-f]{32}$/);
    expect(crmId).not.toContain('900101');
    expect(sim.snapshot().visits).toEqual([
      expect.objectContaining({ PrimaryOrderNumber: orderNumber, slot: { date: '2026-12-01', planningWindowId: 3 } }),
    ]);
  });

  it('a bad signature is refused with 403 and runs no turn', async () => {
    const calls = sim.journal().length;
    const form = inboundForm(SHARMA, 'my bath is leaking');
    const signedForOther = twilio.getExpectedTwilioSignature(AUTH_TOKEN, WEBHOOK_URL, { ...form, Body: 'hello' });
    const attempts = [
      await postSms(app, form, 'bm90IGEgc2lnbmF0dXJl'),
      await postSms(app, form, ''),
      await postSms(app, form, signedForOther),
      await postSms(app, form, twilio.getExpectedTwilioSignature('another-token', WEBHOOK_URL, form)),
      await postSms(app, form, twilio.getExpectedTwilioSignature(AUTH_TOKEN, 'https://elsewhere.test/api/sms', form)),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    await app.smsIdle!();
    expect(recorder.textsTo(SHARMA)).toEqual([]);
    expect(sim.journal()).toHaveLength(calls);
    // The same form, properly signed, is taken: its MessageSid was not used up by the refusals.
    expect((await postSms(app, form)).status).toBe(200);
    await app.smsIdle!();
    expect(recorder.textsTo(SHARMA).length).toBeGreaterThan(0);
  });

  it('a repeated MessageSid is answered but handled once', async () => {
    const form = inboundForm(OKAFOR, 'hello');
    const first = await postSms(app, form);
    const again = await postSms(app, form);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(first.contentType).toMatch(/^text\/xml/);
    expect(first.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(again.body).toBe(first.body);
    await app.smsIdle!();
    const menu = recorder.textsTo(OKAFOR);
    expect(menu).toHaveLength(1);
    expect(menu[0]).toMatch(/^What would you like to do\?[\s\S]*\n1\. /);
  });

  it('a number the directory does not hold gets the full check: postcode, then house and surname', async () => {
    const turns = await converse(app, recorder, UNKNOWN, ['my bath is leaking', 'LS1 4AB', 'Flat 3, Hart']);
    expect(turns[0]!.texts.at(-1)).toMatch(/First I need to find your home\. What is your postcode\?/);
    expect(turns[1]!.texts.at(-1)).toMatch(/house number or name, and your surname/);
    expect(turns[2]!.texts.at(-1)).toMatch(/mobile ending 101/);
  });

  it('a known number with the wrong postcode is not let in: the full check follows, and fails without a hint', async () => {
    // Mr Okafor's phone, but another home's postcode: the number alone proves nothing.
    const turns = await converse(app, recorder, OKAFOR, ['my bath is leaking', 'LS1 4AB', '99, Okafor']);
    const [report, postcode, house] = turns;
    expect(report!.texts.at(-1)).toMatch(/To keep your details safe, please tell me the postcode/);
    expect(postcode!.texts.at(-1)).toMatch(/house number or name, and your surname/);
    expect(house!.texts.join('\n')).toMatch(/could not match those details/);
    expect(turns.flatMap((t) => t.texts).join('\n')).not.toMatch(/ending 202|Okafor|Aire Street/);
  });

  it('HELP answers with the help text', async () => {
    const [reply, ...rest] = await text(app, recorder, OKAFOR, 'HELP');
    expect(rest).toEqual([]);
    expect(reply).toMatch(/^You can tell me what needs repairing/);
    expect(reply).toMatch(/For an emergency call 0306 999 0999/);
  });

  it('a Connect update reaches a tenant who reported by SMS as a text from the landlord', async () => {
    const orderNumber = orderNumberIn(recorder.textsTo(HART));
    const visit = sim.snapshot().visits.find((v) => v.PrimaryOrderNumber === orderNumber)!;
    const before = recorder.textsTo(HART).length;
    const answer = await deliver(app.url, {
      body: {
        EventId: 'EV-SMS-HART-1',
        EventType: 'VisitShelved',
        PrimaryOrderNumber: orderNumber,
        VisitExternalId: visit.VisitExternalId,
        VisitStatus: 6,
      },
    });
    expect(answer.status).toBe(202);
    const [update] = await waitFor('the update by text', () => {
      const fresh = recorder.textsTo(HART).slice(before);
      return fresh.length > 0 && fresh;
    });
    expect(update).toMatch(/^Example Housing Association: The visit for your repair RB .* is on hold/);
    expect(isGsm7(update!)).toBe(true);
  });

  it('after STOP no text is sent, not even a Connect update; START turns texts back on', async () => {
    const turns = await converse(app, recorder, OKAFOR, ['my bath is leaking', 'LS3 1XY', '27, Okafor', '1', '1', '1']);
    const orderNumber = orderNumberIn(turns.flatMap((t) => t.texts));
    expect(turns.at(-1)!.texts.join()).toMatch(/^Booked: /);

    expect(await text(app, recorder, OKAFOR, 'STOP')).toEqual([]);
    expect(await text(app, recorder, OKAFOR, 'my sink is blocked')).toEqual([]);
    const before = recorder.sent.length;
    const visit = sim.snapshot().visits.find((v) => v.PrimaryOrderNumber === orderNumber)!;
    const answer = await deliver(app.url, {
      body: {
        EventId: 'EV-SMS-STOP-1',
        EventType: 'VisitShelved',
        PrimaryOrderNumber: orderNumber,
        VisitExternalId: visit.VisitExternalId,
        VisitStatus: 6,
        CloudExternalId: 'cb-sms-stop-1',
      },
    });
    expect(answer.status).toBe(202);
    // The update is handled (Connect gets its ResponseCallback), and no text goes out.
    const callback = await waitFor('the ResponseCallback', () =>
      sim.snapshot().callbacks.find((c) => c.callback.CloudExternalId === 'cb-sms-stop-1'),
    );
    expect(callback.callback).toMatchObject({ StatusCode: 200 });
    expect(recorder.sent.length).toBe(before);

    const back = await text(app, recorder, OKAFOR, 'START');
    expect(back).toEqual(['You will get texts from us again. Tell me what needs repairing.']);
  });
});
