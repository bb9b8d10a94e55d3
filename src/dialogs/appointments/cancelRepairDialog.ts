import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from '../botbuilderDialogs';
import {
  CANCEL_REASONS,
  type CancelReason,
  cancellationFor,
  cancelRepair,
  type HomeAppointments,
  isCancelWordsValid,
  MAX_CANCEL_WORDS_LENGTH,
  OTHER_REASON,
  type RepairSummary,
} from '../../repairs/appointments';
import { type DialogDeps } from '../dialogDeps';
import { InterruptibleDialog } from '../interruptibleDialog';
import { stepValues } from '../stepValues';
import { repairTitle } from './appointmentWords';
import { askToChoose, chosenIndex, type Menu, MenuPrompt, menuOfNamed } from './menuPrompt';
import { trackFunnel } from '../funnel';

export const CANCEL_REPAIR_DIALOG = 'appointments.cancelRepair';
const CHOICE_PROMPT = 'appointments.cancelRepair.choice';
const WORDS_PROMPT = 'appointments.cancelRepair.words';
const STEPS = 'appointments.cancelRepair.steps';

const SURE: Menu = {
  titles: ['Yes, cancel it', 'No, keep it'],
  also: [
    ['yes', 'y', 'yes please', 'yeah', 'yep', 'ok', 'okay', 'cancel it', 'cancel'],
    ['no', 'n', 'no thanks', 'nope', 'keep it', 'keep'],
  ],
};
const REASONS: Menu = { titles: CANCEL_REASONS };
const repairMenu = (repairs: readonly RepairSummary[]) => menuOfNamed(repairs, repairTitle, (r) => r.what);

export interface CancelRepairOptions {
  home: HomeAppointments;
}

interface Values {
  repair: RepairSummary;
  reason: CancelReason;
  words: string;
}

/** 'Bath leaking (reference RB 261201 7KQ4 MZ8P)' */
const named = (repair: RepairSummary) => `${repair.what} (reference ${repair.reference})`;

/**
 * Cancels one repair: which one (when there are several), why (with the tenant's own words for "Other"), "Are you
 * sure?", then SalesOrder PATCH with OrderStatus 11. Saying no sends nothing.
 */
export class CancelRepairDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(CANCEL_REPAIR_DIALOG, deps);
    this.addDialog(new MenuPrompt(CHOICE_PROMPT))
      .addDialog(new TextPrompt(WORDS_PROMPT, async (prompt) => isCancelWordsValid(prompt.recognized.value ?? '')))
      .addDialog(
        new WaterfallDialog(STEPS, [
          this.pickRepair.bind(this),
          this.askReason.bind(this),
          this.askWords.bind(this),
          this.askSure.bind(this),
          this.cancel.bind(this),
        ]),
      );
    this.initialDialogId = STEPS;
  }

  private async pickRepair(step: WaterfallStepContext) {
    const repairs = (step.options as CancelRepairOptions).home.cancellable;
    if (repairs.length === 0) {
      await step.context.sendActivity(
        `There is no repair here that I can cancel online. Please call us on ${this.deps.services.phones.repairs}.`,
      );
      return step.endDialog();
    }
    if (repairs.length === 1) return step.next();
    return askToChoose(step, CHOICE_PROMPT, 'Which repair do you want to cancel?', repairMenu(repairs));
  }

  private async askReason(step: WaterfallStepContext) {
    const repairs = (step.options as CancelRepairOptions).home.cancellable;
    const repair = repairs.length === 1 ? repairs[0]! : repairs[chosenIndex(step, repairMenu(repairs)) ?? 0]!;
    stepValues<Values>(step).repair = repair;
    return askToChoose(step, CHOICE_PROMPT, `Why do you want to cancel ${named(repair)}?`, REASONS);
  }

  private async askWords(step: WaterfallStepContext) {
    const reason = CANCEL_REASONS[chosenIndex(step, REASONS) ?? 0]!;
    stepValues<Values>(step).reason = reason;
    if (reason !== OTHER_REASON) return step.next();
    return step.prompt(WORDS_PROMPT, {
      prompt: 'Please tell me why, in a few words.',
      retryPrompt: `Please tell me why in ${MAX_CANCEL_WORDS_LENGTH} characters or fewer.`,
    });
  }

  private async askSure(step: WaterfallStepContext) {
    const values = stepValues<Values>(step);
    if (typeof step.result === 'string') values.words = step.result.trim();
    const repair = values.repair!;
    const visits = repair.visits.length > 0 ? ` We will not come on ${repair.visits.join(' or ')}.` : '';
    return askToChoose(step, CHOICE_PROMPT, `Are you sure you want to cancel ${named(repair)}?${visits}`, SURE);
  }

  private async cancel(step: WaterfallStepContext) {
    const { repair, reason, words } = stepValues<Values>(step) as Values;
    const { services } = this.deps;
    if (chosenIndex(step, SURE) !== 0) {
      const still = repair.visits[0]
        ? `Your visit is still booked: ${repair.visits[0]}.`
        : 'Your repair is still open.';
      await step.context.sendActivity(`OK, I have not cancelled anything. ${still}`);
      return step.endDialog();
    }
    const outcome = await cancelRepair(services, repair.orderNumber, cancellationFor(reason, words));
    switch (outcome.kind) {
      case 'cancelled':
        trackFunnel(step.context, services, 'cancelled');
        await step.context.sendActivity(
          `Cancelled: ${named(repair)}.${repair.visits.length > 0 ? ' Nobody will come for it.' : ''} If you need it after all, just report it again.`,
        );
        break;
      case 'refused':
        await step.context.sendActivity(
          `Sorry, our repairs system would not cancel this repair. Please call us on ${services.phones.repairs} and quote ${repair.reference}.`,
        );
        break;
      case 'unavailable':
        await step.context.sendActivity(
          `Sorry, our repairs system is not answering just now, so nothing has been cancelled. Please try again later, or call us on ${services.phones.repairs} and quote ${repair.reference}.`,
        );
        break;
    }
    return step.endDialog();
  }
}
