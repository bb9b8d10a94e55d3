/**
 * Contact details shown back to a tenant to confirm ("we'll text the number ending 123") reveal only what the
 * owner needs to recognise them: someone else reading the chat learns next to nothing.
 */

/** '07700 900123' → 'ending 123'. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 3 ? `ending ${digits.slice(-3)}` : 'ending ***';
}

const BULLETS = '••••';
// Two-part endings where the last part alone would say too little ('.uk'); the part before them stays hidden.
const TWO_PART_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'net.uk',
  'ac.uk',
  'gov.uk',
  'nhs.uk',
  'sch.uk',
]);

/**
 * 'sam.jones@example.com' → 's••••@e••••.com': the first letter of the name and of the domain, and the ending.
 * The number of dots is fixed, so the length of the address is not given away.
 */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return BULLETS;
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const lastTwo = labels.slice(-2).join('.');
  const suffixLabels = labels.length > 2 && TWO_PART_SUFFIXES.has(lastTwo) ? 2 : 1;
  const suffix = labels.length > suffixLabels ? `.${labels.slice(-suffixLabels).join('.')}` : '';
  return `${local[0]}${BULLETS}@${domain[0]}${BULLETS}${suffix}`;
}
