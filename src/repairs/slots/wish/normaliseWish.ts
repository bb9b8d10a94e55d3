import { normaliseTenantText } from '../../text/normalise';
import { addDays, type IsoDate, isoDate, yearOf } from '../../time/calendarDate';
import {
  comingEaster,
  mondayOf,
  nextAnnual,
  nextDayOfMonth,
  onOrAfter,
  spellDate,
  spellRange,
  weekdayNumber,
} from './wishDates';
import { WISH_SPELLINGS } from './wishSpellings';

/**
 * The first stage of understanding a tenant's wish: rewrite UK idioms the recognizer misses or misreads into forms
 * it reads without doubt. Each rule is one small rewrite in WISH_REWRITES, applied in order; recognition,
 * constraints and matching never see the idioms. Days the rules work out themselves are written out in full
 * ('15 december 2026'), so the recognizer has no year to guess.
 *
 * What the recognizer gets wrong on its own (Recognizers-Text 1.3.2, en-GB): 'Tuesday week' and 'Monday week' lose
 * the week; 'week after next' becomes the rest of the month; 'in a fortnight' and 'in two weeks' are lengths of
 * time; 'this Monday' said on a Tuesday is yesterday; 'tomorrow am' and 'the 14th pm' lose the part of the day;
 * 'tmrw' is read as today; 'boxing day', 'easter monday', 'after christmas' mean nothing to it; 'from 4 january'
 * is 4pm; 'wensday', 'aftenoon' are not words.
 */
export interface WishContext {
  /** Today on the bot's wall clock: 'the 14th' means the next 14th from here. */
  today: IsoDate;
}

export type WishRewrite = (text: string, context: WishContext) => string;

const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|wed|fri|sat|sun)';
const DAY_WORD = `(?:today|tomorrow|tonight|${WEEKDAY})`;
/** A day written out by an earlier rule or by the tenant: '14 december 2026', '14/12', '14/12/26'. */
const DATE_WRITTEN = `(?:\\d{1,2} ${MONTH_WORD}(?: \\d{4})?|\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?)`;
const COUNT = '(a|an|one|1|two|2|three|3|four|4|five|5|six|6|a couple of|couple of|\\d{1,2})';
const TIME = '(\\d{1,2}(?::\\d{2})?(?:\\s*(?:am|pm|a\\.m\\.?|p\\.m\\.?))?|noon|midday)';
/** 'I', 'I'm', 'we are'…: who is out. Optional, so "at work until 3" reads the same. */
const WHO = "(?:(?:i|we|i'm|we're|i am|we are)\\s+)?";

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  'a couple of': 2,
  'couple of': 2,
};
const countOf = (word: string): number => NUMBER_WORDS[word] ?? Number(word);
const daysIn = (unit: string): number => (unit.startsWith('fortnight') ? 14 : unit.startsWith('week') ? 7 : 1);

/** Lower case, straight quotes, SMS words spelt out ('tmrw', 'cant'), one space between words. */
const tidy: WishRewrite = (text) => normaliseTenantText(text);

