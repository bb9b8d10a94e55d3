import {
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
  type PromptValidatorContext,
} from './botbuilderDialogs';
import { MAX_DESCRIPTION_LENGTH } from '../repairs/reporting/repairReport';
import { type DialogDeps } from './dialogDeps';
import { type LearningRef } from '../repairs/learning';
import { DIAGNOSIS_DIALOG, HAND_OFF_DIALOG } from './dialogIds';
import { HandOffDialog, type HandOffOptions } from './handOffDialog';
import { InterruptibleDialog } from './interruptibleDialog';
import { menuChoice } from './render/menuChoice';
import { renderChoices } from './render/renderChoices';
import { stepValues } from './stepValues';
import { trackFunnel } from './funnel';

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
  /** Failed attempts so far in this diagnosis: answers not understood, "None of these", "Something else". */
  failures?: number;
  /** The poorly understood message kept for `repairs-bot review`, to record what the tenant finally chose. */
  learning?: LearningRef;
}

/** The diagnosis ended by passing the request to the repairs team: there is no repair type to report. */
export interface HandedOff {
  handedOff: true;
}

export function wasHandedOff(result: unknown): result is HandedOff {
  return typeof result === 'object' && result !== null && (result as HandedOff).handedOff === true;
}

/** The repair type (catalogue code) and the tenant's description of it. */
export interface DiagnosisResult {
  code: string;
  description: string;
}

const NONE_OF_THESE = 'None of these';
const SOMETHING_ELSE = 'Something else';

/** After this many failed attempts to find the repair type, the repair is handed to the repairs team. */
export const MAX_DIAGNOSIS_FAILURES = 2;

/**
 * Finds the repair type: from the tenant's words when they gave some ("Is it one of these?"), else two menus,
 * category then type. Asks for a short description when the tenant has not given one.
 *
 * When it cannot, the repair goes to the repairs team by e-mail (HandOffDialog), with the tenant's words if any,
 * and the dialog ends with no repair type. A failed attempt is an answer not understood, "None of these" under
 * the guesses, or "Something else" under a category's repair types. "Something else" as the first failure is
 * 'not-in-catalogue'; the second failure of any kind is 'diagnosis-failed' (e.g. "None of these" then "Something
 * else", or two answers not understood).
 */
export class DiagnosisDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(DIAGNOSIS_DIALOG, deps);
    this.addDialog(new TextPrompt(ANSWER_PROMPT))
      .addDialog(new HandOffDialog(deps))
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
        trackFunnel(step.context, services, 'diagnosis-proposed', { match: 'one' });
        stepValues<{ code: string }>(step).code = decision.match.code;
        return step.next(decision.match.code);
      }
      // Not understood at once: keep the (redacted) words, so staff can see what tenants say and add synonyms.
      const offered = decision.kind === 'few' ? decision.matches.map((m) => m.code) : [];
      const learning =
        options.learning ??
        (await services.learning.recordUnclear({ text: options.text, decision: decision.kind, offered }));
      if (decision.kind === 'few') {
        trackFunnel(step.context, services, 'diagnosis-proposed', { match: 'few' });
        return step.replaceDialog(STEPS, { ...options, stage: 'few', candidates: offered, learning });
      }
      return step.replaceDialog(STEPS, { ...options, stage: 'category', learning });
    }
    if (options.stage === 'few') {
      const titles = [...(options.candidates ?? []).map((code) => services.subArea(code).name), NONE_OF_THESE];
      return step.prompt(ANSWER_PROMPT, { prompt: renderChoices(channelId, 'Is it one of these?', titles) });
    }
    if (options.stage === 'subArea') {
      const category = services.catalogue.categories.find((c) => c.id === options.categoryId);
      const titles = [...(category?.subAreas ?? []).map((s) => s.name), SOMETHING_ELSE];
      trackFunnel(step.context, services, 'diagnosis-proposed', { match: 'menu' });
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
      if (index >= candidates.length) {
        trackFunnel(step.context, services, 'diagnosis-corrected', { at: 'guesses' });
        const failures = (options.failures ?? 0) + 1;
        if (failures >= MAX_DIAGNOSIS_FAILURES) return this.handOff(step, 'diagnosis-failed', options);
        return step.replaceDialog(STEPS, { ...options, stage: 'category', failures });
      }
      stepValues<{ code: string }>(step).code = candidates[index];
      return step.next();
    }
    if (options.stage === 'subArea') {
      const category = services.catalogue.categories.find((c) => c.id === options.categoryId);
      const subAreas = category?.subAreas ?? [];
      const index = menuChoice(answer, [...subAreas.map((s) => s.name), SOMETHING_ELSE]);
      if (index === undefined) return this.notUnderstood(step, options);
      if (index >= subAreas.length) {
        const failures = (options.failures ?? 0) + 1;
        return this.handOff(
          step,
          failures >= MAX_DIAGNOSIS_FAILURES ? 'diagnosis-failed' : 'not-in-catalogue',
          options,
        );
      }
      stepValues<{ code: string }>(step).code = subAreas[index]?.code;
      return step.next();
    }
    const categories = services.catalogue.categories;
    const index = menuChoice(answer, this.categoryTitles());
    if (index !== undefined)
      return step.replaceDialog(STEPS, { ...options, stage: 'subArea', categoryId: categories[index]?.id });
    // Typed words instead of choosing: try them as a description.
    if (services.matcher.decide(answer).kind !== 'none') {
      return step.replaceDialog(STEPS, { text: answer, failures: options.failures, learning: options.learning });
    }
    return this.notUnderstood(step, options);
  }

  private async notUnderstood(step: WaterfallStepContext, options: DiagnosisOptions) {
    const failures = (options.failures ?? 0) + 1;
    if (failures >= MAX_DIAGNOSIS_FAILURES) return this.handOff(step, 'diagnosis-failed', options);
    await step.context.sendActivity('Sorry, I did not understand. Please choose one of the options.');
    return step.replaceDialog(STEPS, { ...options, failures });
  }

  /** The repairs team takes it from here; the next step ends the diagnosis with no repair type. */
  private async handOff(step: WaterfallStepContext, reason: HandOffOptions['reason'], options: DiagnosisOptions) {
    stepValues<{ handedOff: boolean }>(step).handedOff = true;
    await this.deps.services.learning.recordResolution(options.learning, { chosen: null, outcome: 'handed-off' });
    return step.beginDialog(HAND_OFF_DIALOG, { reason, text: options.text } satisfies HandOffOptions);
  }

  private async describe(step: WaterfallStepContext) {
    if (stepValues<{ handedOff: boolean }>(step).handedOff)
      return step.endDialog({ handedOff: true } satisfies HandedOff);
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
    const { learning } = step.options as DiagnosisOptions;
    await this.deps.services.learning.recordResolution(learning, { chosen: code, outcome: 'chosen' });
    trackFunnel(step.context, this.deps.services, 'diagnosis-accepted', { code });
    return step.endDialog({ code, description: String(step.result).trim() } satisfies DiagnosisResult);
  }
}

function isShortDescription(prompt: PromptValidatorContext<string>): boolean {
  const text = prompt.recognized.value?.trim() ?? '';
  return text.length > 0 && text.length <= MAX_DESCRIPTION_LENGTH;
}
