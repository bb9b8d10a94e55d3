import path from 'node:path';
import { DEFAULT_CATALOGUE_PATH, loadCatalogue } from '../../../src/repairs/catalogue';
import { createDiagnosisMatcher, type DiagnosisMatcher } from '../../../src/repairs/diagnosis';
import { LOCATION_PHRASE_WEIGHT, messageTerms, WORKING_WEIGHT } from '../../../src/repairs/diagnosis/searchTerms';
import { LABELLED_MESSAGES, NOT_REPAIRS } from './labelledMessages';

const fixture = loadCatalogue(path.resolve(__dirname, '../../fixtures/diagnosis-catalogue.json'));
const matcher = createDiagnosisMatcher(fixture);

interface Scorecard {
  top1: number;
  top3: number;
  misses: string[];
}

/** Share of labelled messages whose right code comes first, or in the first three; lists every miss. */
function score(subject: DiagnosisMatcher): Scorecard {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const [text, codes] of LABELLED_MESSAGES) {
    const found = subject.match(text, 3).map((m) => m.code);
    if (codes.includes(found[0] ?? '')) top1++;
    else misses.push(`${JSON.stringify(text)}: expected ${codes.join('/')}, got ${found.join(', ') || 'nothing'}`);
    if (found.some((code) => codes.includes(code))) top3++;
  }
  return { top1: top1 / LABELLED_MESSAGES.length, top3: top3 / LABELLED_MESSAGES.length, misses };
}

const report = ({ top1, top3, misses }: Scorecard): string =>
  `top-1 ${(top1 * 100).toFixed(1)}%, top-3 ${(top3 * 100).toFixed(1)}%; misses:\n  ${misses.join('\n  ')}`;

describe('diagnosis matcher', () => {
  it('is measured on enough labelled messages', () => {
    expect(LABELLED_MESSAGES.length).toBeGreaterThanOrEqual(80);
    const known = new Set(fixture.categories.flatMap((c) => c.subAreas.map((s) => s.code)));
    expect(LABELLED_MESSAGES.flatMap(([, codes]) => codes).filter((code) => !known.has(code))).toEqual([]);
  });

  it('puts the right repair first for at least 85% of messages and in the top three for 95%', () => {
    const card = score(matcher);
    const passed = card.top1 >= 0.85 && card.top3 >= 0.95;
    expect({ passed, report: passed ? 'ok' : report(card) }).toEqual({ passed: true, report: 'ok' });
  });

  it('does as well with the bot’s default catalogue', () => {
    const card = score(createDiagnosisMatcher(loadCatalogue(DEFAULT_CATALOGUE_PATH)));
    const passed = card.top1 >= 0.85 && card.top3 >= 0.95;
    expect({ passed, report: passed ? 'ok' : report(card) }).toEqual({ passed: true, report: 'ok' });
  });

  it.each([
    ['my bath is leaking', 'BATH001'],
    ['water coming thru the kitchn ceiling', 'LEAK003'],
    ['front door wont lock', 'LOCK001'],
    ['mold in the bthrm', 'DAMP001'],
    ['rad leakin in the hall', 'HEAT004'],
    ['radiators leaked', 'HEAT004'],
  ])('puts %j → %s first', (text, code) => {
    expect(matcher.match(text)[0]?.code).toBe(code);
  });

  it('rewrites compounds and quietens what the tenant says works or where the fault is', () => {
    const weights = (text: string) => Object.fromEntries(messageTerms(text).map(({ term, weight }) => [term, weight]));
    // the "switch" of a trip switch is no light switch
    expect(weights('trip switch gone')).not.toHaveProperty('switch');
    // what the tenant says works is not the repair
    expect(weights('no heating but the hot water is fine')).toMatchObject({ heat: 1, hot: WORKING_WEIGHT });
    // words after "by the" say where, not what
    expect(weights('light by the front door')).toMatchObject({ light: 1, front: LOCATION_PHRASE_WEIGHT });
  });

  it.each([
    // spelling variants reach the phrase expansions ("bannister" → "banister")
    ['bannister rail has come off the wall', 'FLOR003'],
    // words after "by the" say where, not what
    ['outside light by the front door not working', 'ELEC004'],
    // when it happens is not what is wrong
    ['toilet leaking onto the floor every flush', 'TOIL005'],
  ])('reads %j as %s', (text, code) => {
    expect(matcher.match(text)[0]?.code).toBe(code);
  });

  it('returns matches best first, with their sub-area and category, up to the limit', () => {
    const matches = matcher.match('toilet blocked', 5);
    expect(matches).toHaveLength(5);
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
    const [best] = matches;
    expect(best).toMatchObject({ subAreaId: best!.subArea.id, code: best!.subArea.code });
    expect(best!.category.subAreas).toContain(best!.subArea);
    expect(matcher.match('toilet blocked')).toHaveLength(3);
  });

  it('finds nothing in text without repair words', () => {
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('hello, please can you help')).toEqual([]);
  });

  describe('decide', () => {
    it('is sure of a clear description', () => {
      expect(matcher.decide('my bath is leaking')).toMatchObject({ kind: 'one', match: { code: 'BATH001' } });
      expect(matcher.decide('wasps nest in the loft')).toMatchObject({ kind: 'one', match: { code: 'PEST002' } });
    });

    it('offers two or three when the best is not far ahead', () => {
      const decision = matcher.decide('no hot water but heating is working');
      expect(decision.kind).toBe('few');
      if (decision.kind !== 'few') return;
      expect(decision.matches.length).toBeGreaterThanOrEqual(2);
      expect(decision.matches.length).toBeLessThanOrEqual(3);
      expect(decision.matches.map((m) => m.code)).toContain('HEAT003');
    });

    it.each(NOT_REPAIRS)('says none for %j', (text) => {
      expect(matcher.decide(text)).toEqual({ kind: 'none' });
    });

    it('is right whenever it is sure, on the labelled messages', () => {
      const wrongWhenSure = LABELLED_MESSAGES.flatMap(([text, codes]) => {
        const decision = matcher.decide(text);
        return decision.kind === 'one' && !codes.includes(decision.match.code)
          ? [`${text} → ${decision.match.code}`]
          : [];
      });
      expect(wrongWhenSure).toEqual([]);
    });

    it('never offers a few that leave the right repair out, on the labelled messages', () => {
      const missing = LABELLED_MESSAGES.flatMap(([text, codes]) => {
        const decision = matcher.decide(text);
        if (decision.kind === 'few' && !decision.matches.some((m) => codes.includes(m.code))) return [text];
        return decision.kind === 'none' ? [text] : [];
      });
      expect(missing).toEqual([]);
    });
  });
});
