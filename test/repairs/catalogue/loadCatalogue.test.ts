import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CatalogueError,
  DEFAULT_CATALOGUE_PATH,
  findDefaultCataloguePath,
  loadCatalogue,
} from '../../../src/repairs/catalogue';
import { FIXTURE_PATH, fixtureWith } from './catalogueFixture';

describe('loadCatalogue', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const writeFile = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  const errorOf = (load: () => unknown): CatalogueError => {
    try {
      load();
    } catch (error) {
      if (error instanceof CatalogueError) return error;
      throw error;
    }
    throw new Error('expected a CatalogueError');
  };

  it('loads the fixture', () => {
    expect(loadCatalogue(FIXTURE_PATH).contractExternalId).toBe('CONTRACT-RESP');
  });

  it('stops with every problem and its path in the message', () => {
    const broken = fixtureWith(
      { at: ['categories', 3, 'subAreas', 1, 'priority'], value: 'SOON' },
      { at: ['categories', 0, 'subAreas', 0, 'contractor'], value: { type: 'External' } },
    );
    const file = writeFile('broken.json', JSON.stringify(broken));
    const error = errorOf(() => loadCatalogue(file));
    expect(error.problems).toHaveLength(2);
    expect(error.message).toContain(file);
    expect(error.message).toContain('2 problems');
    expect(error.message).toContain('$.categories[3].subAreas[1].priority: unknown priority "SOON"');
    expect(error.message).toContain('$.categories[0].subAreas[0].contractor.supplierExternalId: is missing');
  });

  it('stops on a file that is not JSON', () => {
    const error = errorOf(() => loadCatalogue(writeFile('bad.json', '{ "version": 1, ')));
    expect(error.problems).toEqual([{ path: '$', message: expect.stringMatching(/^is not valid JSON/) }]);
  });

  it('stops on a file that cannot be read', () => {
    const error = errorOf(() => loadCatalogue(path.join(dir, 'missing.json')));
    expect(error.problems).toEqual([{ path: '$', message: expect.stringMatching(/^cannot be read/) }]);
  });
});

describe('the default catalogue', () => {
  const fixture = loadCatalogue(FIXTURE_PATH);
  const ours = loadCatalogue(DEFAULT_CATALOGUE_PATH);
  const codesOf = (c: typeof fixture) => c.categories.map((cat) => [cat.id, cat.subAreas.map((s) => s.code)]);

  it('is found beside its module when running from src', () => {
    expect(DEFAULT_CATALOGUE_PATH).toBe(
      path.resolve(__dirname, '../../../src/repairs/catalogue/defaultCatalogue.json'),
    );
  });

  it.each([
    ['/app/dist/repairs/catalogue', '/app/src/repairs/catalogue/defaultCatalogue.json'],
    ['/app/dist/src/repairs/catalogue', '/app/src/repairs/catalogue/defaultCatalogue.json'],
  ])('is found in src from a build in %s that did not copy it', (moduleDir, expected) => {
    expect(findDefaultCataloguePath(moduleDir, (file) => file === expected)).toBe(expected);
  });

  it('prefers a copy beside the built module', () => {
    const copy = '/app/dist/repairs/catalogue/defaultCatalogue.json';
    expect(findDefaultCataloguePath('/app/dist/repairs/catalogue', () => true)).toBe(copy);
  });

  it('keeps the landlord’s categories, codes, priorities and suppliers', () => {
    expect(codesOf(ours)).toEqual(codesOf(fixture));
    expect(ours.priorities).toEqual(fixture.priorities);
    expect(ours.suppliers).toEqual(fixture.suppliers);
    expect(ours.emergencies.map((e) => [e.id, e.instruction])).toEqual(
      fixture.emergencies.map((e) => [e.id, e.instruction]),
    );
  });

  it('keeps every trigger and synonym of the fixture', () => {
    const fixtureSubAreas = fixture.categories.flatMap((c) => c.subAreas);
    const ourSubAreas = new Map(ours.categories.flatMap((c) => c.subAreas).map((s) => [s.code, s]));
    for (const subArea of fixtureSubAreas) {
      expect(ourSubAreas.get(subArea.code)?.synonyms).toEqual(expect.arrayContaining(subArea.synonyms));
    }
    for (const emergency of fixture.emergencies) {
      expect(ours.emergencies.find((e) => e.id === emergency.id)?.triggers).toEqual(
        expect.arrayContaining(emergency.triggers),
      );
    }
  });
});
