import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { LOCAL_MAIL_MAX_BYTES, type LocalMailServer, startLocalMailServer } from '../../src/local/localMailServer';
import { receivedMails } from './receivedMails';

/** Whether a port can be listened on, i.e. nothing holds it. */
async function canListenOn(port: number): Promise<boolean> {
  const server = net.createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  return listening;
}

describe('the local mail server', () => {
  let root: string;
  let server: LocalMailServer;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-mail-'));
    // A folder that does not exist yet: the server makes it.
    server = await startLocalMailServer({ port: 0, folder: path.join(root, 'data', 'mail') });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const send = (subject: string, text: string) =>
    nodemailer
      .createTransport(server.url)
      .sendMail({ from: 'bot@example.org', to: 'repairs-team@example.org', subject, text });

  test('listens on loopback and keeps each mail it receives as an .eml file, in the order received', async () => {
    expect(server.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(server.folder).toBe(path.join(root, 'data', 'mail'));
    await send('First', 'The first mail');
    await send('Second', 'The second mail\nover two lines');

    const files = fs.readdirSync(server.folder);
    expect(files).toHaveLength(2);
    files.forEach((file) => expect(file).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-\d{4}\.eml$/));
    const mails = await receivedMails(server.folder);
    expect(mails.map(({ mail }) => [mail.subject, mail.text])).toEqual([
      ['First', 'The first mail\n'],
      ['Second', 'The second mail\nover two lines\n'],
    ]);
    expect(mails[0]!.raw).toMatch(/^Content-Type: text\/plain/m);
  });

  test('the mails are readable by this user only (they hold tenants’ contact details)', () => {
    if (process.platform === 'win32') return;
    expect(fs.statSync(server.folder).mode & 0o777).toBe(0o700);
    for (const file of fs.readdirSync(server.folder)) {
      expect(fs.statSync(path.join(server.folder, file)).mode & 0o077).toBe(0);
    }
  });

  test('refuses a mail bigger than it keeps, and stores nothing for it', async () => {
    const before = fs.readdirSync(server.folder).length;
    await expect(send('Too big', 'x'.repeat(LOCAL_MAIL_MAX_BYTES + 1024))).rejects.toMatchObject({ responseCode: 552 });
    expect(fs.readdirSync(server.folder)).toHaveLength(before);
  });

  test('close() lets the port go', async () => {
    const other = await startLocalMailServer({ port: 0, folder: path.join(root, 'other') });
    const port = Number(new URL(other.url).port);
    expect(await canListenOn(port)).toBe(false);
    await other.close();
    expect(await canListenOn(port)).toBe(true);
  });
});
