/**
 * The little language the emergency lexicon is written in, so staff can add a phrasing without writing a regular
 * expression. A phrase is a list of elements separated by spaces:
 *
 *   word          that whole word                        "smell"
 *   a|b|c         any one of these words                 "smell|smells|whiff"
 *   stem*         any word starting with the stem        "flood*" (flood, flooded, flooding)
 *   word?         the element may be absent              "the?"   "no|not?"
 *   ..  ..N       up to 3 (or N) words in between, never across punctuation
 *   $             end of the clause (punctuation or end of message)
 *
 * Punctuation marks such as "," may be listed as words ("heating ,|and|or hot water").
 */

export interface PhrasePattern {
  /** The phrase as written in the lexicon, for messages and debugging. */
  source: string;
  /** Global regular expression (with match indices) over a token line (see `tokenLine.ts`); each gap is a capture group. */
  regex: RegExp;
}

const DEFAULT_GAP = 3;
/** "'s", "'re"… after a word may always be skipped: "water's pouring" reads as "water pouring". */
const CLITICS = "(?:'(?:s|re|ve|ll|d|m) )*";
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wordAlternatives(element: string, source: string): string {
  const alternatives = element.split('|').map((alternative) => {
    if (alternative === '' || alternative === '*') throw new Error(`Empty word in emergency phrase "${source}"`);
    return alternative.endsWith('*') ? `${escape(alternative.slice(0, -1))}[a-z0-9']*` : escape(alternative);
  });
  return `(?:${alternatives.join('|')}) ${CLITICS}`;
}

/** Compiles one lexicon phrase; throws on a phrase that could never be meant (empty, or starting with a gap). */
export function compilePhrase(source: string): PhrasePattern {
  const elements = source.trim().split(/\s+/).filter(Boolean);
  if (elements.length === 0 || /^\.\./.test(elements[0]!) || elements[0] === '$') {
    throw new Error(`Emergency phrase "${source}" must start with a word`);
  }
  const parts = elements.map((element) => {
    const gap = /^\.\.(\d*)$/.exec(element);
    // Lazy, so that a word the phrase lists after the gap is matched as that word, not swallowed by the gap: in
    // "heating and|or ..1 no? hot water" the "no" of "no heating or no hot water" must not count as a gap negation.
    if (gap) return `((?:[a-z0-9'][^ ]* ){0,${gap[1] ? Number(gap[1]) : DEFAULT_GAP}}?)`;
    if (element === '$') return '(?=[.,;:!?]|$)';
    const optional = element.length > 1 && element.endsWith('?');
    const words = wordAlternatives(optional ? element.slice(0, -1) : element, source);
    return optional ? `(?:${words})?` : words;
  });
  return { source, regex: new RegExp(`(?<= )${parts.join('')}`, 'dg') };
}

/** Compiles a literal phrase (a catalogue trigger): every token stands for itself. */
export function compileLiteral(tokens: readonly string[], source: string): PhrasePattern {
  if (tokens.length === 0) throw new Error(`Emergency trigger "${source}" has no words`);
  const words = tokens.map((token) => `${escape(token)} ${CLITICS}`).join('');
  return { source, regex: new RegExp(`(?<= )${words}`, 'dg') };
}
