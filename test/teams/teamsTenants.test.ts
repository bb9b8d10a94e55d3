import { parseTenantFile, TenantDirectory, TenantFileError } from '../../src/repairs/tenants';

const customer = (externalId: string, customFields?: { Name: string; Value: string }[]) => ({
  ExternalId: externalId,
  OrganisationExternalId: 'ORG-HA',
  PrimaryContact: { LastName: 'Hart' },
  PrimaryAddress: { Line1: '12 Aire Street', PostCode: 'LS1 4AB' },
  ...(customFields ? { CustomFields: customFields } : {}),
});
const ID = '0F5A2C1E-3B4D-4E6F-8A9B-1C2D3E4F5A6B';

describe('Teams accounts in the tenant directory', () => {
  it.each([
    ['recorded (any case)', [customer('P1', [{ Name: 'TeamsAadObjectId', Value: ID }])], ID.toLowerCase(), 'P1'],
    ['not recorded', [customer('P1')], ID, null],
    ['other custom fields only', [customer('P1', [{ Name: 'Pets', Value: 'dog' }])], ID, null],
    [
      'recorded on two tenancies: no proof',
      [
        customer('P1', [{ Name: 'TeamsAadObjectId', Value: ID }]),
        customer('P2', [{ Name: 'TeamsAadObjectId', Value: ID }]),
      ],
      ID,
      null,
    ],
    ['an empty id', [customer('P1', [{ Name: 'TeamsAadObjectId', Value: ID }])], ' ', null],
  ])('%s', (_name, file, aadObjectId, expected) => {
    const directory = new TenantDirectory(parseTenantFile(file));
    expect(directory.findByTeamsUser(aadObjectId)?.propertyId ?? null).toBe(expected);
  });

  it('a TeamsAadObjectId that is not a GUID stops start-up with its place, not its value', () => {
    const bad = [customer('P1', [{ Name: 'TeamsAadObjectId', Value: 'amelia@example.com' }])];
    expect(() => parseTenantFile(bad)).toThrow(TenantFileError);
    expect(() => parseTenantFile(bad)).toThrow(/\[0\]\.CustomFields\[0\]\.Value: not an Entra object id/);
    expect(() => parseTenantFile(bad)).not.toThrow(/amelia/);
  });
});
