import { type NumberType, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A UK phone number a tenant gave, checked and in the form Connect and SMS gateways want. */
export interface UkPhone {
  /** '+447700900123' */
  e164: string;
  /** '07700 900123', for reading back. */
  national: string;
  /** Only mobiles can receive the texts the bot sends. */
  isMobile: boolean;
}

// The Crown dependencies share +44 and UK mobile networks; tenants there type their numbers like anyone else.
const UK_NUMBERING = new Set(['GB', 'GG', 'JE', 'IM']);
// A tenant's contact number is never a premium-rate line or a pager.
const REFUSED_TYPES = new Set<NumberType>(['PREMIUM_RATE', 'SHARED_COST', 'PAGER']);

/**
 * Ofcom's ranges for drama and tests (07700 900000–900999 mobile, 01632 960000–960999 landline) are not in
 * libphonenumber's list of valid numbers. No real tenant has one, but the simulator's demo tenants and the tests
 * do, so they are accepted, and a typed '07700 900123' is a mobile as a tenant would expect.
 */
function dramaNumberType(nationalNumber: string): NumberType {
  if (/^7700900\d{3}$/.test(nationalNumber)) return 'MOBILE';
  if (/^1632960\d{3}$/.test(nationalNumber)) return 'FIXED_LINE';
  return undefined;
}

/** The kind of line, or undefined when the number is not a valid UK one. */
function ukNumberType(parsed: PhoneNumber): NumberType | 'UNKNOWN' {
  if (parsed.countryCallingCode !== '44') return undefined;
  if (!parsed.isValid()) return dramaNumberType(parsed.nationalNumber);
  if (!parsed.country || !UK_NUMBERING.has(parsed.country)) return undefined;
  return parsed.getType() ?? 'UNKNOWN';
}

/**
 * Accepts 07…, +447…, 447…, 0044…, '+44 (0)…', with spaces, dashes, dots and brackets; landlines too.
 * Returns null when it is not a UK number a tenant could be reached on.
 */
export function parseUkPhone(input: string): UkPhone | null {
  const trimmed = input.trim();
  // libphonenumber forgives letters ('0800 FLOWERS'); a tenant's own number never has any.
  if (!/^[\d\s()+\-.]+$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'GB');
  if (!parsed) return null;
  const type = ukNumberType(parsed);
  if (type === undefined || (type !== 'UNKNOWN' && REFUSED_TYPES.has(type))) return null;
  return {
    e164: parsed.number,
    national: parsed.formatNational(),
    isMobile: type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE',
  };
}
