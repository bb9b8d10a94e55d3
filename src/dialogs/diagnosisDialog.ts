import {
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
  type PromptValidatorContext,
} from 'botbuilder-dialogs';
import { MAX_DESCRIPTION_LENGTH } from '../repairs/reporting/repairReport';
import { type DialogDeps } from './dialogDeps';
import { DIAGNOSIS_DIALOG } from './dialogIds';
import { InterruptibleDialog } from './interruptibleDialog';
import { menuChoice } from './render/menuChoice';
import { renderChoices } from './render/renderChoices';
import { stepValues } from './stepValues';

const ANSWER_PROMPT = 'diagnosis.answer';
const DESCRIPTION_PROMPT = 'diagnosis.description';
const STEPS = 'diagnosis.steps';

export interface DiagnosisOptions {
  /** The tenant's own words, when they started with a description. */
  text?: string;
  /** Which menu the last answer was to. */
  stage?: 'few' | 'category' | 'subArea';
  categoryId?: string;
  candidates?: string[];
}

/** The repair type (catalogue code) and the tenant's description of it. */
export interface DiagnosisResult {
  code: string;
  description: string;
}

const NONE_OF_THESE = 'None of these';
const SOMETHING_ELSE = 'Something else';

/**
 * Finds the repair type: from the tenant's words when they gave some ("Is it one of these?"), else two menus,
 * category then type. Asks for a short description when the tenant has not given one.
 */
export class DiagnosisDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(DIAGNOSIS_DIALOG, deps);
    this.addDialog(new TextPrompt(ANSWER_PROMPT))
      .addDialog(new TextPrompt(DESCRIPTION_PROMPT, async (p) => isShortDescription(p)))
      .addDialog(
        new WaterfallDialog(STEPS, [
          this.ask.bind(this),
          this.take.bind(this),
          this.describe.bind(this),
          this.done.bind(this),
        ]),
      );
    this.initialDialogId = STEPS;
  }

  private categoryTitles(): string[] {
    return this.deps.services.catalogue.categories.map((c) => c.name);
  }

  private async ask(step: WaterfallStepContext) {
    const options = step.options as DiagnosisOptions;
    const channelId = step.context.activity.channelId;
    const { services } = this.deps;

    if (options.stage === undefined && options.text) {
      const decision = services.matcher.decide(options.text);
      if (decision.kind === 'one') {
        stepValues<{ code: string }>(step).code = decision.match.code;
        return step.next(decision.match.code);
      }
      if (decision.kind === 'few') {
        const candidates = decision.matches.map((m) => m.code);
        return step.replaceDialog(STEPS, { ...options, stage: 'few', candidates });
      }
      return step.replaceDialog(STEPS, { ...options, stage: 'category' });
    }
    if (options.stage === 'few') {
      const titles = [...(options.candidates ?? []).map((code) => services.subArea(code).name), NONE_OF_THESE];
      return step.prompt(ANSWER_PROMPT, { prompt: renderChoices(channelId, 'Is it one of these?', titles) });
    }
    if (options.stage === 'subArea') {
      const category = services.catalogue.categories.find((c) => c.id === options.categoryId);
      const titles = [...(category?.subAreas ?? []).map((s) => s.name), SOMETHING_ELSE];
      return step.prompt(ANSWER_PROMPT, { prompt: renderChoices(channelId, 'Which of these is it?', titles) });
    }
    return step.prompt(ANSWER_PROMPT, {
      prompt: renderChoices(channelId, 'What needs repairing? Choose the closest.', this.categoryTitles()),
    });
  }

  private async take(step: WaterfallStepContext) {
    const options = step.options as DiagnosisOptions;
    const { services } = this.deps;
    if (stepValues<{ code: string }>(step).code) return step.next();
    const answer = String(step.result ?? '');

    if (options.stage === 'few') {
      const candidates = options.candidates ?? [];
      const index = menuChoice(answer, [...candidates.map((code) => services.subArea(code).name), NONE_OF_THESE]);
      if (index === undefined) return this.notUnderstood(step, options);
      if (index >= candidates.length) return step.replaceDialog(STEPS, { ...options, stage: 'category' });
      stepValues<{ code: string }>(step).code = candidates[index];
      return step.next();
    }
    if (options.stage === 'subArea') {
      const category = services.catalogue.categories.find((c) => c.id === options.categoryId);
      const subAreas = category?.subAreas ?? [];
      const index = menuChoice(answer, [...subAreas.map((s) => s.name), SOMETHING_ELSE]);
      if (index === undefined) return this.notUnderstood(step, options);
      if (index >= subAreas.length) {
        await step.context.sendActivity(
          `I cannot book that kind of repair here. Please call us on ${services.phones.repairs} and we will help.`,
        );
        return step.endDialog();
      }
      stepValues<{ code: string }>(step).code = subAreas[index]?.code;
      return step.next();
    }
    const categories = services.catalogue.categories;
    const index = menuChoice(answer, this.categoryTitles());
    if (index !== undefined)
      return step.replaceDialog(STEPS, { ...options, stage: 'subArea', categoryId: categories[index]?.id });
    // Typed words instead of choosing: try them as a description.
    if (services.matcher.decide(answer).kind !== 'none') return step.replaceDialog(STEPS, { text: answer });
    return this.notUnderstood(step, options);
  }

  private async notUnderstood(step: WaterfallStepContext, options: DiagnosisOptions) {
    await step.context.sendActivity('Sorry, I did not understand. Please choose one of the options.');
    return step.replaceDialog(STEPS, options);
  }

  private async describe(step: WaterfallStepContext) {
    const options = step.options as DiagnosisOptions;
    if (options.text && options.text.trim().length <= MAX_DESCRIPTION_LENGTH) return step.next(options.text.trim());
    return step.prompt(DESCRIPTION_PROMPT, {
      prompt: options.text
        ? `Please describe the repair in a shorter way (up to ${MAX_DESCRIPTION_LENGTH} characters).`
        : 'In a few words, what is wrong? For example: "water dripping from the bath panel".',
      retryPrompt: `Please keep it to ${MAX_DESCRIPTION_LENGTH} characters or fewer.`,
    });
  }

  private async done(step: WaterfallStepContext) {
    const code = stepValues<{ code: string }>(step).code as string;
    return step.endDialog({ code, description: String(step.result).trim() } satisfies DiagnosisResult);
  }
}

function isShortDescription(prompt: PromptValidatorContext<string>): boolean {
  const text = prompt.recognized.value?.trim() ?? '';
  return text.length > 0 && text.length <= MAX_DESCRIPTION_LENGTH;
}
