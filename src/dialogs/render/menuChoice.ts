import { recognizeChoices } from '../botbuilderDialogs';

/** Words that may come with a number or an ordinal when it is the whole answer: "number 2", "the second one". */
const PICK_WORDS = new Set(['the', 'number', 'no', 'option', 'choice', 'one', 'please', 'thanks', 'ok', 'okay']);

/** True when the answer is only the number or ordinal `found` (and pick words), not a sentence that holds one. */
function isWholeAnswer(text: string, found: string): boolean {
  const lower = text.toLowerCase();
  const at = lower.indexOf(found.toLowerCase());
  if (at < 0) return false;
  const rest = `${lower.slice(0, at)} ${lower.slice(at + found.length)}`;
  return rest
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .every((word) => PICK_WORDS.has(word));
}

/**
 * Which of the offered titles the tenant meant: the button they pressed (its title comes back as text), the
 * number of a line on SMS, "the second one", or enough of the words. Undefined when nothing fits. A number inside
 * a sentence ("there are 3 mice in my kitchen") is not a pick of line 3.
 */
export function menuChoice(text: string | undefined, titles: readonly string[]): number | undefined {
  if (!text?.trim()) return undefined;
  const exact = titles.findIndex((title) => title.toLowerCase() === text.trim().toLowerCase());
  if (exact >= 0) return exact;
  const byWords = recognizeChoices(text, [...titles], { recognizeNumbers: false, recognizeOrdinals: false });
  // A bare number (the commonest answer on SMS, and to a list of slots) needs no number recogniser, which costs a
  // fraction of a millisecond a call: line n of the list, if there is one.
  if (!byWords.length && /^\s*\d{1,3}\s*$/.test(text)) {
    const line = Number(text);
    return line >= 1 && line <= titles.length ? line - 1 : undefined;
  }
  const found = byWords.length
    ? byWords
    : recognizeChoices(text, [...titles], { recognizeNumbers: true, recognizeOrdinals: true }).filter((match) =>
        isWholeAnswer(text, match.text),
      );
  const best = found.sort((a, b) => b.resolution.score - a.resolution.score)[0];
  return best?.resolution.index;
}
