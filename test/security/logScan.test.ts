import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type Activity } from 'botbuilder';
import twilio from 'twilio';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { type Simulator } from '../../src/connect/simulator';
import { createLogger } from '../../src/logging/logger';
import { parseReference } from '../../src/repairs/orders/orderNumber';
import { DEFAULT_TENANTS_PATH } from '../../src/repairs/tenants/defaultTenants';
import { ChannelHarness, visibleText } from '../e2e/channelHarness';
import { clock } from '../e2e/testApp';
import { EVENTS_PATH, NOW_SECONDS, sign } from '../events/eventsHarness';
import { ACCOUNT_SID, BOT_NUMBER, inboundForm, postSms, TwilioRecorder, WEBHOOK_URL } from '../sms/smsHarness';

/**
 * The privacy scan: whole journeys over every channel run with the logger at 'trace', writing into memory, and
 * every line is searched for what must never be logged: the demo tenants' names, phone numbers (in any spacing),
 * e-mail addresses, postcodes and street lines (from the bundled tenants file), what tenants typed in as new
 * contact details, and the secrets and tokens of the run (Connect's password and bearer tokens, the events secret,
 * the Twilio auth token, Direct Line tokens). Zero hits, and the number of lines scanned is printed.
 */

const CONNECT_USER = 'logscan-bot@simulator.local';
const CONNECT_PASSWORD = 'logscan-connect-password-3b7f1c';
const EVENTS_SECRET = 'logscan-events-secret-5d1e2a9c7b3f4e6a8d0c';
const TWILIO_AUTH_TOKEN = 'logscan-twilio-auth-token-9f8e7d';
/** What the tenant types in the journeys as new contact details: personal too, and not in the tenants file. */
const TYPED_MOBILE = '07700 900888';
const TYPED_EMAIL = 'new.address.logscan@example.net';

interface DemoTenant {
  Name?: string;
  PrimaryContact: Record<string, string | undefined>;
  PrimaryAddress: Record<string, string | undefined>;
}

