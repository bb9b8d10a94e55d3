import MiniSearch from 'minisearch';
import { type Catalogue, type Category, type SubArea } from '../catalogue/catalogueSchema';
import { type DiagnosisDecision, decideFromMatches } from './diagnosisDecision';
import { type DiagnosisMatch } from './diagnosisMatch';
import { LOCATION_WORDS } from './housingLexicon';
import { messageTerms, processTerm, tokenize } from './searchTerms';

export interface DiagnosisMatcher {
  /** The best sub-areas for a tenant's description, best first. */
  match(text: string, limit?: number): DiagnosisMatch[];
  /** One clear repair type, a few to choose from, or none (ask again or offer categories). */
  decide(text: string): DiagnosisDecision;
}

interface SubAreaDocument {
  id: string;
  name: string;
  synonyms: string;
  category: string;
}

/**
 * Field weights: a tenant's words are most telling when they meet a sub-area's own name or one of its synonyms;
 * the category name ("Leaks and water supply") is shared by several sub-areas and only breaks ties.
 */
const BOOST = { name: 2, synonyms: 1.5, category: 0.5 };

/** Weight of a location word ("bathroom", "kitchen") against a word that says what is wrong. */
const LOCATION_WEIGHT = 0.4;
const LOCATION_TERMS: ReadonlySet<string> = new Set(
  LOCATION_WORDS.map(processTerm).filter((term): term is string => term !== null),
);

/**
 * ~1 typo in 5 letters, for words of 5 letters or more: shorter ones would meet too many others ("leak" → "lead",
 * "peak") and fuzzy search is the costly part of a query. Prefix search lets "radiat" meet "radiator".
 */
const FUZZY_FROM_LENGTH = 5;
const SEARCH_OPTIONS = {
  boost: BOOST,
  fuzzy: (term: string) => (term.length >= FUZZY_FROM_LENGTH ? 0.2 : false),
  prefix: true,
  maxFuzzy: 2,
  combineWith: 'OR' as const,
};

/** Builds the index once (at start-up); `match` then takes well under a millisecond. */
export function createDiagnosisMatcher(catalogue: Catalogue): DiagnosisMatcher {
  const entries = new Map<string, { subArea: SubArea; category: Category }>();
  const index = new MiniSearch<SubAreaDocument>({
    fields: ['name', 'synonyms', 'category'],
    tokenize,
    processTerm,
    // Query terms arrive already processed (see messageTerms), so search must not process them again.
    searchOptions: { ...SEARCH_OPTIONS, tokenize: (text) => text.split(' '), processTerm: (term) => term },
  });
  for (const category of catalogue.categories) {
    for (const subArea of category.subAreas) {
      entries.set(subArea.id, { subArea, category });
      index.add({
        id: subArea.id,
        name: subArea.name,
        synonyms: subArea.synonyms.join(' . '),
        category: category.name,
      });
    }
  }

  const match = (text: string, limit = 3): DiagnosisMatch[] => {
    const terms = messageTerms(text);
    if (terms.length === 0) return [];
    const weights = new Map(terms.map(({ term, weight }) => [term, weight]));
    const boostTerm = (term: string): number =>
      (weights.get(term) ?? 1) * (LOCATION_TERMS.has(term) ? LOCATION_WEIGHT : 1);
    return index
      .search(terms.map(({ term }) => term).join(' '), { boostTerm })
      .slice(0, limit)
      .flatMap((result) => {
        const entry = entries.get(String(result.id));
        if (!entry) return [];
        const { subArea, category } = entry;
        return [{ code: subArea.code, subAreaId: subArea.id, subArea, category, score: result.score }];
      });
  };

  return { match, decide: (text) => decideFromMatches(match(text, 3)) };
}
