import { normaliseTenantText } from '../text/normalise';

/**
 * Tenant text as one line of tokens separated by single spaces, with a space at each end: `" the door won't lock . "`.
 * Phrase patterns are regular expressions over this line, so "on word boundaries" is simply "between spaces".
 * Clause punctuation stays as tokens of its own: it ends a pattern's gap and the reach of a "not".
 */
export interface TokenLine {
  /** `" " + tokens.join(" ") + " "` */
  line: string;
  tokens: string[];
  /** Character offset in `line` of each token's first character. */
  starts: number[];
}

// Words keep a trailing "n't" ("won't", "isn't"); other clitics become tokens of their own ("water's" → "water 's")
// so that "water's pouring" meets the pattern "water .. pouring".
const TOKEN = /[a-z0-9]+(?:'t\b)?|'(?:s|re|ve|ll|d|m)\b|[.,;:!?]+/g;

/** Line breaks, brackets and a dash between spaces separate clauses just as a full stop does. */
const CLAUSE_BREAKS = /\r?\n|\s-+\s|[()[\]]/g;

export function toTokenLine(text: string): TokenLine {
  const tokens = normaliseTenantText(text.replace(CLAUSE_BREAKS, ' . ')).match(TOKEN) ?? [];
  const starts: number[] = [];
  let offset = 1;
  for (const token of tokens) {
    starts.push(offset);
    offset += token.length + 1;
  }
  return { line: ` ${tokens.join(' ')} `, tokens, starts };
}

export const isClausePunctuation = (token: string): boolean => /^[.,;:!?]/.test(token);
