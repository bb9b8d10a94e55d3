import { isClausePunctuation } from './tokenLine';

const wordSet = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/**
 * When a "not" governs a trigger ("no smell of gas", "it's not sparking", "there isn't any gas smell"), the trigger is
 * not an emergency. The rules are deliberately narrow — a match is only cancelled when the negation plainly applies
 * to it — because a missed emergency costs far more than a question too many.
 */

/** Words that negate what follows. "can't" and "won't" are absent on purpose: "can't stop the water" is the emergency. */
export const NEGATORS: ReadonlySet<string> = wordSet(`
  no not isn't aren't wasn't weren't don't doesn't didn't haven't hasn't hadn't never without none nothing
  neither nor
`);

/** A negator followed by one of these is doubt, not denial: "not sure", "don't know", "no idea", "not just". */
export const HEDGES: ReadonlySet<string> = wordSet(`
  sure certain know knowing think idea clue long just only positive convinced
`);

/** "No" followed by these is an answer ("no, the water…", "no it's pouring"), not a determiner ("no smell"). */
const INTERJECTION_FOLLOWERS: ReadonlySet<string> = wordSet(`
  the it its 's i 'm there we they my our this that a an but and please sorry still really honestly you he she
  mate thanks now
`);

/**
 * Words that may stand between a negator and the trigger it governs: "isn't any gas smell", "no sign of a leak",
 * "haven't noticed any sparking". Any other word in between ("not at home, water pouring…") ends the negation.
 */
export const NEGATION_FILLERS: ReadonlySet<string> = wordSet(`
  a an the any anything some sign signs of evidence really actually even ever currently now there 's is it are
  was been be being got have has had noticed notice seen see seeing smelt smelled heard detected obvious visible
  longer more much too very that this such like kind sort strong real at all bad big major serious my our from
  in i we you 've can could
`);

const NEGATION_REACH = 5;

function negates(tokens: readonly string[], index: number): boolean {
  const word = tokens[index]!;
  if (!NEGATORS.has(word)) return false;
  const next = tokens[index + 1];
  if (next !== undefined && HEDGES.has(next)) return false;
  if (word === 'no' && next !== undefined && (INTERJECTION_FOLLOWERS.has(next) || isClausePunctuation(next)))
    return false;
  return true;
}

/**
 * Is the trigger starting at token `start` governed by a negator just before it, in the same clause? Only filler
 * words may stand between, except across "or"/"nor", which carry the negation over a listed item: in "no sparks or
 * burning smell" the "no" governs "burning smell" too.
 */
export function isNegatedBefore(tokens: readonly string[], start: number): boolean {
  let reach = NEGATION_REACH;
  let coordinated = false;
  for (let i = start - 1, seen = 1; i >= 0 && seen <= reach; i--, seen++) {
    const word = tokens[i]!;
    if (negates(tokens, i)) return true;
    if (word === 'or' || word === 'nor') {
      coordinated = true;
      reach = seen + NEGATION_REACH;
    } else if (isClausePunctuation(word) || (!coordinated && !NEGATION_FILLERS.has(word))) {
      return false;
    }
  }
  return false;
}

/** Does a gap inside a match hold a negator ("the boiler isn't dead", "water not coming through the ceiling")? */
export function isNegatedWithin(tokens: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (negates(tokens, i)) return true;
  return false;
}
