import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalisePostcode } from './postcode';
import { type Tenant } from './tenant';

/**
 * The tenant file (TENANTS_FILE): a JSON array of Connect Customer objects, checked once at start-up. A bad entry
 * stops start-up with its array index and field, e.g. `[3].PrimaryAddress.PostCode: not a UK postcode`, so the
 * person editing the file can find it; values are never echoed, because they are personal data.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

const contactSchema = z.object({
  FirstName: optionalText(64),
  // The surname is what a tenant proves who they are with, so a contact without one cannot be found.
  LastName: text(64),
  HomePhone: optionalText(32),
  WorkPhone: optionalText(32),
  MobilePhone: optionalText(32),
  EmailAddress: optionalText(64),
});

const addressSchema = z.object({
  Line1: text(128),
  Line2: optionalText(128),
  Line3: optionalText(128),
  City: optionalText(64),
  PostCode: z
    .string()
    .max(48)
    .transform((value, ctx) => {
      const postcode = normalisePostcode(value);
      if (postcode === null) {
        ctx.addIssue({ code: 'custom', message: 'not a UK postcode' });
        return z.NEVER;
      }
      return postcode;
    }),
});

const customerSchema = z.object({
  ExternalId: text(64),
  OrganisationExternalId: text(64),
  Name: optionalText(64),
  PrimaryContact: contactSchema,
  PrimaryAddress: addressSchema,
  // Connect's NameValuePair list; the bot reads only 'TeamsAadObjectId' (an Entra object id, a GUID).
  CustomFields: z.array(z.object({ Name: z.string().max(64), Value: z.string().max(256) })).optional(),
});

const TEAMS_AAD_OBJECT_ID = 'TeamsAadObjectId';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const tenantFileSchema = z.array(
  customerSchema.superRefine((entry, ctx) =>
    (entry.CustomFields ?? []).forEach((field, i) => {
      if (field.Name === TEAMS_AAD_OBJECT_ID && !GUID.test(field.Value.trim())) {
        ctx.addIssue({ code: 'custom', path: ['CustomFields', i, 'Value'], message: 'not an Entra object id (GUID)' });
      }
    }),
  ),
);

type CustomerEntry = z.infer<typeof customerSchema>;

export class TenantFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid tenant file ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TenantFileError';
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

function toTenant(entry: CustomerEntry): Tenant {
  const contact = entry.PrimaryContact;
  const address = entry.PrimaryAddress;
  return {
    propertyId: entry.ExternalId,
    organisationId: entry.OrganisationExternalId,
    name: entry.Name,
    contact: {
      firstName: contact.FirstName,
      lastName: contact.LastName,
      homePhone: contact.HomePhone,
      workPhone: contact.WorkPhone,
      mobilePhone: contact.MobilePhone,
      email: contact.EmailAddress,
    },
    address: {
      line1: address.Line1,
      line2: address.Line2,
      line3: address.Line3,
      city: address.City,
      postcode: address.PostCode,
    },
    ...teamsAccounts(entry),
  };
}

function teamsAccounts(entry: CustomerEntry): Pick<Tenant, 'teamsAadObjectIds'> {
  const ids = (entry.CustomFields ?? [])
    .filter((field) => field.Name === TEAMS_AAD_OBJECT_ID)
    .map((field) => field.Value.trim().toLowerCase());
  return ids.length > 0 ? { teamsAadObjectIds: ids } : {};
}

/** Validates parsed JSON and maps it to tenants; `source` names the file in errors. */
export function parseTenantFile(data: unknown, source = 'tenants'): Tenant[] {
  const parsed = tenantFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new TenantFileError(
      source,
      parsed.error.issues.map((issue) => `${pathOf(issue.path) || '(file)'}: ${issue.message}`),
    );
  }
  const seen = new Set<string>();
  const duplicates = parsed.data.flatMap((entry, index) => {
    if (!seen.has(entry.ExternalId)) {
      seen.add(entry.ExternalId);
      return [];
    }
    return [`[${index}].ExternalId: appears more than once`];
  });
  if (duplicates.length > 0) throw new TenantFileError(source, duplicates);
  return parsed.data.map(toTenant);
}

/** Reads and checks the tenant file at start-up. */
export function loadTenantFile(path: string): Tenant[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    // JSON.parse quotes the text around a syntax error, which may be a tenant's details: say only what went wrong.
    const reason =
      error instanceof SyntaxError
        ? 'not valid JSON'
        : `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    throw new TenantFileError(path, [reason]);
  }
  return parseTenantFile(data, path);
}
