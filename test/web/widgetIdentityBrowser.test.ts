import fs from 'node:fs';
import { type BrowserContext, chromium } from 'playwright-core';
import { SignJWT } from 'jose';
import { type RunningApp } from '../../src/app';
import { PROPERTY_CLAIM } from '../../src/repairs/tenants';
import { NOW, startTestApp, tempDir } from '../e2e/testApp';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  // eslint-disable-next-line no-console
  console.warn(
    `SKIPPED the widget identity browser test: ${CHROMIUM} is missing. Install it (apt-get install -y chromium) to run it; CI does.`,
  );
}
const browserIt = hasChromium ? it : it.skip;

const SECRET = 'the-housing-website-signs-with-this-secret-0123456789';
const ISSUER = 'https://www.example-housing.org';
const AUDIENCE = 'repairs-bot';

describe('the widget passes the housing website’s signed identity (headless Chromium)', () => {
  let app: RunningApp;
  let context: BrowserContext;
  let profile: { dir: string; remove(): void };

  beforeAll(async () => {
    if (!hasChromium) return;
    app = await startTestApp({
      WEBCHAT_IDENTITY_SECRET: SECRET,
      WEBCHAT_IDENTITY_ISSUER: ISSUER,
      WEBCHAT_IDENTITY_AUDIENCE: AUDIENCE,
    });
    profile = tempDir('repairs-bot-chromium-identity-');
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'en-GB',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  }, 60_000);

  afterAll(async () => {
    if (!hasChromium) return;
    await context?.close();
    profile?.remove();
    await app?.close();
  });

  browserIt(
    'a tenant logged in on the website is not asked to find their home: only the contact details are confirmed',
    async () => {
      const now = Math.floor(new Date(NOW).getTime() / 1000);
      const token = await new SignJWT({ [PROPERTY_CLAIM]: 'PROP-0001' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now - 30)
        .setExpirationTime(now + 900)
        .sign(new TextEncoder().encode(SECRET));
      const page = await context.newPage();
      await page.goto(`${app.url}/`);
      // What the housing website does once its tenant is logged in.
      await page.evaluate(
        (t) =>
          (
            window as unknown as { RepairsChatWidget: { setIdentityToken(t: string): void } }
          ).RepairsChatWidget.setIdentityToken(t),
        token,
      );
      await page.getByRole('button', { name: 'Report a repair' }).click();
      const transcript = page.locator('.webchat__basic-transcript');
      await transcript
        .getByText(/repair/i)
        .last()
        .waitFor({ timeout: 15_000 });
      const box = page.getByRole('textbox', { name: /message/i });
      await box.fill('my bath is leaking');
      await page.getByRole('button', { name: /^send$/i }).click();
      await transcript
        .getByText(/You are signed in on our website/)
        .last()
        .waitFor({ timeout: 15_000 });
      await transcript
        .getByText(/mobile ending 101/)
        .last()
        .waitFor({ timeout: 15_000 });
      expect(await transcript.getByText(/postcode/i).count()).toBe(0);
    },
    60_000,
  );
});
