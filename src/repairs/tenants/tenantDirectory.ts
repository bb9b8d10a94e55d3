import { houseAndSurnameCandidates } from './houseAndSurname';
import { sameHouse, sameSurname } from './identityMatch';
import { normalisePostcode } from './postcode';
import { type Tenant } from './tenant';
import { parseUkPhone } from './phone';
import { loadTenantFile } from './tenantFile';

/** What a tenant tells the bot to prove which home they are reporting for. */
export interface TenantQuery {
  postcode: string;
  houseNumberOrName: string;
  surname: string;
}

/**
 * The tenants the bot can serve, indexed by postcode. `findTenant` answers only "this tenant" or null: it never
 * says which answer was wrong, so nobody can use the bot to learn who lives where.
 */
export class TenantDirectory {
  private readonly byPostcode = new Map<string, Tenant[]>();
  private readonly byProperty = new Map<string, Tenant>();
  /** E.164 mobile → the homes that have it on record (a shared family phone can be on several). */
  private readonly byMobile = new Map<string, Tenant[]>();

  constructor(tenants: readonly Tenant[]) {
    for (const tenant of tenants) {
      this.byProperty.set(tenant.propertyId, tenant);
      const list = this.byPostcode.get(tenant.address.postcode) ?? [];
      list.push(tenant);
      this.byPostcode.set(tenant.address.postcode, list);
      const mobile = tenant.contact.mobilePhone ? parseUkPhone(tenant.contact.mobilePhone)?.e164 : undefined;
      if (mobile) this.byMobile.set(mobile, [...(this.byMobile.get(mobile) ?? []), tenant]);
    }
  }

  static fromFile(path: string): TenantDirectory {
    return new TenantDirectory(loadTenantFile(path));
  }

  /** The one tenant matching all three answers, or null (no match, or more than one and so no proof). */
  findTenant(query: TenantQuery): Tenant | null {
    const postcode = normalisePostcode(query.postcode);
    if (postcode === null) return null;
    const matches = (this.byPostcode.get(postcode) ?? []).filter(
      (tenant) =>
        sameHouse(query.houseNumberOrName, tenant.address.line1) && sameSurname(query.surname, tenant.contact.lastName),
    );
    return matches.length === 1 ? (matches[0] ?? null) : null;
  }

  /** The tenant check's second answer, house and surname in one line: every reading of it must agree on one home. */
  findByAnswers(postcode: string, houseAndSurname: string): Tenant | null {
    const found = new Map<string, Tenant>();
    for (const candidate of houseAndSurnameCandidates(houseAndSurname)) {
      const tenant = this.findTenant({ postcode, ...candidate });
      if (tenant) found.set(tenant.propertyId, tenant);
    }
    return found.size === 1 ? ([...found.values()][0] ?? null) : null;
  }

  /** The one tenant whose recorded Teams accounts include this Entra object id, or null (none, or ambiguous). */
  findByTeamsUser(aadObjectId: string): Tenant | null {
    const id = aadObjectId.trim().toLowerCase();
    if (!id) return null;
    const matches = [...this.byProperty.values()].filter((tenant) => tenant.teamsAadObjectIds?.includes(id));
    return matches.length === 1 ? (matches[0] ?? null) : null;
  }

  /**
   * The one tenant whose mobile on record is this number (any format), or null (none, or shared by several homes).
   * A number alone proves nothing (phones are lost, shared and spoofed), so callers still ask for the postcode.
   */
  findByMobile(phone: string): Tenant | null {
    const wanted = parseUkPhone(phone)?.e164;
    if (!wanted) return null;
    const matches = this.byMobile.get(wanted) ?? [];
    return matches.length === 1 ? (matches[0] ?? null) : null;
  }

  findByPropertyId(propertyId: string): Tenant | undefined {
    return this.byProperty.get(propertyId);
  }

  get size(): number {
    return this.byProperty.size;
  }
}