/** 'wensday', 'thurs', 'aftenoon', 'tomoz' → the words the recognizer knows (WISH_SPELLINGS). */
const spellings: WishRewrite = (text) => text.replace(/[a-z0-9]+(?:'[a-z]+)?/g, (word) => WISH_SPELLINGS[word] ?? word);

/** '3 o'clock', '3ish' → '3': the hour alone, for the rules below to place in the day. */
const roundHours: WishRewrite = (text) => text.replace(/\b(\d{1,2})(?:\s*o'?clock|ish)\b/g, '$1');

/**
 * Christmas, New Year and Easter in the words tenants use, as dates: 'boxing day' → '26 december 2026',
 * 'between christmas and new year' → 27 to 31 December, 'after christmas' → after Boxing Day, 'easter monday'.
 */
const holidays: WishRewrite = (text, { today }) => {
  if (!/christmas|boxing|new year|nye|easter|good friday/.test(text)) return text;
  const christmas = nextAnnual(12, 25, today);
  const newYearsEve = nextAnnual(12, 31, today);
  const newYearsDay = nextAnnual(1, 1, today);
  const easter = comingEaster(today);
  const lateDecember = isoDate(yearOf(newYearsEve), 12, 27);
  const christmasWeek = mondayOf(christmas);
  const rules: [RegExp, string][] = [
    [
      /\bbetween christmas and (?:the )?new year(?:'s|s)?(?: day| eve)?\b/g,
      spellRange(lateDecember > today ? lateDecember : today, newYearsEve),
    ],
    [/\b(?:the )?christmas week\b|\bthe week of christmas\b/g, spellRange(christmasWeek, addDays(christmasWeek, 6))],
    [/\bafter (?:the )?christmas(?: day| holidays?| break)?\b/g, `after ${spellDate(addDays(christmas, 1))}`],
    [/\bbefore (?:the )?christmas(?: day| holidays?| break)?\b/g, `before ${spellDate(christmas)}`],
    [/\bafter (?:the )?new year(?:'s|s)?(?: day)?\b/g, `after ${spellDate(newYearsDay)}`],
    [/\bbefore (?:the )?new year(?:'s|s)?\b/g, `before ${spellDate(newYearsDay)}`],
    [/\bchristmas eve\b/g, spellDate(addDays(christmas, -1))],
    [/\bchristmas(?: day)?\b/g, spellDate(christmas)],
    [/\bboxing day\b/g, spellDate(addDays(christmas, 1))],
    [/\bnew year(?:'s|s)? eve\b|\bnye\b/g, spellDate(newYearsEve)],
    [/\bnew year(?:'s|s)?(?: day)?\b/g, spellDate(newYearsDay)],
    [/\bgood friday\b/g, spellDate(addDays(easter, -2))],
    [/\beaster monday\b/g, spellDate(addDays(easter, 1))],
    [/\beaster (?:weekend|holidays?|break)\b/g, spellRange(addDays(easter, -2), addDays(easter, 1))],
    [/\bafter easter\b/g, `after ${spellDate(addDays(easter, 1))}`],
    [/\bbefore easter\b/g, `before ${spellDate(addDays(easter, -2))}`],
    [/\beaster(?: sunday| day)?\b/g, spellDate(easter)],
  ];
  return rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
};

/**
 * Weeks counted from a day, the British way: 'in a fortnight', 'in two weeks' time', 'a week today', 'a week
 * tomorrow', 'Tuesday week' and 'a week on Tuesday' (a week after the coming Tuesday; said on a Tuesday, a week
 * today), 'Friday fortnight', 'the week after next' (Monday to Sunday, two weeks on from this week).
 */
const countedWeeks: WishRewrite = (text, { today }) =>
  text
    .replace(
      new RegExp(`\\bin\\s+${COUNT}\\s+(days?|weeks?|fortnights?)(?:'s)?(?:\\s+time)?\\b`, 'g'),
      (_all, count: string, unit: string) => spellDate(addDays(today, countOf(count) * daysIn(unit))),
    )
    .replace(
      new RegExp(`\\b${COUNT}\\s+(weeks?|fortnights?)\\s+(?:from\\s+)?(today|tomorrow|now)\\b`, 'g'),
      (_all, count: string, unit: string, from: string) =>
        spellDate(addDays(today, countOf(count) * daysIn(unit) + (from === 'tomorrow' ? 1 : 0))),
    )
    .replace(
      new RegExp(`\\b${COUNT}\\s+(weeks?|fortnights?)\\s+(?:on|from)\\s+(?:this\\s+|the\\s+)?(${WEEKDAY})\\b`, 'g'),
      (_all, count: string, unit: string, day: string) =>
        spellDate(addDays(onOrAfter(weekdayNumber(day), today), countOf(count) * daysIn(unit))),
    )
    .replace(new RegExp(`\\b(${WEEKDAY})\\s+(week|fortnight)\\b`, 'g'), (_all, day: string, unit: string) =>
      spellDate(addDays(onOrAfter(weekdayNumber(day), today), daysIn(unit))),
    )
    .replace(/\b(?:the\s+)?week\s+after\s+next\b/g, () => {
      const monday = addDays(mondayOf(today), 14);
      return spellRange(monday, addDays(monday, 6));
    });

/**
 * 'this Tuesday' is the coming Tuesday, never one already past (the recognizer takes this week's, so on a
 * Wednesday it is yesterday); today when today is Tuesday. 'this coming Tuesday' is the first after today.
 */
const thisWeekday: WishRewrite = (text, { today }) =>
  text.replace(new RegExp(`\\b(this\\s+coming|coming|this)\\s+(${WEEKDAY})\\b`, 'g'), (_all, which, day: string) =>
    spellDate(onOrAfter(weekdayNumber(day), which === 'this' ? today : addDays(today, 1))),
  );

/**
 * 'the 14th', 'Friday 14th' → '14 december 2026' (the next 14th): alone or after a weekday the recognizer either
 * misses an ordinal day or resolves it without a time of day. Ordinals next to a month are left alone.
 */
const ordinalDayWithoutMonth: WishRewrite = (text, { today }) =>
  text.replace(
    new RegExp(`(?<!${MONTH_WORD}\\s)\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?${MONTH_WORD})`, 'g'),
    (all, day: string) => {
      const date = nextDayOfMonth(Number(day), today);
      return date ? spellDate(date) : all;
    },
  );

/**
 * 'tomorrow am', 'thursday p.m.', '14/12 pm', 'the 14th pm' → '… morning' or '… afternoon' (the recognizer drops
 * am/pm after a day); 'pm' on its own is the afternoon, and 'am' on its own the morning where it cannot be the
 * verb ('am only', 'any am', but not 'I am free').
 */
const amPmAsPartOfDay: WishRewrite = (text) =>
  text
    .replace(
      new RegExp(`\\b(${DAY_WORD}|${DATE_WRITTEN})\\s+(a\\.?m|p\\.?m)\\b\\.?`, 'g'),
      (_all, day: string, half: string) => `${day} ${half.startsWith('a') ? 'morning' : 'afternoon'}`,
    )
    .replace(/(?<![\d:]\s?)\bp\.?m\b\.?/g, 'afternoon')
    .replace(/(?<=^|\b(?:any|an|the|or|and|in the)\s)a\.?m\b\.?/g, 'morning')
    .replace(
      /(?<![\d:]\s?)(?<!\bi\s)\ba\.?m\b\.?(?=\s*$|\s*[,.!?]|\s+(?:only|slot|slots|appointment|visit|please|preferably|ideally|or)\b)/g,
      'morning',
    );

/** Parts of the day in everyday words: 'before lunch' is the morning, 'first thing' too, 'after lunch' the afternoon. */
const PART_OF_DAY_IDIOMS: readonly [RegExp, string][] = [
  [/\bbefore\s+lunch(?:\s*time)?\b/g, 'morning'],
  [/\b(?:after|past)\s+lunch(?:\s*time)?\b/g, 'afternoon'],
  [/\b(?:around\s+|about\s+|at\s+)?lunch\s*time\b/g, 'midday'],
  [/\bfirst\s+thing(?:\s+in\s+the\s+morning)?\b/g, 'morning'],
  [
    /\bafter\s+(?:the\s+)?school\s+(?:run|drop\s*-?\s*off)\b|\bafter\s+(?:i(?:'ve|\s+have)?\s+)?drop(?:ped|ping)?\s+(?:the\s+|my\s+)?(?:kids|children|son|daughter)(?:\s+off)?(?:\s+at\s+school)?\b/g,
    'after 9:30am',
  ],
  [
    /\bbefore\s+(?:the\s+)?school\s+pick\s*-?\s*up\b|\bbefore\s+(?:i\s+)?(?:pick|collect)(?:ing)?\s+(?:up\s+)?(?:the\s+|my\s+)?(?:kids|children)(?:\s+up)?\b/g,
    'before 3pm',
  ],
  [/\bschool\s+(?:hours|time)\b/g, 'school run'],
];
const partOfDayIdioms: WishRewrite = (text) =>
  PART_OF_DAY_IDIOMS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

/**
 * When the tenant is out, in their words: 'I work until 3', 'not home till 3', 'I finish at 3', 'I get home at
 * 3' → 'after 3'; 'I start work at 2', 'I leave at 1', 'I'm out from 1' → 'before 2'; 'I work mornings' →
 * 'not mornings'. The hour is placed in the day by bareHourAfterPreposition below.
 */
const OUT_UNTIL =
  '(?:work|working|at work|on shift|out|busy|away|not (?:home|in|back|about|around|free|available|here))';
const WHEN_OUT: readonly [RegExp, string][] = [
  [new RegExp(`\\b${WHO}${OUT_UNTIL}\\s+until\\s+${TIME}`, 'g'), 'after $1'],
  [new RegExp(`\\b(?:i|we)\\s+(?:finish|get off)(?:\\s+work)?\\s+(?:at|around|about|by)\\s+${TIME}`, 'g'), 'after $1'],
  [new RegExp(`\\b(?:i|we)\\s+get\\s+(?:home|back|in)\\s+(?:at|around|about|by|for)\\s+${TIME}`, 'g'), 'after $1'],
  [new RegExp(`\\b${WHO}(?:home|back|in|free|available)\\s+(?:from|by)\\s+${TIME}`, 'g'), 'after $1'],
  [
    new RegExp(
      `\\b(?:i|we)\\s+(?:start(?:\\s+work)?|go\\s+(?:to|into)\\s+work|leave(?:\\s+for\\s+work)?|go\\s+out|(?:have|need)\\s+to\\s+(?:leave|go(?:\\s+out)?))\\s+(?:at|around|about|by)\\s+${TIME}`,
      'g',
    ),
    'before $1',
  ],
  [new RegExp(`\\b${WHO}(?:work|working|at work|on shift|out|busy|away)\\s+from\\s+${TIME}`, 'g'), 'before $1'],
  [new RegExp(`\\b${WHO}(?:home|in|free|available|around|about|here)\\s+until\\s+${TIME}`, 'g'), 'before $1'],
  [
    new RegExp(
      `\\b${WHO}(?:work|working|at work|on shift|busy)\\s+(?:on\\s+|in\\s+the\\s+|every\\s+|all\\s+)?(mornings?|afternoons?|${WEEKDAY}s?)\\b`,
      'g',
    ),
    'not $1',
  ],
];
const whenOut: WishRewrite = (text) =>
  WHEN_OUT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

/** A bare hour in a booking means working hours: 8–11 are mornings, 12 and 1–7 afternoons or evenings. */
function withHalf(hour: string, minute: string | undefined, half: string | undefined): string {
  const h = Number(hour);
  const suffix = half ?? (h >= 8 && h <= 11 ? 'am' : 'pm');
  return `${h}${minute ? `:${minute}` : ''}${suffix}`;
}

/** 'between 10 and 2', 'from 9 to 1', '10-2' → 'between 10am and 2pm' (the recognizer reads no bare hours). */
const clockRanges: WishRewrite = (text) =>
  text.replace(
    /(?<![/\-\d:])\b(?:(?:between|from)\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*(?:and|to|until|-)\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b(?![/\-:]\d)(?!\s*(?:days?|weeks?|months?|hours?|hrs?)\b)/g,
    (all, h1: string, m1?: string, s1?: string, h2?: string, m2?: string, s2?: string) => {
      const bare = !/^(?:between|from)\b/.test(all) && !s1 && !s2;
      if (bare && !/-/.test(all)) return all; // '2 and 3' alone is no time
      if (!h2 || [h1, h2].some((h) => Number(h) < 1 || Number(h) > 12)) return all;
      return `between ${withHalf(h1, m1, s1)} and ${withHalf(h2, m2, s2)}`;
    },
  );

/**
 * 'after 2', 'before 12' → 'after 2pm', 'before 12pm'. Not before a month ('after 3 january') or a length of time
 * ('after 2 weeks').
 */
const bareHourAfterPreposition: WishRewrite = (text) =>
  text.replace(
    new RegExp(
      `\\b(before|after|from|until|by|at)\\s+(\\d{1,2})(?::(\\d{2}))?\\b(?!\\s*(?:am|pm|a\\.m|p\\.m|:|\\d|st|nd|rd|th|\\/|-))(?!\\s+(?:of\\s+)?${MONTH_WORD})(?!\\s*(?:days?|weeks?|months?|hours?|hrs?|mins?|minutes?)\\b)`,
      'g',
    ),
    (all, word: string, hour: string, minute: string | undefined) => {
      const h = Number(hour);
      if (h < 1 || h > 12) return all;
      return `${word} ${withHalf(hour, minute, undefined)}`;
    },
  );

/**
 * 'from 3pm', '3pm onwards', 'no earlier than 10am' → 'after …'; 'no later than 2pm' → 'before 2pm'. The
 * recognizer reads 'from 3pm' as the moment 3pm, which would fit every window open at 3.
 */
const openTimes: WishRewrite = (text) =>
  text
    .replace(/\b(?:from\s+)?(\d{1,2}(?::\d{2})?\s*(?:am|pm))\s+onwards?\b/g, 'after $1')
    .replace(/\bfrom\s+(\d{1,2}(?::\d{2})?\s*(?:am|pm))(?!\s*(?:to|until|-|and|through)\b)/g, 'after $1')
    .replace(/\b(?:no|not)\s+earlier\s+than\b/g, 'after')
    .replace(/\b(?:no|not)\s+later\s+than\b/g, 'before');

export const WISH_REWRITES: readonly WishRewrite[] = [
  tidy,
  spellings,
  roundHours,
  holidays,
  countedWeeks,
  thisWeekday,
  ordinalDayWithoutMonth,
  amPmAsPartOfDay,
  partOfDayIdioms,
  whenOut,
  clockRanges,
  bareHourAfterPreposition,
  openTimes,
];

export function normaliseWish(text: string, context: WishContext): string {
  return WISH_REWRITES.reduce((current, rewrite) => rewrite(current, context), text)
    .replace(/\s+/g, ' ')
    .trim();
}
