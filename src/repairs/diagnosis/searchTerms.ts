import { normaliseTenantText, wordsOf } from '../text/normalise';
import { PHRASE_EXPANSIONS, TERM_SPELLINGS } from './housingLexicon';
import { stem } from './stemmer';
import { STOP_WORDS } from './stopWords';

/**
 * How text becomes search terms, the same way for the catalogue and for messages: normalise, split into words, fix
 * spellings, drop stop words, stem. Messages additionally get the lexicon's expansions before that.
 */

export function tokenize(text: string): string[] {
  return wordsOf(normaliseTenantText(text));
}

export function processTerm(word: string): string | null {
  const spelt = TERM_SPELLINGS[word] ?? word;
  if (STOP_WORDS.has(spelt)) return null;
  const term = stem(spelt);
  return term.length > 1 ? term : null;
}

interface Expansion {
  pattern: RegExp;
  words: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiled once: each lexicon key as a whole-word pattern over normalised text. */
const EXPANSIONS: readonly Expansion[] = Object.entries(PHRASE_EXPANSIONS).map(([phrase, words]) => ({
  pattern: new RegExp(`(?<![a-z0-9'])${escape(normaliseTenantText(phrase))}(?![a-z0-9'])`),
  words,
}));

/** A search term of a message and how much it counts: the tenant's own words fully, lexicon expansions less. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Expansions bridge vocabulary but must not outvote the tenant: "back door lock is stiff" is about stiffness. */
export const EXPANSION_WEIGHT = 0.6;

const termsOf = (text: string): string[] =>
  tokenize(text)
    .map(processTerm)
    .filter((term): term is string => term !== null);

/** Distinct search terms of a message, in order: its own words, then the words its phrases expand to. */
export function messageTerms(text: string): WeightedTerm[] {
  const normalised = normaliseTenantText(text);
  const weights = new Map<string, number>();
  for (const term of termsOf(normalised)) weights.set(term, 1);
  for (const { pattern, words } of EXPANSIONS) {
    if (!pattern.test(normalised)) continue;
    for (const term of termsOf(words)) if (!weights.has(term)) weights.set(term, EXPANSION_WEIGHT);
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}
