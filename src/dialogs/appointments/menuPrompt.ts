import { type PromptValidatorContext, TextPrompt, type WaterfallStepContext } from '../botbuilderDialogs';
import { menuChoice } from '../render/menuChoice';
import { renderChoices } from '../render/renderChoices';

/** Choices to offer, and other answers that pick them: `also[i]` are words that also mean `titles[i]` ("yes"). */
export interface Menu {
  titles: readonly string[];
  also?: readonly (readonly string[])[];
}

const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();

/** The index of the choice the answer picks: a title (button, number, words), or one of its other answers. */
export function pickFrom(text: string | undefined, menu: Menu): number | undefined {
  const byTitle = menuChoice(text, menu.titles);
  if (byTitle !== undefined) return byTitle;
  const said = plain(text ?? '');
  const index = (menu.also ?? []).findIndex((words) => said !== '' && words.some((word) => plain(word) === said));
  return index >= 0 ? index : undefined;
}

/**
 * A question with choices, rendered for the channel (buttons, a card, or a numbered list on SMS), that asks again
 * until the answer picks one of them.
 */
export class MenuPrompt extends TextPrompt {
  constructor(id: string) {
    super(id, async (prompt: PromptValidatorContext<string>) => {
      return pickFrom(prompt.recognized.value, prompt.options.validations as Menu) !== undefined;
    });
  }
}

export function askToChoose(step: WaterfallStepContext, promptId: string, text: string, menu: Menu) {
  const channelId = step.context.activity.channelId;
  return step.prompt(promptId, {
    prompt: renderChoices(channelId, text, menu.titles),
    retryPrompt: renderChoices(channelId, `Sorry, I did not understand. ${text}`, menu.titles),
    validations: menu,
  });
}

/** The index of the choice the prompt's answer picked (the prompt has made sure there is one). */
export function chosenIndex(step: WaterfallStepContext, menu: Menu): number | undefined {
  return pickFrom(String(step.result ?? ''), menu);
}

/** A list of things as a menu whose names alone also pick them, where a name is not shared. */
export function menuOfNamed<T>(items: readonly T[], title: (item: T) => string, name: (item: T) => string): Menu {
  const names = items.map(name);
  return {
    titles: items.map(title),
    also: names.map((n) => (names.filter((other) => plain(other) === plain(n)).length === 1 ? [n] : [])),
  };
}
