/**
 * The ways a tenant picks from a numbered list of slots, or turns them all down, in their own words. Matching is
 * on the whole message (after politeness is stripped), so "not Monday" is never read as "no".
 */
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

const POLITENESS =
  /\b(?:please|pls|thanks|thank you|cheers|ta|ok|okay|yes|yeah|i'?ll take|i'?d like|i would like|i want|can i have|can i get|could i have|i'?ll have|go for|go with|let'?s do|let'?s go with|i'?ll go (?:for|with)|i choose|i pick|give me)\b/g;

/** Lower case, politeness and punctuation at the edges removed: "Number 2, please!" → "number 2". */
export function plainChoice(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(POLITENESS, ' ')
    .replace(/[!?,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
}

const LIST_WORD = '(?:number|no\\.?|option|choice|slot|#)';
const ITEM_WORD = '(?:one|option|choice|slot|time|date|appointment)';

/**
 * The position a tenant picked, counting from 1, or 'last'; undefined when the message is not a pick.
 * '2', '2.', 'number 2', 'option two', 'the second one', '2nd one', 'the last one'. A bare ordinal with digits
 * ('the 2nd') is left to be read as a date, because 'the 14th' is one.
 */
export function pickedPosition(choice: string): number | 'last' | undefined {
  const digits = new RegExp(`^(?:${LIST_WORD}\\s*)?(\\d{1,2})\\s*[.)]?$`).exec(choice);
  if (digits) return Number(digits[1]);
  const word = new RegExp(`^(?:${LIST_WORD}\\s+)?(${NUMBER_WORDS.join('|')})$`).exec(choice);
  if (word?.[1]) return NUMBER_WORDS.indexOf(word[1]) + 1;
  const ordinal = new RegExp(`^(?:the\\s+)?(${ORDINAL_WORDS.join('|')}|last)(?:\\s+${ITEM_WORD})?$`).exec(choice);
  if (ordinal?.[1]) return ordinal[1] === 'last' ? 'last' : ORDINAL_WORDS.indexOf(ordinal[1]) + 1;
  const numberedOrdinal = new RegExp(`^(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\s+${ITEM_WORD}$`).exec(choice);
  if (numberedOrdinal) return Number(numberedOrdinal[1]);
  return undefined;
}

/**
 * The soonest slot, or any slot at all: 'the earliest', 'asap', 'first available', 'earliest you've got',
 * 'whenever', 'any day', 'I don't mind'. A tenant who does not mind when is given the earliest.
 */
const THING = '(?:\\s+(?:one|possible|available|free|date|day|slot|appointment|time|visit))';
const YOU_HAVE = "(?:\\s+(?:you|u)(?:'ve|\\s+have)?\\s*(?:got|have|can do|can)(?:\\s+(?:do|offer|give me))?)?";
const EARLIEST = new RegExp(
  `^(?:${[
    `(?:the\\s+)?(?:earliest|soonest)${THING}*${YOU_HAVE}`,
    `(?:the\\s+)?(?:first|next)\\s+(?:available|free|possible)${THING}*${YOU_HAVE}`,
    'asap',
    'a\\.?s\\.?a\\.?p\\.?',
    'as soon as (?:possible|poss|you can|you like)',
    'as early as possible',
    'whichever is (?:first|soonest|earliest)',
    "whenever(?:'?s| is)?(?:\\s+(?:soonest|earliest|first|best|easiest|fine|good|ok|okay|suits|possible|you can|you like|you want|works))?",
    'any\\s*(?:time|day|date|slot|one)(?:\\s+(?:is|will be|would be))?(?:\\s+(?:fine|good|ok|okay))?',
    "(?:i\\s+)?(?:don't|do not|dont) mind(?:\\s+(?:when|which|what day|what time))?",
    "(?:i'?m\\s+)?(?:not fussed|easy|flexible)",
  ].join('|')})$`,
);

export function wantsEarliest(choice: string): boolean {
  return EARLIEST.test(choice);
}

const NONE_OF_THESE =
  /^(?:none|none of (?:these|them|those|the above)|none (?:of (?:these|them) )?(?:suit|suits|work|works|are any good)|neither|no|nope|nah|no thanks|not these|other dates?|other days?|other times?|others|any others|different (?:dates?|days?|times?)|another (?:day|date|time)|later|later dates?|later on|something (?:else|later)|more|more (?:dates|days|options|times)|show (?:me )?more|next|next page|(?:i )?can'?t do any(?: of (?:these|them|those))?)$/;

export function turnsAllDown(choice: string): boolean {
  return NONE_OF_THESE.test(choice);
}
