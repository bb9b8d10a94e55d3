import fs from 'node:fs';
import path from 'node:path';
import { type Catalogue, checkCatalogue, DEFAULT_CATALOGUE_PATH } from '../../../src/repairs/catalogue';
import { createEmergencyDetector } from '../../../src/repairs/emergencies';
import { EMERGENCY_PHRASINGS, NOT_EMERGENCIES } from './emergencyPhrasings';

function readCatalogue(file: string): Catalogue {
  const { catalogue, problems } = checkCatalogue(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!catalogue) throw new Error(JSON.stringify(problems));
  return catalogue;
}

const fixture = readCatalogue(path.resolve(__dirname, '../../fixtures/diagnosis-catalogue.json'));
const detector = createEmergencyDetector(fixture);

describe('emergency detector', () => {
  it('has enough phrasings for every emergency to mean something', () => {
    expect(EMERGENCY_PHRASINGS.length).toBeGreaterThanOrEqual(60);
    expect(NOT_EMERGENCIES.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(EMERGENCY_PHRASINGS.map(([, id]) => id));
    expect([...ids].sort()).toEqual(fixture.emergencies.map((e) => e.id).sort());
  });

  it.each(EMERGENCY_PHRASINGS)('flags %j as %s', (text, emergencyId) => {
    expect(detector.detect(text)?.emergencyId ?? null).toBe(emergencyId);
  });

  it.each(NOT_EMERGENCIES)('does not flag the routine %j', (text) => {
    expect(detector.detect(text)).toBeNull();
  });

  it('answers with the emergency as the catalogue describes it, and the words that matched', () => {
    expect(detector.detect('Front door wont lock!')).toEqual({
      emergencyId: 'insecure',
      name: 'Home cannot be secured (external door, lock or window)',
      instruction: 'book-emergency',
      matched: "front door won't lock",
    });
  });

  it('flags water through the kitchen ceiling written SMS style as a flood', () => {
    expect(detector.detect('water coming thru the kitchn ceiling')).toMatchObject({
      emergencyId: 'flood',
      instruction: 'call-emergency-line',
    });
  });

  it.each([
    ['water pouring through the ceiling and I can smell gas'],
    ['sparks from the socket, also smell of gas'],
    ['front door kicked in and theres a gas smell'],
  ])('lets gas win over any other emergency: %j', (text) => {
    expect(detector.detect(text)?.emergencyId).toBe('gas');
  });

  it('ranks gas first even when the catalogue lists it last', () => {
    const gasLast = { ...fixture, emergencies: [...fixture.emergencies.slice(1), fixture.emergencies[0]!] };
    expect(createEmergencyDetector(gasLast).detect('burst pipe and a smell of gas')?.emergencyId).toBe('gas');
  });

  it('ignores lexicon entries for emergencies the catalogue does not have', () => {
    const withoutToilet = { ...fixture, emergencies: fixture.emergencies.filter((e) => e.id !== 'toilet') };
    expect(createEmergencyDetector(withoutToilet).detect('sewage coming up the bath')).toBeNull();
  });

  it('takes extra phrasings from staff as data', () => {
    const extended = createEmergencyDetector(fixture, {
      lexicon: [{ emergencyId: 'flood', phrases: ['water feature ..4 overflow*'] }],
    });
    expect(extended.detect('the water feature in the hall is overflowing')?.emergencyId).toBe('flood');
    expect(extended.detect('strong smel of gas')).toBeNull(); // the given lexicon replaces the default
  });

  it('counts a phrase with a context only when the message also has a context word, in any clause', () => {
    const extended = createEmergencyDetector(fixture, {
      lexicon: [{ emergencyId: 'toilet', whenAlso: 'toilet|loo', phrases: ['only have the one $'] }],
    });
    expect(extended.detect("loo's blocked, we only have the one")?.emergencyId).toBe('toilet');
    expect(extended.detect('we only have the one')).toBeNull();
  });

  it('refuses a lexicon phrase that cannot be meant', () => {
    expect(() => createEmergencyDetector(fixture, { lexicon: [{ emergencyId: 'gas', phrases: ['.. gas'] }] })).toThrow(
      /must start with a word/,
    );
  });

  it('finds nothing in empty or blank text', () => {
    expect(detector.detect('')).toBeNull();
    expect(detector.detect('   \n ')).toBeNull();
  });

  describe('with the bot’s default catalogue', () => {
    const defaultDetector = createEmergencyDetector(readCatalogue(DEFAULT_CATALOGUE_PATH));

    it('flags the same phrasings', () => {
      const misses = EMERGENCY_PHRASINGS.filter(([text, id]) => defaultDetector.detect(text)?.emergencyId !== id);
      expect(misses).toEqual([]);
    });

    it('flags nothing in the routine repairs', () => {
      const falseAlarms = NOT_EMERGENCIES.filter((text) => defaultDetector.detect(text) !== null);
      expect(falseAlarms).toEqual([]);
    });
  });
});
