import { parseEmail, parseUkPhone } from '../tenants';

/** How someone who has not passed the tenant check can be reached: a UK phone number or an e-mail address. */
export type ContactAnswer = { kind: 'phone'; phone: string } | { kind: 'email'; email: string };

/**
 * Reads "a phone number or an e-mail address" as one answer: an answer with an @ is read as an e-mail address,
 * anything else as a UK phone number (landlines too: the team calls, it does not text). The phone is kept in its
 * national form ('07700 900123'), as the team will dial it. Null when it is neither.
 */
export function parseContactAnswer(input: string): ContactAnswer | null {
  const text = input.trim();
  if (text.includes('@')) {
    const email = parseEmail(text);
    return email ? { kind: 'email', email } : null;
  }
  const phone = parseUkPhone(text);
  return phone ? { kind: 'phone', phone: phone.national } : null;
}

export const MAX_NAME_LENGTH = 80;

/**
 * A name as someone types it to be called back ("Sam", "Mrs O'Brien", "Zoë Hart, her daughter"): a letter at
 * least, no digits or @ (a phone number or address typed into the wrong answer), at most 80 characters, spaces
 * tidied. Null otherwise.
 */
export function parseName(input: string): string | null {
  const name = input.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return null;
  if (!/\p{L}/u.test(name) || /[\d@]/.test(name) || /\p{Cc}/u.test(name)) return null;
  return name;
}
