import { EMERGENCY_LEXICON, ROUTINE_LOOKALIKES } from '../../../src/repairs/emergencies/emergencyLexicon';
import {
  compileLiteral,
  compilePhrase,
  mayMatch,
  type PhrasePattern,
  tokenPrefixes,
} from '../../../src/repairs/emergencies/phrasePattern';
import { toTokenLine } from '../../../src/repairs/emergencies/tokenLine';
import { EMERGENCY_PHRASINGS, NOT_EMERGENCIES } from './emergencyPhrasings';

const matches = (phrase: string, text: string): boolean => {
  const { regex } = compilePhrase(phrase);
  regex.lastIndex = 0;
  return regex.test(toTokenLine(text).line);
};

describe('emergency phrase patterns', () => {
  it.each([
    ['smell of gas', 'i can smell of gas here', true],
    ['smell|whiff of gas', 'a whiff of gas', true],
    ['flood*', 'the kitchen flooded', true],
    ['flood*', 'floodlight broken', true],
    ['flood', 'floodlight broken', false],
    ['gas', 'gasket leaking', false],
    ['the? door', 'door', true],
    ['water ..2 ceiling', 'water from the ceiling', true],
    ['water ..2 ceiling', 'water all over the kitchen ceiling', false],
    ['water ..4 ceiling', 'water all over the kitchen ceiling', true],
    ['water ..3 ceiling', 'water, then the ceiling', false],
    ['no power $', 'no power', true],
    ['no power $', 'no power, help', true],
    ['no power $', 'no power to the cooker', false],
    ["can't lock", 'cant lock the door', true],
    ['water pouring', "water's pouring", true],
    ['heating ,|and hot water', 'heating, hot water', true],
  ])('%j on %j → %s', (phrase, text, expected) => {
    expect(matches(phrase, text)).toBe(expected);
  });

  it.each(['', '   ', '.. gas', '$ gas', 'gas |'])('rejects %j', (phrase) => {
    expect(() => compilePhrase(phrase)).toThrow();
  });
});

describe('the anchor word that lets a message skip a pattern', () => {
  const lexiconPhrases = [...EMERGENCY_LEXICON, ...ROUTINE_LOOKALIKES].flatMap((entry) => [
    ...entry.phrases,
    ...(entry.whenAlso === undefined ? [] : [entry.whenAlso]),
  ]);
  const messages = [...EMERGENCY_PHRASINGS.map(([text]) => text), ...NOT_EMERGENCIES];
  const runs = (pattern: PhrasePattern, text: string) => {
    pattern.regex.lastIndex = 0;
    return pattern.regex.test(toTokenLine(text).line);
  };

  it('never skips a message the expression matches (every lexicon phrase against every test phrasing)', () => {
    let matched = 0;
    let skipped = 0;
    for (const phrase of lexiconPhrases) {
      const pattern = compilePhrase(phrase);
      for (const text of messages) {
        const { tokens } = toTokenLine(text);
        const may = mayMatch(pattern, new Set(tokens), tokenPrefixes(tokens));
        if (runs(pattern, text)) {
          matched += 1;
          expect({ phrase, text, may }).toEqual({ phrase, text, may: true });
        } else if (!may) skipped += 1;
      }
    }
    // The check is worth having: most pairs are skipped without running the expression, and some do match.
    expect(matched).toBeGreaterThan(50);
    expect(skipped / (lexiconPhrases.length * messages.length)).toBeGreaterThan(0.9);
  });

  it.each([
    ['the? door', 'door', ['door']],
    ['no|not? smell* ..2 gas', 'smells of gas', ['smell']],
    ['..2 gas', null, null],
  ])('%j is anchored on %j', (phrase, _word, expected) => {
    if (expected === null) {
      expect(() => compilePhrase(phrase)).toThrow();
      return;
    }
    const { anchor } = compilePhrase(phrase);
    expect([...(anchor?.words ?? []), ...(anchor?.stems ?? [])]).toEqual(expected);
  });

  it('a literal trigger is anchored on its first word', () => {
    expect([...(compileLiteral(['water', 'through', 'ceiling'], 'x').anchor?.words ?? [])]).toEqual(['water']);
  });
});
