import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type RunningApp } from '../../src/app';
import { startTestApp, tempDir } from '../e2e/testApp';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const ARTIFACTS = path.join(__dirname, 'artifacts');
const AXE = path.join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

if (!hasChromium) {
  // eslint-disable-next-line no-console
  console.warn(
    `SKIPPED the widget browser test: ${CHROMIUM} is missing. Install it (apt-get install -y chromium) to run it; CI does.`,
  );
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

const browserIt = hasChromium ? it : it.skip;

describe('the website widget in a real browser (headless Chromium)', () => {
  let app: RunningApp;
  let context: BrowserContext;
  let profile: { dir: string; remove(): void };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    app = await startTestApp();
    profile = tempDir('repairs-bot-chromium-');
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 860 },
      locale: 'en-GB',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    if (!hasChromium) return;
    await context?.close();
    profile?.remove();
    await app?.close();
  });

  /** Waits for a message from the bot that matches, in the transcript. */
  async function botSays(page: Page, text: RegExp): Promise<void> {
    await page.locator('.webchat__basic-transcript').getByText(text).last().waitFor({ timeout: 15_000 });
  }

  async function type(page: Page, text: string): Promise<void> {
    const box = page.getByRole('textbox', { name: /message/i });
    await box.fill(text);
    await page.getByRole('button', { name: /^send$/i }).click();
  }

  async function choose(page: Page, title: string | RegExp): Promise<void> {
    await page.locator('.webchat__suggested-actions').getByRole('button', { name: title }).click({ timeout: 15_000 });
  }

  browserIt(
    'reports a repair and books a visit by typing and clicking; the simulator has the order and the booking',
    async () => {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // The page has a content security policy (securityHeaders.ts): whatever it blocks is reported on the console.
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
      });
      const external: string[] = [];
      page.on('request', (request) => {
        if (!/^(data|blob):/.test(request.url()) && !request.url().startsWith(app.url)) external.push(request.url());
      });
      const answer = await page.goto(`${app.url}/`);
      expect(answer?.headers()['content-security-policy']).toMatch(/script-src 'self'; style-src 'self' 'nonce-/);
      await page.getByRole('heading', { level: 1, name: 'Report a repair' }).waitFor();

      // The launcher: a button that says what it controls, and where the focus goes.
      const launcher = page.getByRole('button', { name: 'Report a repair' });
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      expect(await launcher.getAttribute('aria-controls')).toBe('rcw-panel');
      await launcher.focus();
      await page.keyboard.press('Enter');
      expect(await launcher.getAttribute('aria-expanded')).toBe('true');
      const panel = page.getByRole('dialog', { name: 'Report a repair' });
      await panel.waitFor();
      await botSays(page, /repair/i);
      await page.waitForFunction(() => document.getElementById('rcw-panel')?.contains(document.activeElement));

      // Escape closes and gives the focus back to the launcher; opening again keeps the conversation.
      await page.keyboard.press('Escape');
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('rcw-launcher');
      await launcher.click();
      await panel.waitFor();

      await type(page, 'my bath is leaking');
      await botSays(page, /postcode/i);
      await type(page, 'LS1 4AB');
      await botSays(page, /house number or name, and your surname/i);
      await type(page, 'Flat 3, Hart');
      await choose(page, 'Yes, text me');
      await botSays(page, /Please check your report/i);
      await choose(page, 'Send it');
      await page.locator('.webchat__suggested-actions').getByRole('button', { name: 'None of these' }).waitFor();
      const firstSlot = page.locator('.webchat__suggested-actions').getByRole('button').first();
      const slotTitle = (await firstSlot.innerText()).trim();
      await firstSlot.click();
      await botSays(page, /^Booked:/);
      const booked = await page
        .locator('.webchat__basic-transcript')
        .getByText(/^Booked:/)
        .last()
        .innerText();
      expect(booked).toContain(slotTitle);
      process.stdout.write(`Widget booked: ${booked}\n`);

      await page.screenshot({ path: path.join(ARTIFACTS, 'widget.png') });

      // What Connect recorded: one order, one visit booked in the slot the tenant clicked.
      const snapshot = app.simulator!.snapshot();
      expect(snapshot.orders).toHaveLength(1);
      const orderNumber = snapshot.orders[0]!.order.PrimaryOrderNumber;
      expect(orderNumber).toMatch(/^RB/);
      expect(snapshot.visits).toEqual([expect.objectContaining({ PrimaryOrderNumber: orderNumber })]);

      // Accessibility: axe-core in the page, with the widget open during the conversation.
      // Evaluated through the DevTools protocol, which the page's policy does not govern: a <script> tag added
      // inline would be blocked by it, as it should be.
      await page.evaluate(fs.readFileSync(AXE, 'utf8'));
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe.run(document, {
          resultTypes: ['violations'],
        }),
      )) as AxeResult;
      const summary = result.violations.map(
        (v) => `${v.impact ?? 'none'}: ${v.id} (${v.nodes.length}) ${v.help} e.g. ${v.nodes[0]?.target.join(' ')}`,
      );
      process.stdout.write(`axe-core: ${result.violations.length} violations\n${summary.join('\n')}\n`);
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => v.id)).toEqual([]);

      expect(external).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(blocked).toEqual([]);
    },
    120_000,
  );
});
