import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { startLocalMailServer } from '../../src/local/localMailServer';
import { fixedClock } from '../../src/repairs/time';
import { ChannelHarness, visibleText } from '../e2e/channelHarness';
import { mailWithReference } from './receivedMails';

/**
 * startApp's e-mail wiring: with SMTP_URL unset the embedded local mail server starts on SMTP_PORT_LOCAL and a
 * hand-off made through the bot's HTTP endpoint lands in data/mail as an .eml file; with SMTP_URL set it goes
 * there instead and nothing local starts. Each test runs in a directory of its own (data/mail is relative).
 */

const REFERENCE = /Your reference is (HO \d{6} [2-9A-Z]{4} [2-9A-Z]{4})\./;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function canListenOn(port: number): Promise<boolean> {
  const server = net.createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  return listening;
}

function startTestApp(env: Record<string, string>): Promise<RunningApp> {
  return startApp(
    loadConfig({ PORT: '0', CONNECT_SIMULATOR_PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'silent', ...env }),
    { clock: fixedClock('2026-12-01T09:00:00Z') },
  );
}

/** "Something else" → description → name → phone, through the channel; returns the reference the tenant was given. */
async function handOffThroughTheBot(app: RunningApp, conversationId: string): Promise<string> {
  const channel = new ChannelHarness(app.url);
  await channel.start();
  try {
    let last = '';
    for (const text of ['hi', 'Something else', 'The lift in our block is broken', 'Sam Jones', '07700 900123']) {
      last = (await channel.say(conversationId, text)).map(visibleText).join('\n');
    }
    const reference = REFERENCE.exec(last)?.[1];
    if (!reference) throw new Error(`no hand-off reference in the last reply: ${last}`);
    return reference;
  } finally {
    await channel.stop();
  }
}

describe('startApp and the mail server', () => {
  const cwd = process.cwd();
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-mail-'));
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('SMTP_URL unset: the local mail server starts, hand-offs land in data/mail, and it stops with the app', async () => {
    const port = await freePort();
    const app = await startTestApp({ SMTP_PORT_LOCAL: String(port) });
    try {
      expect(await canListenOn(port)).toBe(false);
      const reference = await handOffThroughTheBot(app, 'app-mail-local');
      const { mail } = await mailWithReference(path.join(dir, 'data', 'mail'), reference);
      expect(mail.text).toContain('The lift in our block is broken');
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('repairs-team@example.org');
    } finally {
      await app.close();
    }
    expect(await canListenOn(port)).toBe(true);
  });

  test('SMTP_URL set: hand-offs go to that server and to REPAIRS_TEAM_EMAIL, and nothing local starts', async () => {
    const external = await startLocalMailServer({ port: 0, folder: path.join(dir, 'external') });
    const localPort = await freePort();
    const app = await startTestApp({
      SMTP_URL: external.url,
      SMTP_PORT_LOCAL: String(localPort),
      REPAIRS_TEAM_EMAIL: 'repairs@landlord.example',
      MAIL_FROM: 'bot@landlord.example',
    });
    try {
      expect(await canListenOn(localPort)).toBe(true);
      const reference = await handOffThroughTheBot(app, 'app-mail-external');
      const { mail } = await mailWithReference(external.folder, reference);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('repairs@landlord.example');
      expect(mail.from?.text).toBe('bot@landlord.example');
      expect(fs.existsSync(path.join(dir, 'data', 'mail'))).toBe(false);
    } finally {
      await app.close();
      await external.close();
    }
  });
});
