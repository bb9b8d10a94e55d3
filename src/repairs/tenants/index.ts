export { normalisePostcode } from './postcode';
export { type Tenant, type TenantAddress, type TenantContact } from './tenant';
export { TenantFileError, loadTenantFile, parseTenantFile } from './tenantFile';
export { TenantDirectory, type TenantQuery } from './tenantDirectory';
export { DEFAULT_MAX_TENANT_CHECK_FAILURES, isLockedOut } from './lockout';
export { maskEmail, maskPhone } from './masking';
export { type UkPhone, parseUkPhone } from './phone';
export { parseEmail } from './email';
export {
  type ContactChoice,
  ContactPreference,
  type ContactPreferences,
  MessagingPreference,
  contactPreferencesFor,
} from './contactPreference';
export { type HouseAndSurname, houseAndSurnameCandidates } from './houseAndSurname';
export {
  PROPERTY_CLAIM,
  SiteIdentityVerifier,
  type SiteIdentityRefusal,
  type SiteIdentityResult,
  type SiteIdentitySettings,
} from './siteIdentity';
