import fs from 'node:fs';
import { type AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface LocalMailServer {
  /** smtp://127.0.0.1:PORT, for nodemailer. */
  url: string;
  /** Where each received mail is written as an .eml file. */
  folder: string;
  close(): Promise<void>;
}

/** The largest mail kept: a hand-off is a few kilobytes of plain text. */
export const LOCAL_MAIL_MAX_BYTES = 1024 * 1024;

/**
 * The embedded default for e-mail: an SMTP server on loopback that keeps each mail as an .eml file, so hand-offs
 * can be read (and tested) without a mail account. Production sets SMTP_URL and this never starts. The mails hold
 * a tenant's words and contact details: the folder and files are readable by this user only.
 */
export async function startLocalMailServer(options: { port: number; folder: string }): Promise<LocalMailServer> {
  fs.mkdirSync(options.folder, { recursive: true, mode: 0o700 });
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: LOCAL_MAIL_MAX_BYTES,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message too big for the local mail server'), { responseCode: 552 }));
          return;
        }
        // Sortable by arrival; the sequence keeps two mails in one millisecond apart.
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++sequence).padStart(4, '0')}.eml`;
        fs.writeFile(path.join(options.folder, name), Buffer.concat(chunks), { mode: 0o600 }, (error) =>
          callback(error ?? null),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    folder: options.folder,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
