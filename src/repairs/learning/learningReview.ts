import { type LearningEntry, type LearningOutcome } from './learningLog';

/** The messages that ended the same way: the same repair type chosen, or (with none chosen) the same outcome. */
export interface ReviewGroup {
  chosen: string | null;
  outcome: LearningOutcome;
  entries: LearningEntry[];
}

/**
 * Entries grouped by the code the tenant chose, most frequent first (then by code); messages where nothing was
 * chosen come after, handed off before abandoned. Within a group, oldest first. Staff read each group as "words
 * tenants use for this repair type that the catalogue does not know yet".
 */
export function reviewGroups(entries: readonly LearningEntry[]): ReviewGroup[] {
  const groups = new Map<string, ReviewGroup>();
  for (const entry of entries) {
    const chosen = entry.outcome === 'chosen' ? entry.chosen : null;
    const outcome: LearningOutcome = chosen === null && entry.outcome === 'chosen' ? 'abandoned' : entry.outcome;
    const key = chosen === null ? `~${outcome}` : `code:${chosen}`;
    const group = groups.get(key) ?? { chosen, outcome, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  const rank = (group: ReviewGroup): number => (group.chosen !== null ? 0 : group.outcome === 'handed-off' ? 1 : 2);
  return [...groups.values()]
    .map((group) => ({ ...group, entries: [...group.entries].sort((a, b) => a.at.localeCompare(b.at)) }))
    .sort(
      (a, b) =>
        rank(a) - rank(b) || b.entries.length - a.entries.length || (a.chosen ?? '').localeCompare(b.chosen ?? ''),
    );
}
