import fs from 'node:fs';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';

export interface ReceivedMail {
  file: string;
  /** The .eml file as received, headers and all. */
  raw: string;
  mail: ParsedMail;
}

/** Every mail the local SMTP server has kept in `folder`, in the order received, parsed with mailparser. */
export async function receivedMails(folder: string): Promise<ReceivedMail[]> {
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.eml'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const raw = fs.readFileSync(path.join(folder, file), 'utf8');
      return { file, raw, mail: await simpleParser(raw) };
    }),
  );
}

/** The one mail whose subject holds `reference`; fails if there is none or more than one. */
export async function mailWithReference(folder: string, reference: string): Promise<ReceivedMail> {
  const found = (await receivedMails(folder)).filter((received) => received.mail.subject?.includes(reference));
  if (found.length !== 1) throw new Error(`expected one mail with ${reference} in ${folder}, found ${found.length}`);
  return found[0]!;
}
