import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type LocalMailServer, startLocalMailServer } from '../../../src/local/localMailServer';
import { type HandOffRequest } from '../../../src/repairs/handoff/repairsTeamMail';
import { handOffMailText, handOffSubject, SmtpRepairsTeamMail } from '../../../src/repairs/handoff/smtpRepairsTeamMail';
import { TenantDirectory } from '../../../src/repairs/tenants';
import { DEFAULT_TENANTS_PATH } from '../../../src/repairs/tenants/defaultTenants';
import { receivedMails } from '../../local/receivedMails';

/** A verified tenant's hand-off: Amelia Hart (PROP-0001) chose to be called on her mobile. */
const REQUEST: HandOffRequest = {
  reason: 'Not in the repairs catalogue',
  description: 'The loft hatch is stuck open.\nCold air comes down onto the landing.',
  propertyId: 'PROP-0001',
  contact: { phone: '07700 900101' },
  reference: 'HO 261201 7KQ4 MZ8P',
  conversationId: 'conversation-42',
};

let folder: string;
let server: LocalMailServer;
let mail: SmtpRepairsTeamMail;
beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-mail-'));
  server = await startLocalMailServer({ port: 0, folder });
  mail = new SmtpRepairsTeamMail({
    smtpUrl: server.url,
    to: 'repairs-team@example.org',
    from: 'repairs-bot@example.org',
  });
});
afterAll(async () => {
  mail.close();
  await server.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('the hand-off e-mail, received over SMTP and parsed', () => {
  test('plain text to the team: the description, reason, reference, property id, contact, conversation; nothing else personal', async () => {
    expect(await mail.send(REQUEST)).toEqual({ sent: true });
    const [received, ...others] = await receivedMails(server.folder);
    expect(others).toEqual([]);
    const parsed = received!.mail;

    expect(parsed.subject).toBe('Repair request HO 261201 7KQ4 MZ8P: Not in the repairs catalogue');
    expect(parsed.from?.text).toBe('repairs-bot@example.org');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('repairs-team@example.org');
    expect(parsed.html).toBe(false);
    expect(parsed.attachments).toEqual([]);
    expect(parsed.text).toBe(
      [
        'Reference: HO 261201 7KQ4 MZ8P',
        'Why the bot passed it on: Not in the repairs catalogue',
        'Property: PROP-0001 (tenant check passed)',
        '',
        'What the tenant said:',
        'The loft hatch is stuck open.',
        'Cold air comes down onto the landing.',
        '',
        'How to reach them:',
        'Phone: 07700 900101',
        '',
        'The tenant was told: the repairs team will contact you within 2 working days.',
        'Conversation: conversation-42',
        '',
      ].join('\n'),
    );

    // Whatever else the directory holds about her stays out: address, postcode, name, other numbers, e-mail.
    const tenant = TenantDirectory.fromFile(DEFAULT_TENANTS_PATH).findByPropertyId('PROP-0001')!;
    const onFile = [
      tenant.address.line1,
      tenant.address.postcode,
      tenant.address.city!,
      tenant.contact.firstName!,
      tenant.contact.lastName,
      tenant.contact.homePhone!,
      tenant.contact.email!,
      tenant.organisationId,
    ];
    const everything = [received!.raw, parsed.text].join('\n');
    for (const field of onFile) expect(everything).not.toContain(field);
  });

  test('the subject never carries the tenant’s words; an emergency is flagged first', () => {
    const request = { ...REQUEST, possibleEmergency: 'Bare wires, sparks, burning smell or no power at all' };
    expect(handOffSubject(request)).toBe(
      'POSSIBLE EMERGENCY - Repair request HO 261201 7KQ4 MZ8P: Not in the repairs catalogue',
    );
    expect(handOffSubject(request)).not.toContain('loft');
    expect(handOffMailText(request)).toContain(
      'Possible emergency: Bare wires, sparks, burning smell or no power at all (the tenant was given the emergency number)',
    );
  });

  test('someone not verified: the name and contact they gave, and the address to be checked', () => {
    const text = handOffMailText({
      ...REQUEST,
      propertyId: undefined,
      contact: { name: 'Sam Jones', email: 'sam@example.com' },
    });
    expect(text).toContain('Property: not verified - check the address with them');
    expect(text).toContain('How to reach them:\nName: Sam Jones\nE-mail: sam@example.com\n');
    expect(text).not.toContain('Phone:');
  });

  test('a mail server that cannot be reached: not sent, with an error code and no address', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const unreachable = new SmtpRepairsTeamMail({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      to: 'repairs-team@example.org',
      from: 'repairs-bot@example.org',
    });
    try {
      const result = await unreachable.send(REQUEST);
      expect(result.sent).toBe(false);
      const reason = result.sent ? '' : result.reason;
      expect(reason).toMatch(/^[A-Z]+$/);
    } finally {
      unreachable.close();
    }
  });
});
