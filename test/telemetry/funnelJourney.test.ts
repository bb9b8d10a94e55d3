import fs from 'node:fs';
import path from 'node:path';
import { type Activity } from 'botbuilder';
import { conversationKey, FUNNEL_EVENT_NAMES, type FunnelEvent, readFunnelLog } from '../../src/repairs/telemetry';
import { BUILD_TIMEOUT_MS, buildOnce, runCli } from '../cli/builtCli';
import { visibleText } from '../e2e/channelHarness';
import { appWithChannel, NOW, startTestApp, tempDir } from '../e2e/testApp';

const scratch = tempDir('repairs-bot-funnel-');
const FUNNEL_LOG_FILE = path.join(scratch.dir, 'funnel.jsonl');
const FUNNEL_SALT = 'a-salt-for-the-funnel-test';

/** The detail each event may carry, and nothing else: closed words, codes, counts and flags. */
const ALLOWED_DETAIL: Record<string, Record<string, (value: unknown) => boolean>> = {
  'tenant-identified': { how: (v) => ['questions', 'teams', 'website', 'sms-known-mobile'].includes(v as string) },
  'emergency-detected': {
    instruction: (v) => ['call-gas-emergency', 'call-emergency-line', 'book-emergency'].includes(v as string),
  },
  'diagnosis-proposed': { match: (v) => ['one', 'few', 'menu'].includes(v as string) },
  'diagnosis-accepted': { code: (v) => /^[A-Z]{3,5}\d{3}$/.test(v as string) },
  'diagnosis-corrected': { at: (v) => ['guesses', 'review'].includes(v as string) },
  'order-created': { code: (v) => /^[A-Z]{3,5}\d{3}$/.test(v as string), emergency: (v) => typeof v === 'boolean' },
  'slots-offered': { count: (v) => Number.isInteger(v), moving: (v) => typeof v === 'boolean' },
  'contractor-order': { told: (v) => typeof v === 'boolean' },
  'handed-off': { reason: (v) => /^[a-z-]+$/.test(v as string) },
  abandoned: { reason: (v) => ['stop', 'start-again'].includes(v as string) },
};

const buttons = (reply: Partial<Activity> | undefined) => (reply?.suggestedActions?.actions ?? []).map((a) => a.title);

