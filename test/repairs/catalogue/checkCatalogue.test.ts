import { checkCatalogue, DEFAULT_CATALOGUE_PATH, loadCatalogue } from '../../../src/repairs/catalogue';
import { type Edit, fixtureValue, fixtureWith, rawFixture } from './catalogueFixture';

const subArea = (category: number, index: number, ...rest: (string | number)[]) => [
  'categories',
  category,
  'subAreas',
  index,
  ...rest,
];

interface BrokenCase {
  name: string;
  edits: Edit[];
  path: string;
  message: RegExp;
}

const BROKEN: BrokenCase[] = [
  {
    name: 'an unknown priority',
    edits: [{ at: subArea(3, 1, 'priority'), value: 'SOON' }],
    path: '$.categories[3].subAreas[1].priority',
    message: /unknown priority "SOON"/,
  },
  {
    name: 'an External contractor without a supplier',
    edits: [{ at: subArea(0, 0, 'contractor'), value: { type: 'External' } }],
    path: '$.categories[0].subAreas[0].contractor.supplierExternalId',
    message: /is missing \(expected string\)/,
  },
  {
    name: 'an External contractor whose supplier is not listed',
    edits: [{ at: subArea(0, 0, 'contractor'), value: { type: 'External', supplierExternalId: 'SUP-NOBODY' } }],
    path: '$.categories[0].subAreas[0].contractor.supplierExternalId',
    message: /unknown supplier "SUP-NOBODY"/,
  },
  {
    name: 'a contractor of an unknown type',
    edits: [{ at: subArea(0, 0, 'contractor'), value: { type: 'Freelance' } }],
    path: '$.categories[0].subAreas[0].contractor.type',
    message: /"Internal" or "External"/,
  },
  {
    name: 'a duplicate code',
    edits: [{ at: subArea(1, 2, 'code'), value: 'BATH001' }],
    path: '$.categories[1].subAreas[2].code',
    message: /duplicate sub-area code "BATH001" \(first used at \$\.categories\[0\]\.subAreas\[0\]\.code\)/,
  },
  {
    name: 'a duplicate sub-area id',
    edits: [{ at: subArea(2, 0, 'id'), value: 'bath-leak' }],
    path: '$.categories[2].subAreas[0].id',
    message: /duplicate sub-area id "bath-leak"/,
  },
  {
    name: 'a sub-area id that is another sub-area’s code',
    edits: [{ at: subArea(2, 0, 'id'), value: 'TOIL001' }],
    path: '$.categories[2].subAreas[0].id',
    message: /duplicate sub-area id "TOIL001" \(first used at \$\.categories\[1\]\.subAreas\[0\]\.code\)/,
  },
  {
    name: 'a duplicate category id',
    edits: [{ at: ['categories', 4, 'id'], value: 'baths' }],
    path: '$.categories[4].id',
    message: /duplicate category id "baths"/,
  },
  {
    name: 'a duplicate priority id',
    edits: [{ at: ['priorities', 2, 'id'], value: 'EMG' }],
    path: '$.priorities[2].id',
    message: /duplicate priority id "EMG"/,
  },
  {
    name: 'a duplicate supplier',
    edits: [{ at: ['suppliers', 1, 'externalId'], value: 'SUP-GLAZE' }],
    path: '$.suppliers[1].externalId',
    message: /duplicate supplier externalId "SUP-GLAZE"/,
  },
  {
    name: 'a duplicate emergency id',
    edits: [{ at: ['emergencies', 1, 'id'], value: 'gas' }],
    path: '$.emergencies[1].id',
    message: /duplicate emergency id "gas"/,
  },
  {
    name: 'an emergency without triggers',
    edits: [{ at: ['emergencies', 2, 'triggers'], value: [] }],
    path: '$.emergencies[2].triggers',
    message: /at least one trigger/,
  },
  {
    name: 'an empty trigger',
    edits: [{ at: ['emergencies', 2, 'triggers', 1], value: '  ' }],
    path: '$.emergencies[2].triggers[1]',
    message: /must not be empty/,
  },
  {
    name: 'a trigger without a word',
    edits: [{ at: ['emergencies', 2, 'triggers', 0], value: '!!!' }],
    path: '$.emergencies[2].triggers[0]',
    message: /must contain a word/,
  },
  {
    name: 'an unknown emergency instruction',
    edits: [{ at: ['emergencies', 0, 'instruction'], value: 'panic' }],
    path: '$.emergencies[0].instruction',
    message: /must be one of call-gas-emergency, call-emergency-line, book-emergency/,
  },
  {
    name: 'a code longer than Connect allows',
    edits: [{ at: subArea(0, 0, 'code'), value: 'X'.repeat(65) }],
    path: '$.categories[0].subAreas[0].code',
    message: /at most 64 characters/,
  },
  {
    name: 'a sub-area name longer than 100 characters',
    edits: [{ at: subArea(0, 1, 'name'), value: 'n'.repeat(101) }],
    path: '$.categories[0].subAreas[1].name',
    message: /at most 100 characters/,
  },
  {
    name: 'a category name longer than 100 characters',
    edits: [{ at: ['categories', 0, 'name'], value: 'n'.repeat(101) }],
    path: '$.categories[0].name',
    message: /at most 100 characters/,
  },
  {
    name: 'a version that is not a number',
    edits: [{ at: ['version'], value: 'one' }],
    path: '$.version',
    message: /expected number, got string/,
  },
  {
    name: 'outOfHours that is not a boolean',
    edits: [{ at: subArea(5, 0, 'outOfHours'), value: 'yes' }],
    path: '$.categories[5].subAreas[0].outOfHours',
    message: /expected boolean, got string/,
  },
  {
    name: 'synonyms that are not a list',
    edits: [{ at: subArea(0, 0, 'synonyms'), value: 'bath leaking' }],
    path: '$.categories[0].subAreas[0].synonyms',
    message: /expected array, got string/,
  },
  {
    name: 'a codeTemplateId that is not a whole number',
    edits: [{ at: subArea(0, 0, 'codeTemplateId'), value: 101.5 }],
    path: '$.categories[0].subAreas[0].codeTemplateId',
    message: /whole number/,
  },
  {
    name: 'a priority target with both hours and working days',
    edits: [{ at: ['priorities', 0, 'target'], value: { hours: 24, workingDays: 1 } }],
    path: '$.priorities[0].target',
    message: /"hours": n \} or \{ "workingDays": n/,
  },
  {
    name: 'a priority target of zero hours',
    edits: [{ at: ['priorities', 0, 'target'], value: { hours: 0 } }],
    path: '$.priorities[0].target.hours',
    message: /must be above 0/,
  },
  {
    name: 'a missing sub-area name',
    edits: [{ at: subArea(2, 1, 'name'), remove: true }],
    path: '$.categories[2].subAreas[1].name',
    message: /is missing \(expected string\)/,
  },
  {
    name: 'a missing contractExternalId',
    edits: [{ at: ['contractExternalId'], remove: true }],
    path: '$.contractExternalId',
    message: /is missing/,
  },
  {
    name: 'a missing instruction',
    edits: [{ at: ['emergencies', 3, 'instruction'], remove: true }],
    path: '$.emergencies[3].instruction',
    message: /is missing/,
  },
  {
    name: 'missing categories',
    edits: [{ at: ['categories'], remove: true }],
    path: '$.categories',
    message: /is missing \(expected array\)/,
  },
  {
    name: 'a category without sub-areas',
    edits: [{ at: ['categories', 1, 'subAreas'], value: [] }],
    path: '$.categories[1].subAreas',
    message: /at least one sub-area/,
  },
];

