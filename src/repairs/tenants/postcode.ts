/**
 * UK postcodes as tenants type them: any case, any spacing. The pattern follows the Royal Mail format rules (the
 * letters each position may hold), so a typo such as 'LSI 4AB' is refused rather than silently matching nobody.
 * BFPO and overseas territories' postcodes are not homes a landlord repairs, so they are not accepted.
 */
const OUTWARD =
  '(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])';
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}';
const POSTCODE = new RegExp(`^(?:(${OUTWARD})(${INWARD})|(GIR)(0AA))$`);

/** 'ls14ab', ' Ls1  4aB ' → 'LS1 4AB'; null when the text is not a UK postcode. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const match = POSTCODE.exec(compact);
  if (!match) return null;
  const outward = match[1] ?? match[3];
  const inward = match[2] ?? match[4];
  return `${outward} ${inward}`;
}
