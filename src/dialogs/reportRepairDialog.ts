import { TurnContext } from 'botbuilder';
import {
  type PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from './botbuilderDialogs';
import { DateTime } from 'luxon';
import { formatReference } from '../repairs/orders/orderNumber';
import {
  MAX_ACCESS_NOTES_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  type RepairReport,
  type ReportContact,
} from '../repairs/reporting/repairReport';
import { maskEmail, maskPhone } from '../repairs/tenants';
import { type BookVisitOptions, type BookVisitResult } from './bookVisitDialog';
import { type ContactDetailsOptions } from './contactDetailsDialog';
import { type DiagnosisOptions, type DiagnosisResult, wasHandedOff } from './diagnosisDialog';
import { type DialogDeps } from './dialogDeps';
import {
  BOOK_VISIT_DIALOG,
  CONTACT_DETAILS_DIALOG,
  DIAGNOSIS_DIALOG,
  REPORT_REPAIR_DIALOG,
  TENANT_CHECK_DIALOG,
} from './dialogIds';
import { InterruptibleDialog } from './interruptibleDialog';
import { isRerun } from './turnAttempt';
import { savedForLater } from './messages';
import { choiceCard, isCardSubmit, newOfferId, readCardSubmit } from './render/adaptiveCards';
import { channelKind } from './render/channelKind';
import { menuChoice } from './render/menuChoice';
import { renderChoices } from './render/renderChoices';
import { stepValues } from './stepValues';
import { type TenantCheckResult } from './tenantCheckDialog';
import { trackFunnel } from './funnel';

const ANSWER_PROMPT = 'report.answer';
const STEPS = 'report.steps';
const REVIEW = 'report.review';
const SUBMIT = 'report.submit';
const DUPLICATE = 'report.duplicate';

interface DuplicateOptions {
  draft: ReportDraft;
  orderNumber: string;
}

const SAME_REPAIR = 'Yes, it is the same';
const DIFFERENT_REPAIR = 'No, this is a different repair';

/** 'Tuesday 1 December' for an ISO instant, in the bot's zone. */
function describeDay(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).setLocale('en-GB').toFormat('cccc d MMMM');
}

export interface ReportRepairOptions {
  /** The tenant's first words, when they started by describing the repair. */
  initialText?: string;
  /** Raised as an emergency (detected in the tenant's words). */
  emergency?: boolean;
}

/** The report as it is being put together, kept in dialog state until it is sent. */
export interface ReportDraft {
  code: string;
  description: string;
  propertyId: string;
  contact: ReportContact;
  emergency: boolean;
  accessNotes?: string;
  /** Chosen once, before the first attempt to send, so that sending again never raises a second order. */
  orderNumber?: string;
  /** An attempt to send has started: look the number up before sending again. */
  sendAttempted?: boolean;
  /** What the review step asks next. */
  editing?: 'description' | 'notes';
  /** Teams: the id of the summary card on screen; a submit from another card is refused. */
  offerId?: string;
}

const SEND = 'Send it';
const ADD_NOTE = 'Add a note for the operative';
const CHANGE_REPAIR = 'Change the repair';
const CHANGE_DESCRIPTION = 'Change the description';

/**
 * Report a repair: what is wrong, who you are, how to reach you, a summary to check and change, then the works
 * order in Connect, and a visit booked (internal work) or the contractor told (external work).
 */
