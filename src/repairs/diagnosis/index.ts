export { createDiagnosisMatcher, type DiagnosisMatcher } from './diagnosisMatcher';
export { type DiagnosisMatch } from './diagnosisMatch';
export { DECISION_THRESHOLDS, decideFromMatches, type DiagnosisDecision } from './diagnosisDecision';
export { PHRASE_EXPANSIONS, PHRASE_REWRITES, TERM_SPELLINGS } from './housingLexicon';
export { stem } from './stemmer';
