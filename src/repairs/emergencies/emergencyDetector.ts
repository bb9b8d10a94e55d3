import { type Catalogue, type Emergency, type EmergencyInstruction } from '../catalogue/catalogueSchema';
import { EMERGENCY_LEXICON, type EmergencyLexiconEntry, ROUTINE_LOOKALIKES } from './emergencyLexicon';
import { isNegatedBefore, isNegatedWithin } from './negation';
import { compileLiteral, compilePhrase, mayMatch, type PhrasePattern, tokenPrefixes } from './phrasePattern';
import { isClausePunctuation, type TokenLine, toTokenLine } from './tokenLine';

export interface EmergencyMatch {
  emergencyId: string;
  name: string;
  instruction: EmergencyInstruction;
  /** The words that matched, as normalised ("water coming through the kitchen ceiling"). */
  matched: string;
}

export interface EmergencyDetector {
  /** The most serious emergency the text describes, or null. Gas always wins; then the catalogue's order. */
  detect(text: string): EmergencyMatch | null;
}

export interface EmergencyDetectorOptions {
  /** Phrasings beyond the catalogue's triggers; defaults to the bot's own lexicon. */
  lexicon?: readonly EmergencyLexiconEntry[];
  /** Routine repairs that read like emergencies; defaults to the bot's own list. */
  lookalikes?: readonly EmergencyLexiconEntry[];
}

interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

interface Trigger {
  pattern: PhrasePattern;
  /** Counts only when this also matches somewhere in the message. */
  whenAlso?: PhrasePattern;
}

interface Rule {
  emergency: Emergency;
  triggers: Trigger[];
  lookalikes: PhrasePattern[];
}

// Patterns are compiled once and their global regular expressions reused (lastIndex is reset before each search).
// The gas emergency is outside the landlord's process (the tenant must call the national gas line at once), so it
// outranks everything whatever order the catalogue lists emergencies in.
const rank = (emergency: Emergency, index: number): number =>
  emergency.instruction === 'call-gas-emergency' ? -1 : index;

export function createEmergencyDetector(
  catalogue: Catalogue,
  options: EmergencyDetectorOptions = {},
): EmergencyDetector {
  const lexicon = options.lexicon ?? EMERGENCY_LEXICON;
  const lookalikes = options.lookalikes ?? ROUTINE_LOOKALIKES;
  const phrasesFor = (entries: readonly EmergencyLexiconEntry[], id: string): PhrasePattern[] =>
    entries.filter((entry) => entry.emergencyId === id).flatMap((entry) => entry.phrases.map(compilePhrase));
  const triggersFor = (entries: readonly EmergencyLexiconEntry[], id: string): Trigger[] =>
    entries
      .filter((entry) => entry.emergencyId === id)
      .flatMap((entry) => {
        const whenAlso = entry.whenAlso === undefined ? undefined : compilePhrase(entry.whenAlso);
        return entry.phrases.map((phrase) => ({ pattern: compilePhrase(phrase), ...(whenAlso && { whenAlso }) }));
      });

  const rules: Rule[] = catalogue.emergencies
    .map((emergency, index) => ({ emergency, index }))
    .sort((a, b) => rank(a.emergency, a.index) - rank(b.emergency, b.index))
    .map(({ emergency }) => ({
      emergency,
      triggers: [
        // A trigger's own punctuation ("can't stop the water!") is not required of the tenant.
        ...emergency.triggers.map((trigger) => ({
          pattern: compileLiteral(
            toTokenLine(trigger).tokens.filter((token) => !isClausePunctuation(token)),
            trigger,
          ),
        })),
        ...triggersFor(lexicon, emergency.id),
      ],
      lookalikes: phrasesFor(lookalikes, emergency.id),
    }));

  return {
    detect(text) {
      const tokenLine = toTokenLine(text);
      if (tokenLine.tokens.length === 0) return null;
      const present = new Set(tokenLine.tokens);
      const prefixes = tokenPrefixes(tokenLine.tokens);
      const find = (pattern: PhrasePattern) =>
        mayMatch(pattern, present, prefixes) ? findSpans(pattern, tokenLine) : [];
      for (const { emergency, triggers, lookalikes: routine } of rules) {
        // Most messages match no trigger of a rule: its look-alikes are only looked for when one does.
        const found = triggers
          .filter(({ whenAlso }) => whenAlso === undefined || find(whenAlso).length > 0)
          .flatMap(({ pattern }) => find(pattern));
        if (found.length === 0) continue;
        const routineSpans = routine.flatMap((pattern) => find(pattern).map((match) => match.span));
        const spans = found
          .filter(
            ({ span, gaps }) =>
              !isNegatedBefore(tokenLine.tokens, span.start) &&
              !gaps.some((gap) => isNegatedWithin(tokenLine.tokens, gap.start, gap.end)) &&
              !routineSpans.some((other) => other.start < span.end && span.start < other.end),
          )
          .map(({ span }) => span);
        if (spans.length === 0) continue;
        // Report the fullest wording found: the earliest start, then the longest reach.
        const shown = spans.reduce((a, b) => (b.start < a.start || (b.start === a.start && b.end > a.end) ? b : a));
        return {
          emergencyId: emergency.id,
          name: emergency.name,
          instruction: emergency.instruction,
          matched: tokenLine.tokens.slice(shown.start, shown.end).join(' '),
        };
      }
      return null;
    },
  };
}

/** Every place the pattern matches, as token spans, including overlapping ones; gaps are the words a `..` took. */
function findSpans(pattern: PhrasePattern, { line, starts }: TokenLine): { span: Span; gaps: Span[] }[] {
  const regex = pattern.regex;
  regex.lastIndex = 0;
  let match = regex.exec(line);
  // The usual answer, for the hundreds of patterns a message is checked against: no match, and nothing allocated.
  if (!match) return [];
  const tokenAt = (offset: number): number => {
    const index = starts.indexOf(offset);
    return index === -1 ? starts.length : index;
  };
  const found: { span: Span; gaps: Span[] }[] = [];
  for (; match; match = regex.exec(line)) {
    const start = tokenAt(match.index);
    const gaps = (match.indices ?? []).slice(1).flatMap((range) => {
      if (!range || range[0] === range[1]) return [];
      return [{ start: tokenAt(range[0]), end: tokenAt(range[1]) }];
    });
    found.push({ span: { start, end: tokenAt(match.index + match[0].length) }, gaps });
    regex.lastIndex = match.index + 1;
  }
  return found;
}
