import { normaliseTenantText, wordsOf } from '../text/normalise';
import { PHRASE_EXPANSIONS, PHRASE_REWRITES, TERM_SPELLINGS } from './housingLexicon';
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
const EXPANSIONS: readonly Expansion[] = Object.entries(PHRASE_EXPANSIONS)
  .map(([phrase, words]) => ({ phrase: normaliseTenantText(phrase), words }))
  .sort((a, b) => b.phrase.length - a.phrase.length)
  .map(({ phrase, words }) => ({ pattern: new RegExp(`(?<![a-z0-9'])${escape(phrase)}(?![a-z0-9'])`), words }));

/** A search term of a message and how much it counts: the tenant's own words fully, lexicon expansions less. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Expansions bridge vocabulary but must not outvote the tenant: "back door lock is stiff" is about stiffness. */
export const EXPANSION_WEIGHT = 0.6;

/**
 * What a tenant says works is not the repair: in "no heating, the hot water is fine" the hot water words count
 * this much. (The lexicon spells "fine", "okay" and "works" as "working".)
 */
export const WORKING_WEIGHT = 0.25;
/** What a word after "by the", "on the"… counts: as much as a room name (see LOCATION_WEIGHT in the matcher). */
export const LOCATION_PHRASE_WEIGHT = 0.4;
const SAID_TO_WORK =
  /(?:^|[,.;:!?]|\bbut\b|\band\b|\bthough\b|\bwhile\b)\s*((?:(?!\b(?:but|and|though|while)\b)[^,.;:!?])*?)\s+(?:is|are|'s|seems?)\s+(?:still\s+)?(?:working|ok|alright|all right|good)\b/g;

const termsOf = (text: string): string[] =>
  tokenize(text)
    .map(processTerm)
    .filter((term): term is string => term !== null);

const WORD = /[a-z0-9]+(?:'[a-z]+)*/g;

/**
 * Words that say where the fault is rather than what it is: the two words after "by", "near", "next to", "on the",
 * "where" ("outside light by the front door", "lock on the back door", "hole where the door handle hits"), and
 * floors of a building ("I'm on the 9th floor"). They count as location words do.
 */
const WHERE_PHRASE =
  /\b(?:by|near|next to|beside|close to|opposite|on|where)\s+(?:(?:the|my|our|a|your|his|her|their)\s+)?([a-z]+(?:\s+[a-z]+)?)/g;
const FLOOR_OF_BUILDING = /\b(?:\d+(?:st|nd|rd|th)?|ground|first|second|third|fourth|fifth|top|bottom)\s+floor\b/g;

/** Character spans of a normalised message whose words count only as locations. */
function whereSpans(normalised: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const found of normalised.matchAll(WHERE_PHRASE)) {
    const start = found.index + found[0].length - found[1]!.length;
    spans.push([start, found.index + found[0].length]);
  }
  for (const found of normalised.matchAll(FLOOR_OF_BUILDING)) spans.push([found.index, found.index + found[0].length]);
  return spans;
}

/** Compiled once: each rewrite's key as a whole-word pattern over normalised text. */
const REWRITES: readonly Expansion[] = Object.entries(PHRASE_REWRITES)
  .map(([phrase, words]) => ({ phrase: normaliseTenantText(phrase), words }))
  .sort((a, b) => b.phrase.length - a.phrase.length)
  .map(({ phrase, words }) => ({ pattern: new RegExp(`(?<![a-z0-9'])${escape(phrase)}(?![a-z0-9'])`, 'g'), words }));

/**
 * A message as the lexicon reads it: normalised, compounds rewritten ("trip switch" is no light switch), and
 * each word spelt the catalogue's way ("bannister" → "banister"), so that expansions meet every spelling.
 */
function lexiconText(text: string): string {
  let out = normaliseTenantText(text);
  for (const { pattern, words } of REWRITES) out = out.replace(pattern, words);
  return out.replace(WORD, (word) => TERM_SPELLINGS[word] ?? word);
}

/** Distinct search terms of a message, in order: its own words, then the words its phrases expand to. */
export function messageTerms(text: string): WeightedTerm[] {
  const normalised = lexiconText(text);
  const quiet: [number, number][] = [...normalised.matchAll(SAID_TO_WORK)].map((found) => {
    const start = found.index + found[0].indexOf(found[1]!);
    return [start, start + found[1]!.length];
  });
  const where = whereSpans(normalised);
  const within = (spans: [number, number][], at: number) => spans.some(([from, to]) => from <= at && at < to);
  const weights = new Map<string, number>();
  for (const found of normalised.matchAll(WORD)) {
    const term = processTerm(found[0]);
    if (term === null) continue;
    const weight = within(quiet, found.index)
      ? WORKING_WEIGHT
      : within(where, found.index)
        ? LOCATION_PHRASE_WEIGHT
        : 1;
    weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  }
  // Longer phrases first; a phrase inside one already expanded adds nothing ("communal front door" is not also a
  // "front door").
  const covered: [number, number][] = [];
  for (const { pattern, words } of EXPANSIONS) {
    const found = pattern.exec(normalised);
    if (!found) continue;
    const start = found.index;
    const end = start + found[0].length;
    if (covered.some(([from, to]) => from <= start && end <= to)) continue;
    covered.push([start, end]);
    for (const term of termsOf(words)) if (!weights.has(term)) weights.set(term, EXPANSION_WEIGHT);
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}
