/**
 * A small suffix stripper in the spirit of Porter's: enough that "leaking", "leaks" and "leaked" meet "leak", and
 * "mouldy" meets "mould", for the short texts tenants send. Index and query go through the same function, so a
 * stem only needs to be consistent, not a real word ("ceiling" → "ceil", "pipe" and "piping" → "pip").
 */

const VOWEL = /[aeiouy]/;
const hasVowel = (stem: string): boolean => VOWEL.test(stem);
const UNDOUBLED = /([bdgmnprt])\1$/; // "dripping" → "dripp" → "drip"; "ll", "ss", "ff" stay ("fall", "glass")

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'/g, '');
  if (w.length <= 3) return w;

  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  for (const suffix of ['ing', 'ed']) {
    const rest = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && rest.length >= 3 && hasVowel(rest)) {
      w = UNDOUBLED.test(rest) ? rest.slice(0, -1) : rest;
      break;
    }
  }

  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  if (w.endsWith('bly'))
    w = w.slice(0, -1); // "wobbly", "crumbly" → "wobbl", as "wobble" will be
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2); // "slowly" → "slow"
  // "mouldy" → "mould", "leaky" → "leak"; not after a vowel ("key") and not on short words ("dry").
  if (w.endsWith('y') && w.length > 4 && !/[aeiou]y$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
