import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from './botbuilderDialogs';
import { type ContactAnswer, parseContactAnswer, parseName } from '../repairs/handoff/handOffContact';
import { HAND_OFF_REASON_TEXT, type HandOffReason } from '../repairs/handoff/handOffReason';
import { formatHandOffReference, newHandOffReference } from '../repairs/handoff/handOffReference';
import {
  type HandOffContact,
  MAX_HAND_OFF_DESCRIPTION_LENGTH,
  REPAIRS_TEAM_CONTACT_WORKING_DAYS,
} from '../repairs/handoff/repairsTeamMail';
import { maskEmail, maskPhone, parseUkPhone, type Tenant } from '../repairs/tenants';
import { type DialogDeps } from './dialogDeps';
import { HAND_OFF_DIALOG } from './dialogIds';
import { InterruptibleDialog } from './interruptibleDialog';
import { menuChoice } from './render/menuChoice';
import { renderChoices } from './render/renderChoices';
import { stepValues } from './stepValues';
import { trackFunnel } from './funnel';

const ANSWER_PROMPT = 'handOff.answer';
const STEPS = 'handOff.steps';

export interface HandOffOptions {
  /** Why the bot is handing on. */
  reason: HandOffReason;
  /** The tenant's words so far, if any: confirmed rather than asked for again. */
  text?: string;
}

export interface HandOffResult {
  sent: boolean;
  /** Given to the tenant once the e-mail has gone. */
  reference?: string;
}

/** What the next answer is to. */
type Asking = 'words' | 'description' | 'choose-contact' | 'name' | 'contact' | 'retry';

/**
 * What has been gathered, carried round the dialog's loop. Kept after a failed send, so "Try again" sends the
 * same description, contact and reference without the tenant typing anything again.
 */
interface HandOffDraft extends HandOffOptions {
  asking: Asking;
  /** The property verified by the tenant check earlier in this conversation. */
  propertyId?: string;
  description?: string;
  name?: string;
  contact?: HandOffContact;
  reference?: string;
  failedSends?: number;
}

const USE_WORDS = 'Yes, pass that on';
const WRITE_AGAIN = 'No, I will write it again';
const OTHER_CONTACT = 'A different number or e-mail';
const TRY_AGAIN = 'Try again';

