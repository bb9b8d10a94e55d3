import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TenantDirectory } from '../../../src/repairs/tenants/tenantDirectory';
import { parseTenantFile, TenantFileError } from '../../../src/repairs/tenants/tenantFile';
import { DEFAULT_TENANTS_PATH } from '../../../src/repairs/tenants/defaultTenants';

function customer(id: string, lastName: string, line1: string, postcode: string) {
  return {
    ExternalId: id,
    OrganisationExternalId: 'ORG-HA',
    Name: `Tenant ${lastName}`,
    PrimaryContact: {
      FirstName: 'Sam',
      LastName: lastName,
      MobilePhone: '07700 900101',
      EmailAddress: 's@example.com',
    },
    PrimaryAddress: { Line1: line1, City: 'Leeds', PostCode: postcode },
  };
}

const FILE = [
  customer('P1', 'Jones', '12 Acacia Avenue', 'LS1 4AB'),
  customer('P2', 'Jones', '112 Acacia Avenue', 'LS1 4AB'),
  customer('P3', 'Smith', '12A Acacia Avenue', 'LS1 4AB'),
  customer('P4', "O'Brien", 'Flat 3, Rose Court', 'LS2 7EE'),
  customer('P5', 'Smith-Jones', 'Rose Cottage, Mill Lane', 'ls27ee'),
  customer('P6', 'Brontë', 'Flat 3, 12 Aire Street', 'LS1 4AB'),
  customer('P7', 'Khan', '5 Don Terrace', 'S1 2ZZ'),
  customer('P8', 'Khan', '5 Don Terrace', 'S1 2ZZ'), // two households on file for one door: never a proof
];

describe('TenantDirectory.findTenant', () => {
  const directory = new TenantDirectory(parseTenantFile(FILE));

  it.each([
    ['exact answers', 'LS1 4AB', '12', 'Jones', 'P1'],
    ['any case and spacing of the postcode', 'ls14ab', '12', 'jones', 'P1'],
    ['the number with its street', 'LS1 4AB', '12 Acacia Avenue', 'JONES', 'P1'],
    ['punctuation in the number', 'LS1 4AB', '12,', 'Jones.', 'P1'],
    ['a lettered number, joined', 'LS1 4AB', '12a', 'Smith', 'P3'],
    ['a lettered number, spaced', 'LS1 4AB', '12 A', 'smith', 'P3'],
    ['a flat with its word', 'LS2 7EE', 'Flat 3', 'OBrien', 'P4'],
    ['a flat by its number only', 'LS2 7EE', '3', "o'brien", 'P4'],
    ['a flat, surname with a space', 'LS2 7EE', 'flat 3', 'O Brien', 'P4'],
    ['a flat, curly apostrophe', 'LS2 7EE', 'Flat 3', 'O’Brien', 'P4'],
    ['a house name', 'LS2 7EE', 'rose cottage', 'Smith Jones', 'P5'],
    ['a hyphenated surname without its hyphen', 'LS2 7EE', 'Rose Cottage', 'smithjones', 'P5'],
    ['a flat in a numbered building', 'LS1 4AB', 'Flat 3', 'Bronte', 'P6'],
    ['accents ignored', 'LS1 4AB', 'flat 3, 12', 'BRONTË', 'P6'],
  ])('finds the tenant: %s', (_why, postcode, houseNumberOrName, surname, expectedId) => {
    expect(directory.findTenant({ postcode, houseNumberOrName, surname })?.propertyId).toBe(expectedId);
  });

  it.each([
    ['wrong house number', 'LS1 4AB', '14', 'Jones'],
    ['a number that only ends like the one on file', 'LS1 4AB', '2', 'Jones'],
    ['12 is not 12A', 'LS1 4AB', '12', 'Smith'],
    ['partial surname', 'LS1 4AB', '12', 'Jon'],
    ['surname with an extra letter', 'LS1 4AB', '12', 'Joness'],
    ['other postcode', 'LS2 7EE', '12', 'Jones'],
    ['not a postcode', 'LS1', '12', 'Jones'],
    ['a fragment of a house name', 'LS2 7EE', 'Rose', 'Smith-Jones'],
    ['half of a double-barrelled surname', 'LS2 7EE', 'Rose Cottage', 'Smith'],
    ['the building number instead of the flat', 'LS1 4AB', '12', 'Bronte'],
    ['two households match: no proof', 'S1 2ZZ', '5', 'Khan'],
    ['empty answers', 'LS1 4AB', '', ''],
    ['only punctuation', 'LS1 4AB', '--', "'"],
  ])('returns null, and nothing else, for %s', (_why, postcode, houseNumberOrName, surname) => {
    expect(directory.findTenant({ postcode, houseNumberOrName, surname })).toBeNull();
  });

  it('maps Connect Customer fields to camelCase', () => {
    expect(directory.findTenant({ postcode: 'LS2 7EE', houseNumberOrName: '3', surname: 'obrien' })).toEqual({
      propertyId: 'P4',
      organisationId: 'ORG-HA',
      name: "Tenant O'Brien",
      contact: {
        firstName: 'Sam',
        lastName: "O'Brien",
        homePhone: undefined,
        workPhone: undefined,
        mobilePhone: '07700 900101',
        email: 's@example.com',
      },
      address: { line1: 'Flat 3, Rose Court', line2: undefined, line3: undefined, city: 'Leeds', postcode: 'LS2 7EE' },
    });
    expect(directory.size).toBe(FILE.length);
  });
});

