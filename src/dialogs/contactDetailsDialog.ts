import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from './botbuilderDialogs';
import { type ReportContact } from '../repairs/reporting/repairReport';
import { maskEmail, maskPhone, parseEmail, parseUkPhone } from '../repairs/tenants';
import { type DialogDeps } from './dialogDeps';
import { CONTACT_DETAILS_DIALOG } from './dialogIds';
import { InterruptibleDialog } from './interruptibleDialog';
import { menuChoice } from './render/menuChoice';
import { renderChoices } from './render/renderChoices';
import { stepValues } from './stepValues';

const ANSWER_PROMPT = 'contactDetails.answer';
const STEPS = 'contactDetails.steps';

export interface ContactDetailsOptions {
  propertyId: string;
  /** Carried round the loop when the tenant changes a detail. */
  contact?: ReportContact;
  /** What the last answer asked for: a new mobile number or a new e-mail address. */
  asking?: 'mobile' | 'email';
}

const YES_TEXTS = 'Yes, text me';
const NO_TEXTS = 'No texts, thanks';
const CHANGE_MOBILE = 'Change my mobile';
const CHANGE_EMAIL = 'Change my e-mail';

/**
 * Confirms how to reach the tenant about this repair, showing the details on file only masked ("the mobile ending
 * 123"), lets them change the mobile or e-mail, and asks whether they want text messages. One question when
 * nothing needs changing.
 */
export class ContactDetailsDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(CONTACT_DETAILS_DIALOG, deps);
    this.addDialog(new TextPrompt(ANSWER_PROMPT)).addDialog(
      new WaterfallDialog(STEPS, [this.ask.bind(this), this.take.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private startingContact(propertyId: string): ReportContact {
    const tenant = this.deps.services.tenants.findByPropertyId(propertyId);
    const mobile = tenant?.contact.mobilePhone ? parseUkPhone(tenant.contact.mobilePhone) : null;
    return {
      mobile: mobile?.isMobile ? mobile.e164 : undefined,
      homePhone: tenant?.contact.homePhone,
      email: tenant?.contact.email,
      wantsTexts: false,
    };
  }

  private async ask(step: WaterfallStepContext) {
    const options = step.options as ContactDetailsOptions;
    const contact = options.contact ?? this.startingContact(options.propertyId);
    stepValues<ContactDetailsOptions>(step).contact = contact;
    if (options.asking === 'mobile') {
      return step.prompt(ANSWER_PROMPT, { prompt: 'What is your mobile number?' });
    }
    if (options.asking === 'email') {
      return step.prompt(ANSWER_PROMPT, { prompt: 'What is your e-mail address?' });
    }
    if (!contact.mobile) {
      return step.prompt(ANSWER_PROMPT, {
        prompt: 'We do not have a mobile number for you. To get text updates, type your mobile number, or say no.',
      });
    }
    const email = contact.email ? ` We will also e-mail ${maskEmail(contact.email)}.` : '';
    const titles = [YES_TEXTS, NO_TEXTS, CHANGE_MOBILE, ...(contact.email ? [CHANGE_EMAIL] : [])];
    stepValues<{ titles: string[] }>(step).titles = titles;
    return step.prompt(ANSWER_PROMPT, {
      prompt: renderChoices(
        step.context.activity.channelId,
        `Can we text you updates about this repair on your mobile ${maskPhone(contact.mobile)}?${email}`,
        titles,
      ),
    });
  }

  private async take(step: WaterfallStepContext) {
    const options = step.options as ContactDetailsOptions;
    const values = stepValues<ContactDetailsOptions & { titles: string[] }>(step);
    const contact = values.contact as ReportContact;
    const answer = String(step.result ?? '').trim();
    const again = (change: Partial<ContactDetailsOptions>) =>
      step.replaceDialog(STEPS, { propertyId: options.propertyId, contact, ...change });

    if (options.asking === 'email') {
      const email = parseEmail(answer);
      if (!email) {
        await step.context.sendActivity('That does not look like an e-mail address, for example name@example.com.');
        return again({ asking: 'email' });
      }
      return again({ contact: { ...contact, email } });
    }
    if (options.asking === 'mobile' || !contact.mobile) {
      if (!contact.mobile && /^(no|nope|no thanks|skip|none)\b/i.test(answer)) return step.endDialog(contact);
      const phone = parseUkPhone(answer);
      if (!phone || !phone.isMobile) {
        await step.context.sendActivity('That does not look like a UK mobile number. It should start 07 or +447.');
        return again({ asking: 'mobile' });
      }
      return again({ contact: { ...contact, mobile: phone.e164 } });
    }
    switch (menuChoice(answer, values.titles ?? [])) {
      case 0:
        return step.endDialog({ ...contact, wantsTexts: true } satisfies ReportContact);
      case 1:
        return step.endDialog({ ...contact, wantsTexts: false } satisfies ReportContact);
      case 2:
        return again({ asking: 'mobile' });
      case 3:
        return again({ asking: 'email' });
      default: {
        // "yes"/"no" typed rather than pressed.
        if (/^(y|yes|yeah|yep|ok|okay|sure)\b/i.test(answer)) return step.endDialog({ ...contact, wantsTexts: true });
        if (/^(n|no|nope)\b/i.test(answer)) return step.endDialog({ ...contact, wantsTexts: false });
        await step.context.sendActivity('Sorry, I did not catch that.');
        return again({});
      }
    }
  }
}
