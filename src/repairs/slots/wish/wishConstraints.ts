import { type IsoDate } from '../../time/calendarDate';
import { type PlanningWindow } from '../slotTypes';
import { meaningOf } from './timexMeaning';
import { type RecognisedPhrase } from './wishParser';
import { type TimeWish, type WishConstraints, type WishPart } from './wishTypes';

/**
 * The third stage: from recognised phrases to what the tenant wants and does not want.
 *
 * Windows named in the text ('school run', 'all day') are wishes too: the recognizer knows nothing of Connect's
 * window names, and "all day" to it is a length of time.
 *
 * A phrase is unwanted when a word of refusal comes before it ("not Monday", "can't do Thursday", "any day but
 * Monday", "no mornings") or after it ("Monday is no good"); a refusal carries over a list ("not Monday or
 * Tuesday"). 'no' and 'except' refuse only what directly follows them, and 'but' only after "any day",
 * "anything" and the like, so "Monday, but in the afternoon" still wants the afternoon.
 */
const REFUSAL_ANYWHERE =
  /\b(?:not|can'?t|cannot|can not|couldn'?t|won'?t|isn'?t|avoid|never|busy|away|working|at work|unavailable)\b/;
const REFUSAL_DIRECTLY_BEFORE =
  /\b(?:(?:any ?(?:day|time|thing)|whenever|every ?day|all) but|no|except|excluding|apart from|other than|besides)(?:\s+(?:on|the|a|any))*\s*$/;
const REFUSAL_AFTER =
  /^\s*(?:is|are|'s)?\s*(?:no good|not good|not possible|bad|out|a no|doesn'?t (?:work|suit)|won'?t (?:work|do)|not for me)\b/;
const LIST_JOINER = /^\s*(?:,|or|and|nor|\/|&|\s)*\s*(?:on\s+)?(?:the\s+)?$/;

interface FoundPhrase {
  start: number;
  /** Exclusive. */
  end: number;
  part: WishPart;
}

function windowNamePhrases(text: string, windows: readonly PlanningWindow[]): FoundPhrase[] {
  const found: FoundPhrase[] = [];
  for (const window of windows) {
    const name = window.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (name === '') continue;
    // 'afternoons', 'mornings': a window's name in the plural is the same window.
    const pattern = new RegExp(`\\b${name.replace(/ /g, '[\\s-]+')}s?\\b`, 'g');
    for (const match of text.matchAll(pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length, part: { windowId: window.id } });
    }
  }
  return found;
}

function overlaps(a: FoundPhrase, b: FoundPhrase): boolean {
  return a.start < b.end && b.start < a.end;
}

/** What a part is about: days, times or a named window. A refusal carries over a list of the same kind only. */
const kindOf = (part: WishPart): string =>
  part.day ? 'day' : part.time ? 'time' : part.windowId !== undefined ? 'window' : 'none';

/** Only white space between two phrases: they describe one thing ('Monday morning before 10'). */
const ADJACENT = /^\s*$/;

/**
 * Two times said one after the other narrow each other: 'morning before 10am' is 8–10, not the morning or before
 * 10. Null when they cannot be narrowed (a moment, or spans that do not meet).
 */
function narrowed(a: TimeWish, b: TimeWish): TimeWish | null {
  if (a.kind !== 'span' || b.kind !== 'span') return null;
  const from = Math.max(a.from, b.from);
  const until = Math.min(a.until, b.until);
  return from < until ? { kind: 'span', from, until } : null;
}

export function wishConstraints(
  text: string,
  phrases: readonly RecognisedPhrase[],
  windows: readonly PlanningWindow[],
  today: IsoDate,
): WishConstraints {
  const recognised = phrases.flatMap((phrase): FoundPhrase[] => {
    const part = meaningOf(phrase, today);
    return part ? [{ start: phrase.start, end: phrase.end + 1, part }] : [];
  });
  // A window name inside a phrase already understood ('morning' in 'tomorrow morning') adds nothing.
  const named = windowNamePhrases(text, windows).filter((name) => !recognised.some((phrase) => overlaps(name, phrase)));
  const all = [...recognised, ...named].sort((a, b) => a.start - b.start);

  const wish: WishConstraints = { wanted: [], unwanted: [] };
  let previous: { part: WishPart; refused: boolean } | undefined;
  all.forEach((phrase, index) => {
    const before = text.slice(index === 0 ? 0 : (all[index - 1]?.end ?? 0), phrase.start);
    const after = text.slice(phrase.end, all[index + 1]?.start ?? text.length);
    const carried = previous?.refused === true && kindOf(previous.part) === kindOf(phrase.part);
    const refused =
      REFUSAL_ANYWHERE.test(before) ||
      REFUSAL_DIRECTLY_BEFORE.test(before) ||
      REFUSAL_AFTER.test(after) ||
      (carried && LIST_JOINER.test(before));
    const time = phrase.part.time;
    const last = previous?.part;
    if (
      !refused &&
      previous?.refused === false &&
      last?.time &&
      time &&
      !phrase.part.day &&
      phrase.part.windowId === undefined &&
      ADJACENT.test(before)
    ) {
      const both = narrowed(last.time, time);
      if (both) {
        last.time = both;
        return;
      }
    }
    const part = { ...phrase.part };
    (refused ? wish.unwanted : wish.wanted).push(part);
    previous = { part, refused };
  });
  return wish;
}
