/**
 * How many wrong tenant checks a conversation may make before the bot stops checking and points the tenant to
 * the phone line. Three is what banks and councils commonly allow; it is enough for typos, too few for guessing.
 */
export const DEFAULT_MAX_TENANT_CHECK_FAILURES = 3;

export function isLockedOut(failures: number, max: number = DEFAULT_MAX_TENANT_CHECK_FAILURES): boolean {
  return failures >= max;
}