const YES = /^(y|yes|yeah|yep|ok|okay|sure|correct|that'?s (right|fine))\b/i;
const NO = /^(n|no|nope|change|again)\b/i;
const NUMBER = new Intl.NumberFormat('en-GB');

/** The promise made to every tenant whose repair is handed on. */
export const WHAT_HAPPENS_NEXT = `The repairs team will contact you within ${REPAIRS_TEAM_CONTACT_WORKING_DAYS} working days`;

/** A way to reach a verified tenant that is on file, offered masked. */
interface OnFileContact {
  title: string;
  contact: HandOffContact;
}

/**
 * Passes what the bot cannot raise itself to the repairs team by e-mail, and tells the tenant what happens next.
 * A tenant who passed the tenant check in this conversation chooses one of their contact details on file, shown
 * masked; anyone else is not asked to log in (carers and relatives report for others): they give a name and a
 * phone number or e-mail address, and the team checks the address with them. The e-mail holds the description,
 * the property id (never the address) and only the contact detail given for this request.
 */
export class HandOffDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(HAND_OFF_DIALOG, deps);
    this.addDialog(new TextPrompt(ANSWER_PROMPT)).addDialog(
      new WaterfallDialog(STEPS, [this.ask.bind(this), this.take.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  // --- asking ----------------------------------------------------------------------------------------------------

  private async ask(step: WaterfallStepContext) {
    const draft = (step.options as Partial<HandOffDraft>).asking
      ? (step.options as HandOffDraft)
      : await this.start(step, step.options as HandOffOptions);
    stepValues<{ draft: HandOffDraft }>(step).draft = draft;
    const channelId = step.context.activity.channelId;
    const { phones } = this.deps.services;
    switch (draft.asking) {
      case 'words':
        return step.prompt(ANSWER_PROMPT, {
          prompt: renderChoices(channelId, `You told me: "${draft.text}". Shall I pass that on to the repairs team?`, [
            USE_WORDS,
            WRITE_AGAIN,
          ]),
        });
      case 'description':
        return step.prompt(ANSWER_PROMPT, {
          prompt:
            draft.text && draft.text.trim().length > MAX_HAND_OFF_DESCRIPTION_LENGTH && !draft.description
              ? `Please describe the repair in a shorter way, in up to ${NUMBER.format(MAX_HAND_OFF_DESCRIPTION_LENGTH)} characters.`
              : `Please describe the repair in your own words: what is wrong, and where in the home. Up to ${NUMBER.format(MAX_HAND_OFF_DESCRIPTION_LENGTH)} characters.`,
        });
      case 'choose-contact':
        return step.prompt(ANSWER_PROMPT, {
          prompt: renderChoices(
            channelId,
            'How should the repairs team contact you about this?',
            this.contactTitles(draft.propertyId),
          ),
        });
      case 'name':
        return step.prompt(ANSWER_PROMPT, {
          prompt:
            'You do not need to give your address: the repairs team will check it with you. What is your name? ' +
            'If you are reporting for someone else, give your own name.',
        });
      case 'contact':
        return step.prompt(ANSWER_PROMPT, {
          prompt: 'What phone number or e-mail address can the repairs team contact you on?',
        });
      case 'retry': {
        const sorry =
          (draft.failedSends ?? 0) > 1
            ? 'Sorry, it still could not be sent.'
            : 'Sorry, I could not send this to the repairs team just now, so they do not have it yet.';
        return step.prompt(ANSWER_PROMPT, {
          prompt: renderChoices(
            channelId,
            `${sorry} Nothing you typed is lost: you can try again now, or call us on ${phones.repairs}. ` +
              `For an emergency call ${phones.emergency}, day or night.`,
            [TRY_AGAIN],
          ),
        });
      }
    }
  }

  /** The first turn: say why, find out whether the tenant check has passed, and what to ask first. */
  private async start(step: WaterfallStepContext, options: HandOffOptions): Promise<HandOffDraft> {
    const { phones } = this.deps.services;
    const intro: Record<HandOffReason, string> = {
      'something-else': `I can pass a message about a repair to our repairs team. For anything other than repairs, please call us on ${phones.repairs}.`,
      'not-in-catalogue': 'I cannot book that kind of repair here, but I can pass it to our repairs team.',
      'diagnosis-failed':
        'Sorry, I could not work out which repair this is. I can pass it to our repairs team instead.',
    };
    await step.context.sendActivity(intro[options.reason]);
    const data = await this.deps.conversationData.get(step.context, {});
    const verified = data.verifiedPropertyId
      ? this.deps.services.tenants.findByPropertyId(data.verifiedPropertyId)
      : undefined;
    const text = options.text?.trim();
    return {
      reason: options.reason,
      text: text || undefined,
      propertyId: verified?.propertyId,
      asking: text && text.length <= MAX_HAND_OFF_DESCRIPTION_LENGTH ? 'words' : 'description',
    };
  }

  // --- taking the answers ----------------------------------------------------------------------------------------

  private async take(step: WaterfallStepContext) {
    const draft = stepValues<{ draft: HandOffDraft }>(step).draft as HandOffDraft;
    const answer = String(step.result ?? '').trim();
    const again = async (draftNow: HandOffDraft, message?: string) => {
      if (message) await step.context.sendActivity(message);
      return step.replaceDialog(STEPS, draftNow);
    };

    switch (draft.asking) {
      case 'words': {
        const choice = menuChoice(answer, [USE_WORDS, WRITE_AGAIN]);
        if (choice === 0 || (choice === undefined && YES.test(answer))) {
          return again(this.afterDescription({ ...draft, description: draft.text }));
        }
        if (choice === 1 || NO.test(answer)) return again({ ...draft, asking: 'description' });
        return again(draft, 'Sorry, I did not catch that.');
      }
      case 'description': {
        if (!answer) return again(draft);
        if (answer.length > MAX_HAND_OFF_DESCRIPTION_LENGTH) {
          return again(
            draft,
            `That is ${NUMBER.format(answer.length)} characters. Please keep it to ${NUMBER.format(MAX_HAND_OFF_DESCRIPTION_LENGTH)} characters or fewer.`,
          );
        }
        return again(this.afterDescription({ ...draft, description: answer }));
      }
      case 'choose-contact': {
        const onFile = this.onFileContacts(draft.propertyId);
        const index = menuChoice(answer, this.contactTitles(draft.propertyId));
        if (index !== undefined && index < onFile.length)
          return this.send(step, { ...draft, contact: onFile[index]?.contact });
        if (index === onFile.length) return again({ ...draft, asking: 'contact' });
        // A number or address typed straight in is as good as choosing "a different one".
        const typed = parseContactAnswer(answer);
        if (typed) return this.send(step, { ...draft, contact: contactOf(typed) });
        return again(draft, 'Sorry, I did not catch that. Please choose one of the options.');
      }
      case 'name': {
        const name = parseName(answer);
        if (!name) return again(draft, 'Please type your name, for example: Sam Jones.');
        return again({ ...draft, name, asking: 'contact' });
      }
      case 'contact': {
        const typed = parseContactAnswer(answer);
        if (!typed) {
          return again(
            draft,
            answer.includes('@')
              ? 'That does not look like an e-mail address. Please type it like this: name@example.com.'
              : 'That does not look like a UK phone number or an e-mail address. Please type a number like 07700 900123, or an address like name@example.com.',
          );
        }
        return this.send(step, { ...draft, contact: { name: draft.name, ...contactOf(typed) } });
      }
      case 'retry': {
        const choice = menuChoice(answer, [TRY_AGAIN]);
        if (choice === 0 || YES.test(answer) || /^(try|retry|resend|again)\b/i.test(answer)) {
          return this.send(step, draft);
        }
        await step.context.sendActivity(
          `OK, I have not sent it. Please call us on ${this.deps.services.phones.repairs} and we will help. ` +
            `For an emergency call ${this.deps.services.phones.emergency}, day or night.`,
        );
        return step.endDialog({ sent: false } satisfies HandOffResult);
      }
    }
  }

  /** Once the description is known: a verified tenant chooses a contact on file; anyone else gives a name first. */
  private afterDescription(draft: HandOffDraft): HandOffDraft {
    if (!draft.propertyId) return { ...draft, asking: 'name' };
    return { ...draft, asking: this.onFileContacts(draft.propertyId).length ? 'choose-contact' : 'contact' };
  }

  // --- the verified tenant's contact details on file, masked -----------------------------------------------------

  private tenant(propertyId: string | undefined): Tenant | undefined {
    return propertyId ? this.deps.services.tenants.findByPropertyId(propertyId) : undefined;
  }

  private onFileContacts(propertyId: string | undefined): OnFileContact[] {
    const contact = this.tenant(propertyId)?.contact;
    if (!contact) return [];
    const mobile = contact.mobilePhone ? parseUkPhone(contact.mobilePhone) : null;
    const home = contact.homePhone ? parseUkPhone(contact.homePhone) : null;
    return [
      ...(mobile ? [{ title: `My mobile, ${maskPhone(mobile.national)}`, contact: { phone: mobile.national } }] : []),
      ...(home && home.e164 !== mobile?.e164
        ? [{ title: `My home phone, ${maskPhone(home.national)}`, contact: { phone: home.national } }]
        : []),
      ...(contact.email
        ? [{ title: `My e-mail, ${maskEmail(contact.email)}`, contact: { email: contact.email } }]
        : []),
    ];
  }

  private contactTitles(propertyId: string | undefined): string[] {
    return [...this.onFileContacts(propertyId).map((option) => option.title), OTHER_CONTACT];
  }

  // --- sending ---------------------------------------------------------------------------------------------------

  private async send(step: WaterfallStepContext, draft: HandOffDraft) {
    const { services } = this.deps;
    // Chosen once: a retry after a failure sends the same reference.
    const reference =
      draft.reference ?? formatHandOffReference(newHandOffReference(services.clock, undefined, services.zone));
    const description = draft.description ?? '';
    const emergency = services.emergencies.detect(description);
    const outcome = await services.repairsTeam.send({
      reason: HAND_OFF_REASON_TEXT[draft.reason],
      description,
      propertyId: draft.propertyId,
      contact: draft.contact ?? {},
      reference,
      conversationId: step.context.activity.conversation.id,
      possibleEmergency: emergency?.name,
    });
    if (!outcome.sent) {
      return step.replaceDialog(STEPS, {
        ...draft,
        reference,
        asking: 'retry',
        failedSends: (draft.failedSends ?? 0) + 1,
      } satisfies HandOffDraft);
    }
    const phones = services.phones;
    const contact = draft.contact ?? {};
    const how = contact.phone
      ? `, by phone on the number ${maskPhone(contact.phone)}`
      : contact.email
        ? `, by e-mail to ${maskEmail(contact.email)}`
        : '';
    await step.context.sendActivity(
      [
        ...(emergency
          ? [
              `This sounds like it could be an emergency (${emergency.name.toLowerCase()}). Please call our emergency repairs line now on ${phones.emergency}, day or night: do not wait for the repairs team.`,
            ]
          : []),
        `I have passed this to our repairs team. Your reference is ${reference}.`,
        `${WHAT_HAPPENS_NEXT}${how}.${draft.propertyId ? '' : ' They will check the address with you.'}`,
        ...(emergency
          ? []
          : [`If it becomes an emergency, call our emergency repairs line on ${phones.emergency}, day or night.`]),
      ].join('\n\n'),
    );
    trackFunnel(step.context, services, 'handed-off', { reason: draft.reason });
    return step.endDialog({ sent: true, reference } satisfies HandOffResult);
  }
}

function contactOf(answer: ContactAnswer): HandOffContact {
  return answer.kind === 'phone' ? { phone: answer.phone } : { email: answer.email };
}