describe('the tenant file', () => {
  function problemsOf(data: unknown): string[] {
    try {
      parseTenantFile(data, 'tenants.json');
    } catch (error) {
      expect(error).toBeInstanceOf(TenantFileError);
      return (error as TenantFileError).problems;
    }
    throw new Error('expected the file to be refused');
  }

  it('names the array index and field of each problem, never the value', () => {
    const bad = [
      customer('P1', 'Jones', '12 Acacia Avenue', 'LS1 4AB'),
      { ...customer('P2', 'Jones', '1 Acacia Avenue', 'NOT A POSTCODE') },
      { ...customer('P3', '', '3 Acacia Avenue', 'LS1 4AB') },
      {
        OrganisationExternalId: 'ORG-HA',
        PrimaryContact: { LastName: 'X' },
        PrimaryAddress: { Line1: '1', PostCode: 'LS1 4AB' },
      },
    ];
    const problems = problemsOf(bad);
    expect(problems).toEqual([
      '[1].PrimaryAddress.PostCode: not a UK postcode',
      expect.stringMatching(/^\[2\]\.PrimaryContact\.LastName: /),
      expect.stringMatching(/^\[3\]\.ExternalId: /),
    ]);
    expect(problems.join('\n')).not.toContain('NOT A POSTCODE');
  });

  it('refuses a file that is not an array, and duplicate properties', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^\(file\): /)]);
    expect(
      problemsOf([customer('P1', 'A', '1 A Street', 'LS1 4AB'), customer('P1', 'B', '2 A Street', 'LS1 4AB')]),
    ).toEqual(['[1].ExternalId: appears more than once']);
  });

  it('loads from a JSON file, and says so without quoting it when it is not JSON', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tenants-'));
    const good = join(folder, 'tenants.json');
    writeFileSync(good, JSON.stringify(FILE.slice(0, 2)));
    expect(TenantDirectory.fromFile(good).size).toBe(2);

    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '[{"Name": "Secret Person",');
    expect(() => TenantDirectory.fromFile(broken)).toThrow(/not valid JSON/);
    expect(() => TenantDirectory.fromFile(broken)).not.toThrow(/Secret/);
    expect(() => TenantDirectory.fromFile(join(folder, 'missing.json'))).toThrow(/cannot read it \(ENOENT\)/);
  });
});

describe('TenantDirectory.findByMobile', () => {
  const directory = TenantDirectory.fromFile(DEFAULT_TENANTS_PATH);

  it.each(['+447700900101', '07700 900101', '07700900101', '+44 (0)7700 900 101'])(
    'finds the home whose mobile on record is %s, in any format',
    (phone) => {
      expect(directory.findByMobile(phone)?.propertyId).toBe('PROP-0001');
    },
  );

  it.each(['+447700900999', '0113 496 0101', 'not a number', ''])('finds no home for %p', (phone) => {
    expect(directory.findByMobile(phone)).toBeNull();
  });
});
