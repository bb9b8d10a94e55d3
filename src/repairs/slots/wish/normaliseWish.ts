import { daysInMonth, type IsoDate, isoDate } from '../../time/calendarDate';

/**
 * The first stage of understanding a tenant's wish: rewrite UK idioms the recognizer misses into forms it reads.
 * Each rule is one small rewrite in the list below, so the fuller UK-idiom normaliser ('Tuesday week', 'in a
 * fortnight', …) adds rules here without touching recognition, constraints or matching.
 */
export interface WishContext {
  /** Today on the bot's wall clock: 'the 14th' means the next 14th from here. */
  today: IsoDate;
}

export type WishRewrite = (text: string, context: WishContext) => string;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DAY_WORD = '(?:today|tomorrow|tonight|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*';

/** Lower case, one space between words, straight apostrophes. */
const tidy: WishRewrite = (text) => text.toLowerCase().replace(/[‘’`]/g, "'").replace(/\s+/g, ' ').trim();

/** 'tomorrow am', 'thursday p.m.' → 'tomorrow morning', 'thursday afternoon' (the recognizer drops am/pm). */
const dayWithAmPm: WishRewrite = (text) =>
  text.replace(
    new RegExp(`\\b(${DAY_WORD})\\s+(a\\.?m|p\\.?m)\\b\\.?`, 'g'),
    (_all, day: string, half: string) => `${day} ${half.startsWith('a') ? 'morning' : 'afternoon'}`,
  );

/** The next date on or after `today` with this day of the month, skipping months too short to have it. */
function nextDayOfMonth(day: number, today: IsoDate): IsoDate | null {
  if (day < 1 || day > 31) return null;
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  if (day < Number(today.slice(8, 10))) month += 1;
  for (let tries = 0; tries < 12; tries += 1, month += 1) {
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (day <= daysInMonth(year, month)) return isoDate(year, month, day);
  }
  return null;
}

/**
 * 'the 14th', 'Friday 14th' → '14 december' (the next 14th): alone or after a weekday the recognizer either
 * misses an ordinal day or resolves it without a time of day. Ordinals next to a month are left alone.
 */
const ordinalDayWithoutMonth: WishRewrite = (text, { today }) =>
  text.replace(
    new RegExp(`(?<!${MONTH_WORD}\\s)\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?${MONTH_WORD})`, 'g'),
    (all, day: string) => {
      const date = nextDayOfMonth(Number(day), today);
      return date ? `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}` : all;
    },
  );

/**
 * 'after 2', 'before 12' → 'after 2pm', 'before 12pm': a bare hour in a booking means working hours, so 8–11 are
 * mornings and 12–7 afternoons or evenings.
 */
const bareHourAfterPreposition: WishRewrite = (text) =>
  text.replace(
    /\b(before|after|from|until|till|til|by)\s+(\d{1,2})(?::(\d{2}))?\b(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|:|\d|st|nd|rd|th|\/))/g,
    (all, word: string, hour: string, minute: string | undefined) => {
      const h = Number(hour);
      if (h < 1 || h > 12) return all;
      return `${word} ${h}${minute ? `:${minute}` : ''}${h >= 8 && h <= 11 ? 'am' : 'pm'}`;
    },
  );

export const WISH_REWRITES: readonly WishRewrite[] = [
  tidy,
  dayWithAmPm,
  ordinalDayWithoutMonth,
  bareHourAfterPreposition,
];

export function normaliseWish(text: string, context: WishContext): string {
  return WISH_REWRITES.reduce((current, rewrite) => rewrite(current, context), text);
}
