import { normalisePostcode } from '../../../src/repairs/tenants/postcode';

describe('normalisePostcode', () => {
  it.each([
    ['LS1 4AB', 'LS1 4AB'],
    ['ls14ab', 'LS1 4AB'],
    ['  Ls1   4aB ', 'LS1 4AB'],
    ['l s 1 4 a b', 'LS1 4AB'],
    ['LS1\t4AB', 'LS1 4AB'],
    ['M1 1AE', 'M1 1AE'], // A9
    ['B33 8TH', 'B33 8TH'], // A99
    ['CR2 6XH', 'CR2 6XH'], // AA9
    ['DN55 1PT', 'DN55 1PT'], // AA99
    ['W1A 0AX', 'W1A 0AX'], // A9A
    ['ec1a1bb', 'EC1A 1BB'], // AA9A
    ['SW1A 2AA', 'SW1A 2AA'],
    ['s1 2zz', 'S1 2ZZ'],
    ['gir0aa', 'GIR 0AA'],
    ['GIR 0AA', 'GIR 0AA'],
  ])('%j → %s', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['LS1'], // outward part only
    ['4AB'],
    ['LS1 4A'],
    ['LS1 4ABC'],
    ['LSI 4AB'], // I typed for 1
    ['QQ1 1AA'], // Q never starts a postcode
    ['LS1 4CB'], // C never appears in the inward part
    ['LS1 AAB'],
    ['123 456'],
    ['LS1-4AB'],
    ['BFPO 1234'],
    ['LS1 4AB please'],
    ['12 Acacia Avenue'],
  ])('%j is not a postcode', (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });
});
