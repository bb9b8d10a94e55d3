import { type Activity } from 'botbuilder';
import { SignJWT } from 'jose';
import { PROPERTY_CLAIM } from '../../src/repairs/tenants';
import { type ChannelHarness, visibleText } from '../e2e/channelHarness';
import { appWithChannel, NOW, startTestApp } from '../e2e/testApp';

const SECRET = 'the-housing-website-signs-with-this-secret-0123456789';
const ISSUER = 'https://www.example-housing.org';
const AUDIENCE = 'repairs-bot';
const now = Math.floor(new Date(NOW).getTime() / 1000);

function siteToken(overrides: Record<string, unknown> = {}, secret = SECRET): Promise<string> {
  const { exp, ...claims } = overrides;
  return new SignJWT({ [PROPERTY_CLAIM]: 'PROP-0001', ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now - 30)
    .setExpirationTime(typeof exp === 'number' ? exp : now + 900)
    .sign(new TextEncoder().encode(secret));
}

/** What the widget does: every message carries the website's token in channelData. */
async function sayWithToken(channel: ChannelHarness, conversationId: string, text: string, identityToken: string) {
  const before = channel.messages(conversationId).length;
  const status = await channel.post(conversationId, { text, channelData: { identityToken } });
  if (status >= 300) throw new Error(`the bot answered ${status}`);
  return channel
    .messages(conversationId)
    .slice(before)
    .map((a: Partial<Activity>) => visibleText(a))
    .join('\n');
}

describe('a tenant signed in on the housing website (signed identity in the widget)', () => {
  const running = appWithChannel(() =>
    startTestApp({
      WEBCHAT_IDENTITY_SECRET: SECRET,
      WEBCHAT_IDENTITY_ISSUER: ISSUER,
      WEBCHAT_IDENTITY_AUDIENCE: AUDIENCE,
    }),
  );

  it('skips the tenant-check questions and only confirms contact details', async () => {
    const token = await siteToken();
    const said = await sayWithToken(running.channel, 'signed-in-1', 'my bath is leaking', token);
    expect(said).toMatch(/You are signed in on our website/);
    expect(said).not.toMatch(/postcode|house number/i);
    expect(said).toMatch(/mobile ending 101/);
    const checked = await sayWithToken(running.channel, 'signed-in-1', 'Yes, text me', token);
    expect(checked).toMatch(/Please check your report/);
  });

  it.each<[string, () => Promise<string>]>([
    ['an expired token', () => siteToken({ exp: now - 60 })],
    ['a token signed with another secret', () => siteToken({}, 'someone-else-made-this-token-up-0123456789')],
    ['a token for a home the directory does not hold', () => siteToken({ [PROPERTY_CLAIM]: 'PROP-9999' })],
    ['a token that is not a JWT', async () => 'not-a-token'],
  ])('refuses %s once and runs the normal check, showing nothing personal', async (name, make) => {
    const conversationId = `refused-${name.replace(/\W+/g, '-')}`;
    const token = await make();
    const first = await sayWithToken(running.channel, conversationId, 'my bath is leaking', token);
    expect(first).toMatch(/could not confirm your sign-in/);
    expect(first).toMatch(/What is your postcode\?/);
    expect(first).not.toMatch(/Hart|101|Aire/);
    const second = await sayWithToken(running.channel, conversationId, 'LS1 4AB', token);
    expect(second).not.toMatch(/could not confirm your sign-in/);
    expect(second).toMatch(/house number or name, and your surname/);
    const third = await sayWithToken(running.channel, conversationId, 'Flat 3, Hart', token);
    expect(third).toMatch(/mobile ending 101/);
  });

  it('ignores a token when the bot has no identity settings (the normal check runs)', async () => {
    // The same app would accept it; a second conversation on an app without the settings shows the default.
    const plain = await startTestApp();
    try {
      const { ChannelHarness } = await import('../e2e/channelHarness');
      const channel = new ChannelHarness(plain.url);
      await channel.start();
      try {
        const said = await sayWithToken(channel, 'no-settings', 'my bath is leaking', await siteToken());
        expect(said).toMatch(/What is your postcode\?/);
        expect(said).not.toMatch(/signed in|sign-in/);
      } finally {
        await channel.stop();
      }
    } finally {
      await plain.close();
    }
  });
});