describe('checkCatalogue', () => {
  it('accepts the fixture catalogue', () => {
    const { problems, catalogue } = checkCatalogue(rawFixture());
    expect(problems).toEqual([]);
    expect(catalogue?.categories.flatMap((c) => c.subAreas)).toHaveLength(84);
  });

  it('accepts the bot’s default catalogue', () => {
    expect(() => loadCatalogue(DEFAULT_CATALOGUE_PATH)).not.toThrow();
  });

  it.each(BROKEN)('reports $name at $path', ({ edits, path, message }) => {
    const { problems, catalogue } = checkCatalogue(fixtureWith(...edits));
    expect(catalogue).toBeUndefined();
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports every problem of a file at once, wrong types and broken references alike', () => {
    const { problems } = checkCatalogue(
      fixtureWith(
        { at: ['version'], value: '1' },
        { at: subArea(3, 1, 'priority'), value: 'SOON' },
        { at: subArea(4, 0, 'code'), value: fixtureValue(subArea(0, 0, 'code')) },
        { at: subArea(6, 2, 'trade'), remove: true },
      ),
    );
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        '$.version',
        '$.categories[3].subAreas[1].priority',
        '$.categories[4].subAreas[0].code',
        '$.categories[6].subAreas[2].trade',
      ].sort(),
    );
  });

  it.each([null, 'catalogue', 42, []])('reports a file that is not an object (%j) at $', (json) => {
    expect(checkCatalogue(json).problems).toEqual([{ path: '$', message: expect.stringMatching(/expected object/) }]);
  });

  it('allows a catalogue without an emergency of every instruction kind', () => {
    const { problems } = checkCatalogue(
      fixtureWith({ at: ['emergencies'], value: [fixtureValue(['emergencies', 0])] }),
    );
    expect(problems).toEqual([]);
  });
});
