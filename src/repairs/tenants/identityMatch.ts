/**
 * How a tenant's answers are compared with the tenant file. Tenants type on phones, so case, accents,
 * punctuation and spacing never decide a match; the words and numbers do.
 */

/** Lower case, accents removed (é → e), everything but letters and digits turned into single spaces. */
function plainWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '') // O'Brien → obrien: an apostrophe joins, it does not split
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** O'Brien = OBrien = o brien = O-Brien; Zoë = Zoe. A part of a surname is not the surname. */
export function sameSurname(given: string, onFile: string): boolean {
  const a = plainWords(given).join('');
  return a !== '' && a === plainWords(onFile).join('');
}

const FLAT_WORDS = new Set(['flat', 'apartment', 'apt', 'unit', 'maisonette']);

/** Words of an address line, with a house number and its letter joined: '12 A' and '12a' are both '12a'. */
function addressWords(text: string): string[] {
  const words = plainWords(text);
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && /^\d+$/.test(previous) && /^[a-z]$/.test(word)) joined[joined.length - 1] += word;
    else joined.push(word);
  }
  return joined;
}

function startsWith(words: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length > 0 && prefix.length <= words.length && prefix.every((word, i) => words[i] === word);
}

/**
 * Does the tenant's house number or name identify Line1 of the address? The answer is compared word by word with
 * the start of Line1:
 * - a number must be the whole first number: '12' matches '12 Acacia Avenue' but not '112 Acacia Avenue' nor
 *   '12A Acacia Avenue' (12A is another home; '12a' or '12 A' match it);
 * - a flat may be given with or without its word: 'Flat 3' and '3' both match 'Flat 3, Rose Court';
 * - a name without a number must be the whole first part of Line1 (up to its first comma): 'Rose Cottage'
 *   matches 'Rose Cottage, Mill Lane' but 'Rose' does not, so a fragment cannot single out a home.
 */
export function sameHouse(given: string, line1: string): boolean {
  const answer = addressWords(given);
  const line = addressWords(line1);
  if (answer.length === 0) return false;
  const withoutFlatWord = (words: string[]) => (FLAT_WORDS.has(words[0] ?? '') ? words.slice(1) : words);
  const candidates = [line, withoutFlatWord(line)];
  const answers = [answer, withoutFlatWord(answer)].filter((words) => words.length > 0);
  if (answers.some((words) => words.some((word) => /\d/.test(word)))) {
    return answers.some((words) => candidates.some((candidate) => startsWith(candidate, words)));
  }
  const firstPart = addressWords(line1.split(',')[0] ?? '');
  return answers.some((words) => words.join(' ') === firstPart.join(' '));
}
