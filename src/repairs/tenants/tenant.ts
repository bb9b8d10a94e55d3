/**
 * A tenancy as the bot knows it: one Connect Customer per property. Field names are ours; the tenant file and
 * Connect use PascalCase, mapped once when the file is loaded.
 */
export interface TenantContact {
  firstName?: string;
  lastName: string;
  homePhone?: string;
  workPhone?: string;
  mobilePhone?: string;
  email?: string;
}

export interface TenantAddress {
  line1: string;
  line2?: string;
  line3?: string;
  city?: string;
  /** Normalised, e.g. 'LS1 4AB'. */
  postcode: string;
}

export interface Tenant {
  /** Connect's Customer.ExternalId: the property, which is what an order is raised against. */
  propertyId: string;
  /** Connect's Customer.OrganisationExternalId. */
  organisationId: string;
  /** Customer.Name, e.g. 'Ms Amelia Hart'. */
  name?: string;
  contact: TenantContact;
  address: TenantAddress;
  /** Microsoft Entra object ids of the tenant's Teams accounts (CustomFields 'TeamsAadObjectId'), lower case. */
  teamsAadObjectIds?: string[];
}
