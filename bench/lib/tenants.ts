/**
 * Made-up tenants for the bench, one property each, so that hundreds of journeys run at once without the bot's
 * duplicate-report check seeing the same repair twice at one property. The same list goes into the bot's tenant
 * file (TENANTS_FILE) and into the simulator (seed), as a landlord's housing system and Connect would both hold them.
 */
export interface BenchTenant {
  ExternalId: string;
  OrganisationExternalId: string;
  Name: string;
  PrimaryContact: { FirstName: string; LastName: string; MobilePhone: string; EmailAddress: string };
  PrimaryAddress: { Line1: string; City: string; PostCode: string };
}

// Postcode unit letters never use C, I, K, M, O or V.
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const SURNAMES = ['Hart', 'Okafor', 'Sharma', 'Nowak', 'Evans', 'Begum', 'Murphy', 'Kowalski', 'Adeyemi', 'Walsh'];

export function benchTenants(count: number): BenchTenant[] {
  const tenants: BenchTenant[] = [];
  for (let i = 0; i < count; i++) {
    const letters = UNIT_LETTERS.length;
    const unit = `${i % 10}${UNIT_LETTERS[Math.floor(i / 10) % letters]}${UNIT_LETTERS[Math.floor(i / (10 * letters)) % letters]}`;
    const district = 1 + Math.floor(i / (10 * letters * letters));
    const surname = SURNAMES[i % SURNAMES.length]!;
    const house = String(1 + (i % 97));
    tenants.push({
      ExternalId: `BENCH-${String(i + 1).padStart(6, '0')}`,
      OrganisationExternalId: 'ORG-HA',
      Name: `Bench Tenant ${surname}`,
      PrimaryContact: {
        FirstName: 'Bench',
        LastName: surname,
        // Ofcom's drama range: never a real phone.
        MobilePhone: `07700 900${String(i % 1000).padStart(3, '0')}`,
        EmailAddress: `bench.tenant${i + 1}@example.com`,
      },
      PrimaryAddress: { Line1: `${house} Bench Street`, City: 'Leeds', PostCode: `LS${district} ${unit}` },
    });
  }
  return tenants;
}

/** What the tenant types for the postcode and for "house number or name, and surname". */
export function identityAnswers(tenant: BenchTenant): { postcode: string; house: string } {
  const house = tenant.PrimaryAddress.Line1.split(' ')[0]!;
  return { postcode: tenant.PrimaryAddress.PostCode, house: `${house}, ${tenant.PrimaryContact.LastName}` };
}