interface Needle {
  what: string;
  pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phone number in any spacing or punctuation, national (07…) or international (+44 7…, 0044 7…). */
function phonePattern(phone: string): RegExp {
  const national = phone.replace(/\D/g, '').replace(/^(?:44|0)/, '');
  const prefix = '(?:(?:\\+|00)?44[^0-9]{0,3}(?:\\(?0\\)?[^0-9]{0,2})?|0)?';
  return new RegExp(`(?<!\\d)${prefix}${national.split('').join('[^0-9a-z]{0,3}')}(?!\\d)`, 'i');
}

/** A postcode with any spacing, any case: 'LS1 4AB', 'ls14ab', 'LS1  4AB'. */
function postcodePattern(postcode: string): RegExp {
  const [outward, inward] = postcode.trim().split(/\s+/);
  return new RegExp(`(?<![a-z0-9])${escape(outward!)}\\s*${escape(inward!)}(?![a-z0-9])`, 'i');
}

const wordPattern = (word: string) => new RegExp(`(?<![\\p{L}])${escape(word)}(?![\\p{L}])`, 'iu');
const textPattern = (text: string) => new RegExp(escape(text), 'i');

function tenantNeedles(): Needle[] {
  const tenants = JSON.parse(fs.readFileSync(DEFAULT_TENANTS_PATH, 'utf8')) as DemoTenant[];
  expect(tenants.length).toBeGreaterThan(0);
  const needles: Needle[] = [];
  for (const t of tenants) {
    const c = t.PrimaryContact;
    const a = t.PrimaryAddress;
    for (const name of [t.Name, c.FirstName, c.LastName])
      if (name) needles.push({ what: 'name', pattern: wordPattern(name) });
    for (const phone of [c.MobilePhone, c.HomePhone, c.WorkPhone])
      if (phone) needles.push({ what: 'phone', pattern: phonePattern(phone) });
    if (c.EmailAddress) needles.push({ what: 'e-mail', pattern: textPattern(c.EmailAddress) });
    if (a.PostCode) needles.push({ what: 'postcode', pattern: postcodePattern(a.PostCode) });
    if (a.Line1) needles.push({ what: 'address', pattern: textPattern(a.Line1) });
  }
  return needles;
}

describe('the logs of whole journeys hold nothing personal and no secret', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const recorder = new TwilioRecorder();
  let app: RunningApp;
  let sim: Simulator;
  let web: ChannelHarness;
  /** Direct Line tokens handed out during the run (Connect's bearer tokens are caught by the patterns below). */
  const tokens: string[] = [];

  beforeAll(async () => {
    await recorder.start();
    app = await startApp(
      loadConfig({
        PORT: '0',
        CONNECT_SIMULATOR_PORT: '0',
        STORAGE: 'memory',
        CONNECT_USERNAME: CONNECT_USER,
        CONNECT_PASSWORD,
        CONNECT_EVENTS_SECRET: EVENTS_SECRET,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN,
        TWILIO_NUMBER: BOT_NUMBER,
        TWILIO_WEBHOOK_URL: WEBHOOK_URL,
      }),
      { clock, logger: createLogger('trace', sink), twilioApiBaseUrl: recorder.url },
    );
    sim = app.simulator!;
    web = new ChannelHarness(app.url);
    await web.start();
  });

  afterAll(async () => {
    await web.stop();
    await app.close();
    await recorder.stop();
  });

  const textOf = (replies: Partial<Activity>[]) => replies.map(visibleText).join('\n');
  async function converse(conversationId: string, messages: readonly string[]): Promise<string> {
    let last = '';
    for (const message of messages) last = textOf(await web.say(conversationId, message));
    return last;
  }

  it('runs the journeys: report and book (web), appointments, changed contact details, SMS, Direct Line, updates', async () => {
    // 1. Report and book on the web channel, with a new mobile and e-mail typed in.
    await converse('scan-report', ['my bath is leaking', 'LS1 4AB', 'Flat 3, Hart', 'Change my mobile', TYPED_MOBILE]);
    await converse('scan-report', ['Change my e-mail', TYPED_EMAIL]);
    const sent = await web.say('scan-report', 'Yes, text me');
    const summaryAnswer = textOf(sent);
    expect(summaryAnswer).toMatch(/Please check your report/);
    const sentIt = textOf(await web.say('scan-report', 'Send it'));
    const orderNumber = parseReference(/Your reference is (RB [0-9A-Z ]+)\./.exec(sentIt)?.[1] ?? '');
    expect(orderNumber).not.toBeNull();
    expect(await converse('scan-report', ['1'])).toMatch(/^Booked: /);

    // 2. My appointments: review, move, cancel (another tenant's report first, so there is something to move).
    await converse('scan-okafor', ['my bath is leaking', 'LS3 1XY', '27, Okafor', 'No texts, thanks', 'Send it', '1']);
    expect(await converse('scan-appointments', ['My appointments', 'LS3 1XY', '27, Okafor'])).toMatch(/Booked/);
    await converse('scan-appointments', ['Move an appointment', '1']);
    await converse('scan-appointments', ['My appointments', 'Cancel a repair', 'I fixed it myself', 'Yes, cancel it']);

    // 3. A tenant the directory cannot find, and one who asks for a person (the hand-off).
    await converse('scan-unknown', ['my bath is leaking', 'B5 4TN', '99, Nobody']);
    await converse('scan-handoff', ['I want to speak to a person']);

    // 4. SMS: Ms Sharma texts from her own mobile; then a refused (unsigned) text, which is logged as refused.
    const from = '+447700900303';
    for (const body of ['my bath is leaking', 'S1 2ZZ', '1', '1', '2']) {
      const form = inboundForm(from, body);
      const signature = twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, WEBHOOK_URL, form);
      expect((await postSms(app, form, signature)).status).toBe(200);
      await app.smsIdle!();
    }
    expect(recorder.textsTo(from).length).toBeGreaterThan(0);
    expect((await postSms(app, inboundForm(from, 'Priya Sharma, S1 2ZZ'), 'forged')).status).toBe(403);

    // 5. The local Direct Line, as the widget uses it.
    const started = (await (await fetch(`${app.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
      conversationId: string;
      token: string;
    };
    tokens.push(started.token);
    const auth = { authorization: `Bearer ${started.token}`, 'content-type': 'application/json' };
    await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST', headers: auth });
    for (const text of ['my bath is leaking', 'NG1 6PB', '8, Whitfield']) {
      const posted = await fetch(`${app.url}/v3/directline/conversations/${started.conversationId}/activities`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ type: 'message', from: { id: 'web-user', name: 'Grace Whitfield' }, text }),
      });
      expect(posted.status).toBe(200);
    }

    // 6. Connect's updates: a signed one the simulator sends (a new appointment), and refused ones.
    await sim.sendEvent({ eventType: 'NewAppointment', PrimaryOrderNumber: orderNumber! });
    const raw = JSON.stringify({ type: 'OrderCompleted', tenant: 'Amelia Hart', postcode: 'LS1 4AB' });
    await fetch(`${app.url}${EVENTS_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-connect-timestamp': String(NOW_SECONDS),
        'x-connect-signature': sign(EVENTS_SECRET, NOW_SECONDS, raw),
      },
      body: raw,
    });
    await fetch(`${app.url}${EVENTS_PATH}`, {
      method: 'POST',
      headers: { 'x-connect-signature': 'sha256=00' },
      body: raw,
    });

    // 7. Connect failing mid-journey (warnings and retries are logged), and a turn whose replies cannot be sent.
    sim.fault({ kind: 'status', status: 503, operationId: 'postSalesOrder', count: 2 });
    await converse('scan-fault', ['my bath is leaking', 'M3 5QD', '41, Nowak', 'Yes, text me', 'Send it']);
    sim.clearFaults();
    await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'scan-unreachable-1',
        channelId: 'directline',
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: { id: 'scan-unreachable' },
        from: { id: 'user', name: 'Callum Reid' },
        recipient: { id: 'repairs-bot' },
        text: 'Callum Reid, BD1 3RT, callum.reid@example.com, 07700 900606',
      }),
    });

    expect(sim.snapshot().tokensIssued).toBeGreaterThan(0);
  }, 120_000);

  it('scans every line: zero hits for names, phones, e-mails, postcodes, addresses, tokens and secrets', () => {
    const needles: Needle[] = [
      ...tenantNeedles(),
      { what: 'typed mobile', pattern: phonePattern(TYPED_MOBILE) },
      { what: 'typed e-mail', pattern: textPattern(TYPED_EMAIL) },
      { what: 'Connect password', pattern: textPattern(CONNECT_PASSWORD) },
      { what: 'events secret', pattern: textPattern(EVENTS_SECRET) },
      { what: 'Twilio auth token', pattern: textPattern(TWILIO_AUTH_TOKEN) },
      ...tokens.map((token) => ({ what: 'token', pattern: textPattern(token) })),
      // Any bearer credential or OAuth token, whatever its value (Connect's tokens are random, made in the simulator).
      { what: 'bearer credential', pattern: /Bearer\s+[A-Za-z0-9._~+/-]{8,}/i },
      { what: 'OAuth token', pattern: /"(?:access_token|refresh_token|token)":"(?!\[redacted\])[^"]{8,}"/i },
    ];
    const hits: string[] = [];
    for (const [index, line] of lines.entries()) {
      // Every line is one JSON object (pino): a line that is not means something wrote past the logger.
      expect(() => JSON.parse(line) as unknown).not.toThrow();
      for (const needle of needles)
        if (needle.pattern.test(line)) hits.push(`line ${index + 1} has a ${needle.what} (${needle.pattern}): ${line}`);
    }
    const levels = new Set(lines.map((line) => (JSON.parse(line) as { level: number }).level));
    process.stdout.write(
      `Log scan: ${lines.length} lines scanned (levels ${[...levels].sort().join(', ')}), ` +
        `${needles.length} patterns, ${hits.length} hits\n`,
    );
    // The scan proves something only if the journeys logged: start-up, Connect calls at debug, refusals at warn.
    expect(lines.length).toBeGreaterThan(30);
    expect(levels.has(20)).toBe(true);
    expect(levels.has(40)).toBe(true);
    expect(hits).toEqual([]);
  });

  it('the needles find what they should (the scan can fail)', () => {
    const needles = tenantNeedles();
    const finds = (text: string) => needles.filter((n) => n.pattern.test(text)).map((n) => n.what);
    expect(finds('{"msg":"hello Amelia"}')).toContain('name');
    expect(finds('{"to":"+447700900101"}')).toContain('phone');
    expect(finds('{"to":"07700-900-101"}')).toContain('phone');
    expect(finds('{"to":"0044 (0)7700 900101"}')).toContain('phone');
    expect(finds('{"postcode":"ls14ab"}')).toContain('postcode');
    expect(finds('{"email":"Amelia.Hart@example.com"}')).toContain('e-mail');
    expect(finds('{"msg":"heart of the matter","port":47700900}')).toEqual([]);
  });

  it('transcripts are off: no TranscriptLoggerMiddleware (or any transcript store) anywhere in the source', () => {
    const source = path.join(__dirname, '..', '..', 'src');
    const files = fs.readdirSync(source, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    const using = files.filter((file) =>
      /TranscriptLoggerMiddleware|TranscriptStore|FileTranscriptStore|BlobsTranscriptStore/.test(
        fs.readFileSync(path.join(source, file), 'utf8'),
      ),
    );
    expect(using).toEqual([]);
  });
});