export class ReportRepairDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(REPORT_REPAIR_DIALOG, deps);
    this.addDialog(
      new TextPrompt(
        ANSWER_PROMPT,
        async (p: PromptValidatorContext<string>) => p.recognized.succeeded || isCardSubmit(p.context.activity),
      ),
    )
      .addDialog(
        new WaterfallDialog(STEPS, [
          this.diagnose.bind(this),
          this.identify.bind(this),
          this.confirmContact.bind(this),
          this.review.bind(this),
        ]),
      )
      .addDialog(
        new WaterfallDialog(REVIEW, [
          this.showSummary.bind(this),
          this.takeReviewAnswer.bind(this),
          this.afterRepairChanged.bind(this),
        ]),
      )
      .addDialog(new WaterfallDialog(DUPLICATE, [this.askIfDuplicate.bind(this), this.takeDuplicateAnswer.bind(this)]))
      .addDialog(
        new WaterfallDialog(SUBMIT, [this.send.bind(this), this.afterSend.bind(this), this.finish.bind(this)]),
      );
    this.initialDialogId = STEPS;
  }

  // --- gathering -------------------------------------------------------------------------------------------------

  private async diagnose(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as ReportRepairOptions;
    return step.beginDialog(DIAGNOSIS_DIALOG, { text: options.initialText } satisfies DiagnosisOptions);
  }

  private async identify(step: WaterfallStepContext) {
    const diagnosis = step.result as DiagnosisResult | undefined;
    if (!diagnosis || wasHandedOff(diagnosis)) return step.endDialog();
    stepValues<{ diagnosis: DiagnosisResult }>(step).diagnosis = diagnosis;
    return step.beginDialog(TENANT_CHECK_DIALOG);
  }

  private async confirmContact(step: WaterfallStepContext) {
    const checked = step.result as TenantCheckResult | undefined;
    if (!checked) return step.endDialog();
    stepValues<{ propertyId: string }>(step).propertyId = checked.propertyId;
    return step.beginDialog(CONTACT_DETAILS_DIALOG, { propertyId: checked.propertyId } satisfies ContactDetailsOptions);
  }

  private async review(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as ReportRepairOptions;
    const values = stepValues<{ diagnosis: DiagnosisResult; propertyId: string }>(step);
    const diagnosis = values.diagnosis as DiagnosisResult;
    const subArea = this.deps.services.subArea(diagnosis.code);
    const draft: ReportDraft = {
      code: diagnosis.code,
      description: diagnosis.description,
      propertyId: values.propertyId as string,
      contact: step.result as ReportContact,
      // A repair type whose usual priority is the emergency one is raised as an emergency whatever the words.
      emergency: Boolean(options.emergency) || subArea.priority === this.deps.services.emergencyPriorityId(),
    };
    // Emergencies go straight on: asking "is this the same?" would only slow down making the home safe.
    const duplicate = draft.emergency
      ? undefined
      : await this.deps.services.findOpenDuplicate(draft.propertyId, draft.code);
    if (duplicate)
      return step.replaceDialog(DUPLICATE, { draft, orderNumber: duplicate.orderNumber } satisfies DuplicateOptions);
    return step.replaceDialog(REVIEW, draft);
  }

  // --- a second report of the same repair ------------------------------------------------------------------------

  private async askIfDuplicate(step: WaterfallStepContext) {
    const { orderNumber } = step.options as DuplicateOptions;
    const record = await this.deps.services.orders.find(orderNumber);
    const reference = formatReference(orderNumber) ?? orderNumber;
    const when = record ? ` on ${describeDay(record.raisedAt, this.deps.services.zone)}` : '';
    return step.prompt(ANSWER_PROMPT, {
      prompt: renderChoices(
        step.context.activity.channelId,
        `You already reported this repair${when} (reference ${reference}), and it is still open. Is this the same repair?`,
        [SAME_REPAIR, DIFFERENT_REPAIR],
      ),
    });
  }

  private async takeDuplicateAnswer(step: WaterfallStepContext) {
    const { draft, orderNumber } = step.options as DuplicateOptions;
    const answer = String(step.result ?? '');
    const choice = menuChoice(answer, [SAME_REPAIR, DIFFERENT_REPAIR]);
    if (choice === 1 || /^(no|different|new)\b/i.test(answer)) return step.replaceDialog(REVIEW, draft);
    if (choice === 0 || /^(yes|same)\b/i.test(answer)) {
      const record = await this.deps.services.orders.find(orderNumber);
      const reference = formatReference(orderNumber) ?? orderNumber;
      const visit = record?.visit
        ? `A visit is booked for ${record.visit.description}.`
        : record?.supplierExternalId
          ? `It is with ${this.deps.services.lookups.supplier(record.supplierExternalId)?.name ?? 'our contractor'}, who will contact you.`
          : 'Our repairs team has it and will contact you about a visit.';
      await step.context.sendActivity(
        `Thank you, I have not reported it again. Your reference is ${reference}. ${visit} To check, move or cancel a visit, choose "My appointments".`,
      );
      return step.endDialog();
    }
    await step.context.sendActivity('Sorry, I did not catch that.');
    return step.replaceDialog(DUPLICATE, step.options);
  }

  // --- summary and changes ---------------------------------------------------------------------------------------

  private summary(draft: ReportDraft): string {
    const { services } = this.deps;
    const subArea = services.subArea(draft.code);
    const category = services.lookups.categoryOf(subArea);
    const tenant = services.tenants.findByPropertyId(draft.propertyId);
    const address = tenant ? [tenant.address.line1, tenant.address.postcode].join(', ') : 'your home';
    const updates = [
      draft.contact.wantsTexts && draft.contact.mobile ? `texts to your mobile ${maskPhone(draft.contact.mobile)}` : '',
      draft.contact.email ? `e-mails to ${maskEmail(draft.contact.email)}` : '',
    ].filter(Boolean);
    return [
      'Please check your report:',
      `Repair: ${subArea.name} (${category.name})${draft.emergency ? ', as an emergency' : ''}`,
      `What is wrong: ${draft.description}`,
      `Address: ${address}`,
      `Updates: ${updates.length ? updates.join(' and ') : 'none, we will phone you if needed'}`,
      ...(draft.accessNotes ? [`Note for the operative: ${draft.accessNotes}`] : []),
    ].join('\n');
  }

  private reviewTitles(draft: ReportDraft): string[] {
    return [SEND, draft.accessNotes ? 'Change the note' : ADD_NOTE, CHANGE_REPAIR, CHANGE_DESCRIPTION];
  }

  private async showSummary(step: WaterfallStepContext) {
    const draft = step.options as ReportDraft;
    if (draft.editing === 'description') {
      return step.prompt(ANSWER_PROMPT, {
        prompt: `In a few words, what is wrong? (up to ${MAX_DESCRIPTION_LENGTH} characters)`,
      });
    }
    if (draft.editing === 'notes') {
      return step.prompt(ANSWER_PROMPT, {
        prompt: 'What should the operative know? For example: parking, a dog, which buzzer to press.',
      });
    }
    if (channelKind(step.context.activity.channelId) === 'card') {
      draft.offerId = newOfferId();
      return step.prompt(ANSWER_PROMPT, {
        prompt: choiceCard(this.summary(draft), draft.offerId, this.reviewTitles(draft)),
      });
    }
    return step.prompt(ANSWER_PROMPT, {
      prompt: renderChoices(step.context.activity.channelId, this.summary(draft), this.reviewTitles(draft)),
    });
  }

  private async takeReviewAnswer(step: WaterfallStepContext) {
    const draft = step.options as ReportDraft;
    if (isCardSubmit(step.context.activity)) {
      // A card submit counts only from the summary on screen, and only with one of its own answers.
      const submit = readCardSubmit(step.context.activity);
      const answer = submit?.action === 'choose' && submit.offerId === draft.offerId ? submit.choice : '';
      if (!draft.editing && this.reviewTitles(draft).includes(answer)) return this.reviewChoice(step, draft, answer);
      await step.context.sendActivity('Sorry, that button is from an earlier message. Here is your report again.');
      return step.replaceDialog(REVIEW, { ...draft, editing: undefined });
    }
    const answer = String(step.result ?? '').trim();
    if (draft.editing === 'description') {
      if (!answer || answer.length > MAX_DESCRIPTION_LENGTH) {
        await step.context.sendActivity(`Please keep it to ${MAX_DESCRIPTION_LENGTH} characters or fewer.`);
        return step.replaceDialog(REVIEW, draft);
      }
      return step.replaceDialog(REVIEW, { ...draft, editing: undefined, description: answer });
    }
    if (draft.editing === 'notes') {
      return step.replaceDialog(REVIEW, {
        ...draft,
        editing: undefined,
        accessNotes: answer.slice(0, MAX_ACCESS_NOTES_LENGTH) || undefined,
      });
    }
    return this.reviewChoice(step, draft, answer);
  }

  private async reviewChoice(step: WaterfallStepContext, draft: ReportDraft, answer: string) {
    switch (menuChoice(answer, this.reviewTitles(draft))) {
      case 0:
        return step.replaceDialog(SUBMIT, draft);
      case 1:
        return step.replaceDialog(REVIEW, { ...draft, editing: 'notes' });
      case 2:
        trackFunnel(step.context, this.deps.services, 'diagnosis-corrected', { at: 'review' });
        return step.beginDialog(DIAGNOSIS_DIALOG, { stage: 'category' } satisfies DiagnosisOptions);
      case 3:
        return step.replaceDialog(REVIEW, { ...draft, editing: 'description' });
      default:
        if (/^(y|yes|yeah|yep|ok|okay|send|correct|that'?s right)\b/i.test(answer)) {
          return step.replaceDialog(SUBMIT, draft);
        }
        await step.context.sendActivity('Sorry, I did not catch that. Please choose one of the options.');
        return step.replaceDialog(REVIEW, draft);
    }
  }

  private async afterRepairChanged(step: WaterfallStepContext) {
    const draft = step.options as ReportDraft;
    const diagnosis = step.result as DiagnosisResult | undefined;
    // The new repair is one the bot cannot raise: it went to the repairs team, and this report ends unsent.
    if (wasHandedOff(diagnosis)) return step.endDialog();
    if (!diagnosis) return step.replaceDialog(REVIEW, draft);
    const subArea = this.deps.services.subArea(diagnosis.code);
    return step.replaceDialog(REVIEW, {
      ...draft,
      code: diagnosis.code,
      description: diagnosis.description,
      emergency: draft.emergency || subArea.priority === this.deps.services.emergencyPriorityId(),
    });
  }

  // --- sending ---------------------------------------------------------------------------------------------------

  private reportOf(step: WaterfallStepContext, draft: ReportDraft): RepairReport {
    const tenant = this.deps.services.tenants.findByPropertyId(draft.propertyId);
    if (!tenant) throw new Error('The verified property is no longer in the tenant directory');
    return {
      orderNumber: draft.orderNumber as string,
      tenant,
      code: draft.code,
      description: draft.description,
      accessNotes: draft.accessNotes,
      contact: draft.contact,
      emergency: draft.emergency,
      conversationId: step.context.activity.conversation.id,
      raisedAt: this.deps.services.clock.now(),
    };
  }

  private async send(step: WaterfallStepContext) {
    // A changed repair type comes back here from the diagnosis dialog.
    const draft = step.options as ReportDraft;
    const { services } = this.deps;
    const mayAlreadyExist = Boolean(draft.sendAttempted) || isRerun(step.context);
    draft.orderNumber ??= services.newOrderNumber();
    draft.sendAttempted = true;
    // The number and the attempt are stored before Connect is called: after a crash or a retried message the
    // next attempt looks the number up instead of raising the repair twice.
    await this.deps.saveState(step.context);
    const outcome = await services.placeOrder(this.reportOf(step, draft), { mayAlreadyExist });
    const reference = formatReference(draft.orderNumber) ?? draft.orderNumber;

    if (outcome.kind === 'unavailable') {
      // Connect is down, slow or refused by the breaker: the report goes to the durable outbox rather than asking
      // the tenant to keep trying. The same order number goes with it, so the outbox looks it up before sending.
      await services.keepForLater(this.reportOf(step, draft), {
        channelId: step.context.activity.channelId,
        conversation: TurnContext.getConversationReference(step.context.activity),
      });
      trackFunnel(step.context, services, 'order-kept', { code: draft.code, emergency: draft.emergency });
      await step.context.sendActivity(savedForLater(reference, draft.emergency, services.phones));
      return step.endDialog();
    }
    if (outcome.kind === 'refused') {
      await step.context.sendActivity(
        `Sorry, our repairs system could not accept this report. Please call us on ${services.phones.repairs} and quote ${reference}.`,
      );
      return step.endDialog();
    }
    await services.orders.record({
      orderNumber: draft.orderNumber,
      propertyId: draft.propertyId,
      code: draft.code,
      raisedAt: services.clock.now().toISOString(),
      status: 'open',
      channelId: step.context.activity.channelId,
      conversation: TurnContext.getConversationReference(step.context.activity),
    });
    trackFunnel(step.context, services, 'order-created', { code: draft.code, emergency: draft.emergency });
    await step.context.sendActivity(`Your repair is logged. Your reference is ${reference}.`);
    const subArea = services.subArea(draft.code);
    if (subArea.contractor.type === 'External') {
      const handOff = await services.handOff(draft.orderNumber, subArea.contractor.supplierExternalId);
      trackFunnel(step.context, services, 'contractor-order', { told: handOff.kind === 'handed-off' });
      if (handOff.kind === 'handed-off') {
        await services.orders.update(draft.orderNumber, { supplierExternalId: subArea.contractor.supplierExternalId });
      }
      await step.context.sendActivity(
        handOff.kind === 'handed-off'
          ? `This repair is done by ${handOff.supplierName}. They will contact you to arrange a visit.`
          : `This repair is done by one of our contractors. Our repairs team will pass it on and the contractor will contact you.`,
      );
      return step.endDialog();
    }
    return step.beginDialog(BOOK_VISIT_DIALOG, {
      orderNumber: draft.orderNumber,
      emergency: draft.emergency,
      accessNotes: draft.accessNotes,
      latestDate: draft.emergency ? services.emergencyTargetDate() : undefined,
    } satisfies BookVisitOptions);
  }

  private async afterSend(step: WaterfallStepContext) {
    const draft = step.options as ReportDraft;
    if (typeof step.result === 'string') {
      // The answer to "try again", which earlier versions asked when Connect was down (a conversation stored then
      // may still be waiting on it): send once more (the order number is looked up first).
      return step.replaceDialog(SUBMIT, draft);
    }
    return step.next(step.result);
  }

  private async finish(step: WaterfallStepContext) {
    const draft = step.options as ReportDraft;
    const result = step.result as BookVisitResult | undefined;
    if (result?.booked && draft.orderNumber) {
      await this.deps.services.orders.update(draft.orderNumber, {
        visit: { visitExternalId: result.visitExternalId, slot: result.slot, description: result.description },
      });
    }
    if (result?.booked === false && draft.emergency) {
      await step.context.sendActivity(
        `Because this is an emergency, please also call our emergency repairs line on ${this.deps.services.phones.emergency} so we can make it safe.`,
      );
    }
    return step.endDialog();
  }
}
