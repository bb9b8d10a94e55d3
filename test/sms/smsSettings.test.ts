import { type Activity } from 'botbuilder';
import { type RunningApp } from '../../src/app';
import { ConfigError, loadConfig } from '../../src/config';
import { isGsm7, segmentsOf } from '../../src/dialogs/render/smsText';
import { ChannelHarness } from '../e2e/channelHarness';
import { startTestApp } from '../e2e/testApp';
import { ACCOUNT_SID, AUTH_TOKEN, BOT_NUMBER, WEBHOOK_URL } from './smsHarness';

const TWILIO = {
  TWILIO_ACCOUNT_SID: ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  TWILIO_NUMBER: BOT_NUMBER,
  TWILIO_WEBHOOK_URL: WEBHOOK_URL,
};

describe('the TWILIO_ settings', () => {
  it('all four make the SMS settings', () => {
    expect(loadConfig(TWILIO).twilio).toEqual({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      number: BOT_NUMBER,
      webhookUrl: WEBHOOK_URL,
    });
    expect(loadConfig({}).twilio).toBeUndefined();
  });

  it('go together, and are checked without quoting them', () => {
    const { TWILIO_AUTH_TOKEN: _token, ...withoutToken } = TWILIO;
    expect(() => loadConfig(withoutToken)).toThrow(ConfigError);
    let problems = '';
    try {
      loadConfig({ ...TWILIO, TWILIO_NUMBER: '07700 900000', TWILIO_ACCOUNT_SID: 'nope' });
    } catch (error) {
      problems = (error as ConfigError).problems.join('\n');
    }
    expect(problems).toMatch(/TWILIO_NUMBER: must be an E\.164 number/);
    expect(problems).toMatch(/TWILIO_ACCOUNT_SID/);
    expect(problems).not.toContain('07700');
  });
});

describe('without the TWILIO_ settings', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('there is no SMS route', async () => {
    const response = await fetch(`${app.url}/api/sms`, { method: 'POST', body: 'From=%2B447700900101' });
    expect(response.status).toBe(404);
    expect(app.smsIdle).toBeUndefined();
  });

  it("the Azure Bot Service SMS channel ('sms') gets the same plain GSM-7 texts of at most three segments", async () => {
    const channel = new ChannelHarness(app.url, 'sms');
    await channel.start();
    try {
      const replies: Partial<Activity>[] = [];
      for (const said of ['my bath is leaking', 'LS1 4AB', 'Flat 3, Hart', '1', '1']) {
        replies.push(...(await channel.say('azure-sms-1', said)));
      }
      const texts = replies.map((r) => r.text ?? '');
      expect(texts.join('\n')).toMatch(/Your reference is RB /);
      for (const reply of replies) {
        expect(reply.textFormat).toBe('plain');
        expect(isGsm7(reply.text ?? '')).toBe(true);
        expect(segmentsOf(reply.text ?? '')).toBeLessThanOrEqual(3);
      }
    } finally {
      await channel.stop();
    }
  });
});
