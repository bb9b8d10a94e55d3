import { createCatalogueLookups, loadCatalogue } from '../../../src/repairs/catalogue';
import { FIXTURE_PATH } from './catalogueFixture';

describe('catalogue lookups', () => {
  const catalogue = loadCatalogue(FIXTURE_PATH);
  const lookups = createCatalogueLookups(catalogue);

  it.each([
    ['BATH001', 'bath-leak'],
    ['bath-leak', 'bath-leak'],
    ['bath001', 'bath-leak'],
    [' LEAK003 ', 'ceiling-leak'],
    ['drain-blocked', 'drain-blocked'],
  ])('finds the sub-area %j', (key, id) => {
    expect(lookups.findSubArea(key)?.id).toBe(id);
  });

  it.each(['', 'BATH999', 'Bath leak'])('finds nothing for %j', (key) => {
    expect(lookups.findSubArea(key)).toBeUndefined();
  });

  it('gives the category of a sub-area', () => {
    const subArea = lookups.findSubArea('ROOF005')!;
    expect(lookups.categoryOf(subArea).id).toBe('roofs-gutters-drains');
  });

  it('refuses a sub-area from somewhere else', () => {
    const stranger = { ...lookups.findSubArea('ROOF005')!, id: 'not-here', code: 'NOPE001' };
    expect(() => lookups.categoryOf(stranger)).toThrow(/not in this catalogue/);
  });

  it('gives priorities and suppliers by id', () => {
    expect(lookups.priority('EMG')).toEqual({ id: 'EMG', name: 'Emergency', target: { hours: 24 } });
    expect(lookups.priority('NOPE')).toBeUndefined();
    expect(lookups.supplier('SUP-ROOF')?.name).toBe('Pennine Roofing & Guttering Ltd');
    expect(lookups.supplier('SUP-NOPE')).toBeUndefined();
  });
});
