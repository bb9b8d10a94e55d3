/**
 * Personal details taken out of a tenant's message before it is kept for staff to learn from: e-mail addresses,
 * phone numbers, postcodes, house numbers with their street, and names the tenant gives ("my name is…", "I am…",
 * "this is…", "Mrs Patel"). Each is replaced by a marker in square brackets, so what the message was about stays
 * readable: "leak under the bath at [address], call me on [phone]". Where a rule is unsure it redacts: a lost word
 * of a repair description costs less than a kept name.
 */

export const REDACTED = {
  email: '[email]',
  phone: '[phone]',
  postcode: '[postcode]',
  address: '[address]',
  name: '[name]',
} as const;

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * Runs of digits with the separators people type in phone numbers (spaces, dashes, dots, brackets), optionally after
 * '+'. Kept only with at least nine digits (UK numbers have ten or eleven, a number without its leading 0 nine), so
 * "2 taps and 3 radiators" or "between 10 and 12" stay.
 */
const PHONE_CANDIDATE = /\+?\(?\d(?:[\s\-.()]{0,3}\d)+/g;
const MIN_PHONE_DIGITS = 9;

/** Royal Mail's postcode format, any case, with or without the space (as in src/repairs/tenants/postcode.ts). */
const OUTWARD =
  '(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])';
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}';
const POSTCODE = new RegExp(`\\b${OUTWARD}\\s*${INWARD}\\b`, 'gi');

/** Street words that end a street name; words that are also ordinary ('green', 'park', 'view') are left out. */
const STREET_WORDS = [
  'street',
  'st',
  'road',
  'rd',
  'avenue',
  'ave',
  'lane',
  'ln',
  'close',
  'cl',
  'drive',
  'dr',
  'way',
  'court',
  'ct',
  'crescent',
  'cres',
  'place',
  'pl',
  'terrace',
  'gardens',
  'gdns',
  'grove',
  'square',
  'sq',
  'mews',
  'parade',
  'hill',
  'towers',
  'tower',
  'heights',
];
/** Words that cannot be part of a street's name, so "the 2 windows won't close" is not read as an address. */
const NOT_STREET_NAME =
  "in|on|at|to|the|is|are|was|were|be|been|won't|wont|don't|dont|doesn't|doesnt|can't|cant|not|will|and|or|of|" +
  'my|a|an|it|that|which|has|have|had|with|for|from|by|keeps|keep|also';
/**
 * A house number (12, 12a, 12-14), then one to four words of the street's name, then a street word:
 * "12 Acacia Avenue", "21b baker st", "4, St John's Road", "flat 3 12 Mill Lane".
 */
const ADDRESS = new RegExp(
  `\\b\\d{1,4}[a-z]?(?:\\s*[-/]\\s*\\d{1,4}[a-z]?)?,?\\s+` +
    `(?:(?!(?:${NOT_STREET_NAME})\\s)[a-z][\\w'’.-]*\\s+){1,4}(?:${STREET_WORDS.join('|')})\\b\\.?`,
  'gi',
);

/** Courtesy titles before a name: "Mrs Patel", "mr j smith". */
const TITLE =
  /\b(?:[Mm][Rr][Ss]?|[Mm][Ss]|[Mm]iss|MISS|[Mm][Xx]|[Dd][Rr])\.?\s+(?:[A-Z]\.?\s+)?[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+)?/g;

/** Words that end a name given after "my name is": "my name is sarah and my bath leaks". */
const AFTER_NAME: ReadonlySet<string> = new Set(
  (
    "and but or i i'm im my me the a from at in of on here speaking calling flat house number phone tel " +
    "mobile email we our there is it its it's with to please thanks thank hi hello can could would need have " +
    'has live lives living who'
  ).split(' '),
);

/**
 * Words that follow "I am" or "this is" without being a name: what tenants say about themselves or the repair.
 * Words ending -ing, -ed, -ly, -ful, -ous, -ive, -able, -ible are taken as such too ("I am waiting", "this is
 * disgusting", "this is ridiculous").
 */
