/**
 * One normal form for what tenants type, shared by the emergency detector and the diagnosis matcher, so both read
 * "cant turn the water off!!" and "Can’t turn the water off" the same way. Punctuation is kept (the detector uses it
 * to end the reach of a "not"); everything else that varies without changing the meaning is flattened.
 */

/** SMS and chat spellings → the words the catalogue and the lexicons are written in. Keys are whole words. */
export const SMS_SPELLINGS: Readonly<Record<string, string>> = {
  thru: 'through',
  threw: 'through', // "water coming threw the ceiling" is common enough to fix here
  cant: "can't",
  cannot: "can't",
  wont: "won't",
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  arent: "aren't",
  wasnt: "wasn't",
  werent: "weren't",
  havent: "haven't",
  hasnt: "hasn't",
  couldnt: "couldn't",
  wouldnt: "wouldn't",
  aint: "isn't",
  im: "i'm",
  ive: "i've",
  theres: "there's",
  ur: 'your',
  u: 'you',
  pls: 'please',
  plz: 'please',
  plse: 'please',
  elec: 'electric',
  lecky: 'electric',
  leccy: 'electric',
  lekky: 'electric',
  loo: 'toilet',
  kitchn: 'kitchen',
  kitchin: 'kitchen',
  bthrm: 'bathroom',
  bathrm: 'bathroom',
  bedrm: 'bedroom',
  rm: 'room',
  cos: 'because',
  coz: 'because',
  bcoz: 'because',
  bc: 'because',
  wiv: 'with',
  nd: 'and',
  n: 'and',
  abt: 'about',
  asap: 'as soon as possible',
  '2day': 'today',
  tmrw: 'tomorrow',
  tmw: 'tomorrow',
  ppl: 'people',
  gd: 'good',
  nt: 'not',
  // Misspellings and dropped g's common enough in repair reports that both the detector and the matcher want them
  leeking: 'leaking',
  leekin: 'leaking',
  leakin: 'leaking',
  leakn: 'leaking',
  drippin: 'dripping',
  pourin: 'pouring',
  poring: 'pouring',
  comin: 'coming',
  workin: 'working',
  wrkin: 'working',
  wrking: 'working',
  brokn: 'broken',
  blokd: 'blocked',
  blockd: 'blocked',
  bloked: 'blocked',
  celing: 'ceiling',
  cieling: 'ceiling',
  ceilin: 'ceiling',
  frnt: 'front',
  bk: 'back',
  flr: 'floor',
  extractr: 'extractor',
  extracter: 'extractor',
};

/** Typographic quotes and dashes that phones insert → their plain forms. */
const TYPOGRAPHIC: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/[\u200B-\u200D\uFEFF]/g, ''],
  [/&/g, ' and '],
  [/\s\+\s/g, ' and '],
  // "heating/hot water" means either of them.
  [/([a-z])\/([a-z])/g, '$1 or $2'],
];

/** Two-word forms of the contractions the lexicons are written with ("can not lock" reads as "can't lock"). */
const SPLIT_CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bcan\s+not\b/g, "can't"],
  [/\bwill\s+not\b/g, "won't"],
];

/** A word in the SMS table, or a word with a clitic whose stem is ("loo's" → "toilet's"). */
function spelt(word: string): string {
  const whole = SMS_SPELLINGS[word];
  if (whole !== undefined) return whole;
  const clitic = /^([a-z0-9]+)('(?:s|re|ll|d|ve|m))$/.exec(word);
  const stem = clitic ? SMS_SPELLINGS[clitic[1]!] : undefined;
  return stem !== undefined && !stem.includes("'") && !stem.includes(' ') ? `${stem}${clitic![2]}` : word;
}

/**
 * Lower-cases, straightens quotes and dashes, squeezes runs of three or more of the same letter ("gasssss" → "gass"),
 * spells out SMS words on word boundaries and collapses white space. Deterministic and idempotent.
 */
export function normaliseTenantText(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  for (const [pattern, plain] of TYPOGRAPHIC) out = out.replace(pattern, plain);
  out = out.replace(/([a-z])\1{2,}/g, '$1$1');
  // A word glued to a hyphen is part of a compound ("u-bend", "en-suite"), not an SMS spelling.
  out = out.replace(/[a-z0-9]+(?:'[a-z]+)*/g, (word, offset: number, whole: string) =>
    whole[offset - 1] === '-' || whole[offset + word.length] === '-' ? word : spelt(word),
  );
  for (const [pattern, contracted] of SPLIT_CONTRACTIONS) out = out.replace(pattern, contracted);
  return out.replace(/\s+/g, ' ').trim();
}

/** The words of already normalised text, apostrophes kept inside words ("won't"), punctuation dropped. */
export function wordsOf(normalised: string): string[] {
  return normalised.match(/[a-z0-9]+(?:'[a-z]+)*/g) ?? [];
}
