import { z } from 'zod';

const emailSchema = z.email();

/**
 * A basic check of an email address a tenant typed: one @, a name, a domain with a dot, no spaces. Whether it
 * reaches anyone only a sent message can tell. Returns the address trimmed, its domain in lower case, or null.
 */
export function parseEmail(input: string): string | null {
  const trimmed = input.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return null;
  const address = `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
  return address.length <= 64 && emailSchema.safeParse(address).success ? address : null;
}