const NOT_A_NAME: ReadonlySet<string> = new Set([
  ...AFTER_NAME,
  ...(
    'not an so very really still just also now again too quite about all no yes home out away back fine ok ' +
    'okay sorry cold ill sick unwell elderly old pregnant alone deaf blind afraid sure unsure urgent serious ' +
    'bad worse terrible awful broken stuck wet damp new tenant resident landlord mum dad mother father carer ' +
    'son daughter husband wife partner neighbour one two three first second third last what how that this why ' +
    'where when which for because as by if unacceptable desperate fed tired vulnerable homeless worried ' +
    'scared frightened freezing soaked after before since until due meant supposed told ready available free ' +
    'busy off up down over under inside outside upstairs downstairs ground top bottom ridiculous dangerous ' +
    'beyond mould mold leak water gas electric electrics heating boiler toilet damage'
  ).split(' '),
]);
const NOT_A_NAME_ENDING = /(?:ing|ed|ly|ful|ous|ive|able|ible|ent|ant)$/;

const WORD = /^[A-Za-z][A-Za-z'’-]*$/;
const INTRODUCTION = /\b(?:my\s+name\s+is|my\s+name's|my\s+names|name\s+is|i\s+am|i'm|i’m|im|this\s+is)\s+/gi;
const FIRMLY_A_NAME = /^(?:my\s+name|name\s+is)/i;
const MAX_NAME_WORDS = 3;

const isCapitalised = (word: string): boolean => /^[A-Z][A-Za-z'’-]*$/.test(word);
const plain = (word: string): string => word.toLowerCase().replace(/’/g, "'");

/**
 * How many of the words after an introduction are a name. After "my name is": any words up to one that ends a name.
 * After "I am" or "this is": capitalised words ("I am Sarah Jones"), or lowercase ones that end the clause or come
 * before a word that ends a name ("this is sarah from flat 2"), never words tenants say of themselves or of the
 * repair ("I am cold", "this is the third time", "I am waiting").
 */
function nameLength(words: readonly { word: string; end: boolean }[], firm: boolean): number {
  const first = words[0];
  if (!first) return 0;
  const capitalised = !firm && isCapitalised(first.word);
  let count = 0;
  for (const { word, end } of words.slice(0, MAX_NAME_WORDS)) {
    const lower = plain(word);
    if (!WORD.test(word)) break;
    if (firm ? AFTER_NAME.has(lower) : NOT_A_NAME.has(lower)) break;
    if (!firm && !capitalised && NOT_A_NAME_ENDING.test(lower)) break;
    if (capitalised && !isCapitalised(word)) break;
    count += 1;
    if (end) break;
  }
  if (firm || capitalised || count === 0) return count;
  const endsClause = words[count - 1]?.end === true || count === words.length;
  const next = words[count]?.word;
  return endsClause || (next !== undefined && AFTER_NAME.has(plain(next))) ? count : 0;
}

function redactNames(text: string): string {
  let result = '';
  let from = 0;
  for (const intro of text.matchAll(INTRODUCTION)) {
    const start = (intro.index ?? 0) + intro[0].length;
    if (start < from) continue;
    // The words after the introduction, each with whether punctuation ends its clause.
    const rest = text.slice(start);
    const tokens = [...rest.matchAll(/([^\s,.;:!?()]+)([\s]*[,.;:!?()]*)?/g)].slice(0, MAX_NAME_WORDS + 1);
    const words = tokens.map((t) => ({ word: t[1] ?? '', end: /[,.;:!?()]/.test(t[2] ?? '') }));
    const length = nameLength(words, FIRMLY_A_NAME.test(intro[0]));
    if (length === 0) continue;
    const last = tokens[length - 1] as RegExpExecArray;
    const end = start + (last.index ?? 0) + (last[1] ?? '').length;
    result += text.slice(from, start) + REDACTED.name;
    from = end;
  }
  return result + text.slice(from);
}

function redactPhones(text: string): string {
  return text.replace(PHONE_CANDIDATE, (candidate) => {
    const digits = candidate.replace(/\D/g, '').length;
    return digits >= MIN_PHONE_DIGITS ? REDACTED.phone : candidate;
  });
}

/** The message with personal details replaced by markers; whitespace is kept as typed. */
export function redact(text: string): string {
  let result = text.replace(EMAIL, REDACTED.email);
  result = redactPhones(result);
  result = result.replace(POSTCODE, REDACTED.postcode);
  result = result.replace(ADDRESS, REDACTED.address);
  result = result.replace(TITLE, REDACTED.name);
  return redactNames(result);
}
