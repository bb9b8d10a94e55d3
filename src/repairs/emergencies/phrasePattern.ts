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
  /**
   * A word every match contains: the phrase's first element that is neither optional nor a gap. A message with no
   * such token cannot match, which `mayMatch` sees without running the expression (most messages, for most of the
   * hundreds of patterns). Undefined when every word of the phrase is optional.
   */
  anchor?: Anchor;
}

/** One required element: any of these whole tokens, or any token starting with one of the stems. */
export interface Anchor {
  words: ReadonlySet<string>;
  stems: readonly string[];
}

function anchorOf(element: string): Anchor {
  const alternatives = element.split('|');
  return {
    words: new Set(alternatives.filter((a) => !a.endsWith('*'))),
    stems: alternatives.filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1)),
  };
}

/**
 * The tokens of a message and every prefix of each, made once per message so that `mayMatch` answers any anchor,
 * word or stem, by set lookups.
 */
export function tokenPrefixes(tokens: readonly string[]): ReadonlySet<string> {
  const prefixes = new Set<string>();
  for (const token of tokens) for (let end = 1; end <= token.length; end++) prefixes.add(token.slice(0, end));
  return prefixes;
}

/**
 * False when the pattern cannot match a message whose tokens are `tokens` (`prefixes`: tokenPrefixes of them); true
 * when it may (the expression decides). Never false for a message the expression matches: a match takes whole
 * tokens, and a stem's word starts with the stem.
 */
export function mayMatch(pattern: PhrasePattern, tokens: ReadonlySet<string>, prefixes: ReadonlySet<string>): boolean {
  const anchor = pattern.anchor;
  if (!anchor) return true;
  for (const word of anchor.words) if (tokens.has(word)) return true;
  for (const stem of anchor.stems) if (prefixes.has(stem)) return true;
  return false;
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
  const required = elements.find((e) => !/^\.\.\d*$/.test(e) && e !== '$' && !(e.length > 1 && e.endsWith('?')));
  return {
    source,
    regex: new RegExp(`(?<= )${parts.join('')}`, 'dg'),
    ...(required !== undefined && { anchor: anchorOf(required) }),
  };
}

/** Compiles a literal phrase (a catalogue trigger): every token stands for itself. */
export function compileLiteral(tokens: readonly string[], source: string): PhrasePattern {
  if (tokens.length === 0) throw new Error(`Emergency trigger "${source}" has no words`);
  const words = tokens.map((token) => `${escape(token)} ${CLITICS}`).join('');
  return { source, regex: new RegExp(`(?<= )${words}`, 'dg'), anchor: { words: new Set([tokens[0]!]), stems: [] } };
}
