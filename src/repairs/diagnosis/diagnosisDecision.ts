import { type DiagnosisMatch } from './diagnosisMatch';

export type DiagnosisDecision =
  { kind: 'one'; match: DiagnosisMatch } | { kind: 'few'; matches: DiagnosisMatch[] } | { kind: 'none' };

/**
 * When to take the best match alone, offer a few, or admit none. Scores are MiniSearch BM25 sums, so the bars are
 * absolute for "is this a repair at all" and relative (best over runner-up) for "is it clearly this one".
 * Tuned on test/repairs/diagnosis/labelledMessages.ts and the tuning part of bench/language/repairMessages.json with
 * the fixture catalogue: the highest best score of a message that is not a repair is 12 ("what time do you open",
 * "my neighbour is noisy"); short real reports score from 16 ("no electricity in the flat at all", "heating
 * problem"), so 15 sits between. Most wrong first answers have a runner-up within a ratio of 1.4, so 1.5 turns them
 * into a choice of a few.
 */
export const DECISION_THRESHOLDS = {
  /** Below this best score the words did not meet any repair type well enough to offer it. */
  minScore: 15,
  /** The best is taken alone when it scores at least this many times the runner-up... */
  clearRatio: 1.5,
  /** ...and at least this much in absolute terms. */
  clearScore: 30,
  /** In a "few" answer, a third match scoring below this share of the best is left out (two are always kept). */
  fewShare: 0.5,
};

export function decideFromMatches(matches: readonly DiagnosisMatch[]): DiagnosisDecision {
  const [best, second] = matches;
  if (!best || best.score < DECISION_THRESHOLDS.minScore) return { kind: 'none' };
  if (!second) return { kind: 'one', match: best };
  if (best.score >= DECISION_THRESHOLDS.clearScore && best.score >= second.score * DECISION_THRESHOLDS.clearRatio) {
    return { kind: 'one', match: best };
  }
  const few = matches.slice(0, 3).filter((m, i) => i < 2 || m.score >= best.score * DECISION_THRESHOLDS.fewShare);
  return { kind: 'few', matches: few };
}