describe('funnel events of whole journeys over HTTP, and `repairs-bot funnel` on them', () => {
  const running = appWithChannel(() => startTestApp({ FUNNEL_LOG_FILE, FUNNEL_SALT, REBOOK_MIN_DAYS: '0' }));
  afterAll(() => scratch.remove());
  beforeAll(() => buildOnce(), BUILD_TIMEOUT_MS);

  const transcript: string[] = [];
  async function say(conversationId: string, text: string): Promise<Partial<Activity>[]> {
    const replies = await running.channel.say(conversationId, text);
    transcript.push(`[${conversationId}] > ${text}`, ...replies.map((r) => `    < ${visibleText(r).split('\n')[0]}`));
    return replies;
  }
  const keyOf = (id: string) => conversationKey(FUNNEL_SALT, { channel: 'directline', id });
  let events: FunnelEvent[] = [];

  it('records each step of reporting, moving and cancelling, an emergency, a stop and a tenant who left', async () => {
    try {
      // A report from the tenant's own words to a booked visit, then the visit moved, then the repair cancelled.
      for (const text of ['my bath is leaking', 'LS1 4AB', 'Flat 3, Hart', 'Yes, text me']) {
        await say('funnel-book', text);
      }
      // A visit not due today, so that it can be moved online below.
      const times = buttons((await say('funnel-book', 'Send it')).at(-1));
      await say('funnel-book', times.at(-2)!);
      await say('funnel-book', 'My appointments');
      const offer = await say('funnel-book', 'Move an appointment');
      await say('funnel-book', buttons(offer.at(-1))[0]!);
      await say('funnel-book', 'My appointments');
      await say('funnel-book', 'Cancel a repair');
      await say('funnel-book', 'I fixed it myself');
      expect((await say('funnel-book', 'Yes, cancel it')).map(visibleText).join()).toMatch(/^Cancelled/);
      // Gas: the national emergency number, nothing booked.
      await say('funnel-gas', 'I can smell gas in the kitchen');
      // The menu, then "stop".
      await say('funnel-stop', 'hello');
      await say('funnel-stop', 'stop');
      // The guesses were wrong ("None of these"), then the menus found it; the tenant left at the tenant check.
      await say('funnel-idle', 'water');
      const categories = buttons((await say('funnel-idle', 'None of these')).at(-1));
      const types = buttons((await say('funnel-idle', categories[0]!)).at(-1));
      expect((await say('funnel-idle', types[0]!)).map(visibleText).join()).toMatch(/postcode/);
      // External work: the order goes to the contractor, no visit is booked here.
      for (const text of ['my window glass is cracked', 'LS3 1XY', '27, Okafor']) await say('funnel-glass', text);
      const contact = buttons((await say('funnel-glass', 'No')).at(-1));
      if (contact.length > 0 && !contact.includes('Send it')) await say('funnel-glass', contact[0]!);
      await say('funnel-glass', 'Send it');
    } finally {
      process.stdout.write(`Funnel journeys:\n${transcript.join('\n')}\n`);
    }
    await running.app.close();
    running.app.close = async () => undefined;

    events = readFunnelLog(FUNNEL_LOG_FILE);
    const names = (id: string) => events.filter((e) => e.conversation === keyOf(id)).map((e) => e.name);
    expect(names('funnel-book')).toEqual([
      'conversation-started',
      'diagnosis-proposed',
      'diagnosis-accepted',
      'tenant-identified',
      'order-created',
      'slots-offered',
      'booked',
      'conversation-started',
      'slots-offered',
      're-booked',
      'conversation-started',
      'cancelled',
    ]);
    expect(events.find((e) => e.name === 'tenant-identified')?.detail).toEqual({ how: 'questions' });
    expect(events.find((e) => e.name === 'diagnosis-accepted')?.detail).toEqual({ code: 'BATH001' });
    expect(names('funnel-gas')).toEqual(['conversation-started', 'emergency-detected']);
    expect(events.find((e) => e.name === 'emergency-detected')?.detail).toEqual({ instruction: 'call-gas-emergency' });
    expect(names('funnel-stop')).toEqual(['conversation-started', 'abandoned']);
    expect(names('funnel-idle')).toEqual([
      'conversation-started',
      'diagnosis-proposed',
      'diagnosis-corrected',
      'diagnosis-proposed',
      'diagnosis-accepted',
    ]);
    expect(names('funnel-glass')).toEqual([
      'conversation-started',
      'diagnosis-proposed',
      'diagnosis-accepted',
      'tenant-identified',
      'order-created',
      'contractor-order',
    ]);
    expect(events.every((e) => e.at === new Date(NOW).toISOString() && e.channel === 'directline')).toBe(true);
  });

  it('keeps personal data out of the events: no names, postcodes, phone numbers, words or conversation ids', () => {
    const text = fs.readFileSync(FUNNEL_LOG_FILE, 'utf8');
    for (const personal of [
      'Hart',
      'Flat 3',
      'LS1',
      'bath is leaking',
      'smell gas',
      'water coming',
      'funnel-',
      'user-',
    ]) {
      expect(text).not.toContain(personal);
    }
    expect(text).not.toMatch(/\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/); // a postcode
    expect(text).not.toMatch(/(?:\+44|\b0)7\d{3} ?\d{6}/); // a mobile number
    for (const event of events) {
      expect(Object.keys(event).sort()).toEqual(['at', 'channel', 'conversation', 'detail', 'name']);
      expect(FUNNEL_EVENT_NAMES).toContain(event.name);
      expect(event.conversation).toMatch(/^[0-9a-f]{20}$/);
      const allowed = ALLOWED_DETAIL[event.name] ?? {};
      for (const [key, value] of Object.entries(event.detail)) {
        expect([event.name, key, allowed[key]?.(value) ?? false]).toEqual([event.name, key, true]);
      }
    }
  });

  it('`repairs-bot funnel` prints the funnel of those conversations with the rates from step to step', async () => {
    const twoHoursLater = new Date(Date.parse(NOW) + 2 * 3_600_000).toISOString();
    const run = await runCli(['funnel', '--file', FUNNEL_LOG_FILE, '--at', twoHoursLater]);
    process.stdout.write(`$ repairs-bot funnel --file funnel.jsonl --at ${twoHoursLater}\n${run.stdout}`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Funnel of 5 conversations \(27 events/);
    expect(run.stdout).toMatch(/ 1\. Conversation started +5\n/);
    expect(run.stdout).toMatch(/ 2\. Repair type proposed +3 +60% +60%\n/);
    expect(run.stdout).toMatch(/ 3\. Repair type accepted +3 +100% +60%\n/);
    expect(run.stdout).toMatch(/ 4\. Tenant identified +2 +67% +40%\n/);
    expect(run.stdout).toMatch(/ 5\. Order created +2 +100% +40%\n/);
    expect(run.stdout).toMatch(/ 7\. Visit booked \(or contractor\) +2 +100% +40%\n/);
    expect(run.stdout).toContain('Tenant identified by: questions 2, teams 0, website 0, sms-known-mobile 0');
    for (const [label, count] of [
      ['Emergency detected', 1],
      ['Repair type corrected', 1],
      ['Contractor order', 1],
      ['Visit booked', 1],
      ['Visit moved', 1],
      ['Repair cancelled', 1],
      ['Handed to the repairs team', 0],
    ] as const) {
      expect(run.stdout).toMatch(new RegExp(`\\n {5}${label.replace(/[()]/g, '\\$&')} +${count}\\n`));
    }
    expect(run.stdout).toMatch(/Abandoned +2 +\(said stop or start again: 1; idle 30\+ minutes before finishing: 1\)/);
  });
});
