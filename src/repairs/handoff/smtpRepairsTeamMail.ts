import nodemailer, { type Transporter } from 'nodemailer';
import {
  type HandOffRequest,
  type HandOffSendResult,
  REPAIRS_TEAM_CONTACT_WORKING_DAYS,
  type RepairsTeamMail,
} from './repairsTeamMail';

export interface SmtpMailOptions {
  /** smtp://user:pass@host:port or smtps://… */
  smtpUrl: string;
  to: string;
  from: string;
  /** How long to wait for the mail server at each stage; a tenant is waiting for the answer. Default 10 s. */
  timeoutMs?: number;
}

/** The subject: the reference and the reason, never the tenant's words (subjects show up in notifications). */
export function handOffSubject(request: HandOffRequest): string {
  const urgent = request.possibleEmergency ? 'POSSIBLE EMERGENCY - ' : '';
  return `${urgent}Repair request ${request.reference}: ${request.reason}`;
}

/**
 * The hand-off e-mail: plain text, the tenant's words and how to reach them, nothing else personal. The property
 * is its id only; the team looks the address up in its own system, and checks it with an unverified caller.
 */
export function handOffMailText(request: HandOffRequest): string {
  const contact = [
    request.contact.name && `Name: ${request.contact.name}`,
    request.contact.phone && `Phone: ${request.contact.phone}`,
    request.contact.email && `E-mail: ${request.contact.email}`,
  ].filter(Boolean);
  return [
    `Reference: ${request.reference}`,
    `Why the bot passed it on: ${request.reason}`,
    ...(request.possibleEmergency
      ? [`Possible emergency: ${request.possibleEmergency} (the tenant was given the emergency number)`]
      : []),
    ...(request.propertyId
      ? [`Property: ${request.propertyId} (tenant check passed)`]
      : ['Property: not verified - check the address with them']),
    '',
    'What the tenant said:',
    request.description,
    '',
    'How to reach them:',
    ...(contact.length ? contact : ['No contact details given']),
    '',
    `The tenant was told: the repairs team will contact you within ${REPAIRS_TEAM_CONTACT_WORKING_DAYS} working days.`,
    `Conversation: ${request.conversationId}`,
  ].join('\n');
}

/** Sends hand-offs to the repairs team's mailbox over SMTP (nodemailer). */
export class SmtpRepairsTeamMail implements RepairsTeamMail {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailOptions) {
    const timeout = options.timeoutMs ?? 10_000;
    this.transport = nodemailer.createTransport({
      url: options.smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(request: HandOffRequest): Promise<HandOffSendResult> {
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: this.options.to,
        subject: handOffSubject(request),
        text: handOffMailText(request),
      });
      return { sent: true };
    } catch (error) {
      // The SMTP error may quote addresses: keep only its code.
      const code = (error as { code?: string }).code ?? 'EMAIL';
      return { sent: false, reason: code };
    }
  }

  close(): void {
    this.transport.close();
  }
}
