import { addDays, type IsoDate } from '../../time/calendarDate';
import { type RecognisedPhrase, type ResolutionValue } from './wishParser';
import { type DayFilter, type TimeWish, type WishPart } from './wishTypes';

/**
 * What one recognised phrase says about days and times, read from its TIMEX and resolved values.
 *
 * Parts of the day use our own hours, not the recognizer's (morning 08–12, afternoon 12–16, evening 16–20).
 * Connect's MORNING window is 08:00–12:59 and AFTERNOON 12:00–16:59, and a tenant asking for "the morning" or
 * "the afternoon" means those, so a wish for a part reaches 13:00 and 17:00. The two windows overlap from 12:00
 * to 12:59, so a refusal ("not mornings") uses the part's heart instead, before midday or from 1pm: refusing
 * mornings still leaves the afternoon window, and refusing afternoons the morning one.
 */
const HOUR = 60;
const PART_OF_DAY: Record<string, Extract<TimeWish, { kind: 'span' }>> = {
  MO: { kind: 'span', from: 0, until: 13 * HOUR, heart: { from: 0, until: 12 * HOUR } },
  AF: { kind: 'span', from: 12 * HOUR, until: 17 * HOUR, heart: { from: 13 * HOUR, until: 17 * HOUR } },
  EV: { kind: 'span', from: 17 * HOUR, until: 24 * HOUR },
  NI: { kind: 'span', from: 20 * HOUR, until: 24 * HOUR },
  DT: { kind: 'span', from: 8 * HOUR, until: 17 * HOUR },
};

function minutesOf(dateTimeOrTime: string | undefined): number | undefined {
  const match = /(\d{2}):(\d{2}):\d{2}$/.exec(dateTimeOrTime ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function dateOf(value: ResolutionValue): IsoDate | undefined {
  return /^\d{4}-\d{2}-\d{2}/.exec(value.value ?? value.start ?? value.end ?? '')?.[0];
}

/**
 * A phrase without a year or month ('Thursday', '14/12') comes with a past and a future resolution; the wish is
 * about the future, so the first on or after today is taken.
 */
function comingDate(values: readonly ResolutionValue[], today: IsoDate): IsoDate | undefined {
  const dates = values.map(dateOf).filter((date): date is IsoDate => date !== undefined);
  return dates.find((date) => date >= today) ?? dates[dates.length - 1];
}

/** The last day anyone books towards: an open range ('after Christmas') runs until then. */
const OPEN_END: IsoDate = '9999-12-31';

/**
 * Which of a range phrase's resolutions the tenant means: the first that starts today or later, else the first
 * still running ('monday to wednesday next week' comes with this week's Monday as a first start).
 */
function comingRange(values: readonly ResolutionValue[], today: IsoDate): ResolutionValue | undefined {
  return (
    values.find((v) => (v.start ?? '') >= today) ??
    values.find((v) => (v.end ?? OPEN_END) > today) ??
    values[values.length - 1]
  );
}

/**
 * A range of days. The recognizer ends an explicit range ('14/12 to 18/12', 'mon-wed', its timex is
 * '(start,end,duration)') on its last day, but a tenant includes it: the day after becomes `until`. Open ranges
 * ('after 26 december', 'before christmas') run to the end of time or from today; 'after' a day starts the
 * next day, 'since' and 'from' on it.
 */
function rangeFilter(phrase: RecognisedPhrase, today: IsoDate): DayFilter | undefined {
  const range = comingRange(phrase.values, today);
  if (!range) return undefined;
  const start = dateOf({ value: range.start });
  const end = dateOf({ value: range.end });
  const singleDay = /^(\d{4}|XXXX)-\d{2}-\d{2}$/.test(range.timex ?? '');
  if (start && end) {
    const inclusive = /^\(/.test(range.timex ?? '');
    return { kind: 'dateRange', from: start, until: inclusive ? addDays(end, 1) : end };
  }
  if (start && (range.Mod === 'after' || range.Mod === 'since')) {
    return { kind: 'dateRange', from: range.Mod === 'after' && singleDay ? addDays(start, 1) : start, until: OPEN_END };
  }
  if (end && (range.Mod === 'before' || range.Mod === 'until')) {
    return { kind: 'dateRange', from: today, until: range.Mod === 'until' && singleDay ? addDays(end, 1) : end };
  }
  return undefined;
}

function dayFilter(phrase: RecognisedPhrase, today: IsoDate): DayFilter | undefined {
  const first = phrase.values[0];
  // A time range on a day ('thursday between 12pm and 5pm') comes as '(XXXX-WXX-4T12,XXXX-WXX-4T17,PT5H)'.
  const timex = (first?.timex ?? '').replace(/^\((?=[^,]*T)/, '');
  const weekday = /^XXXX-WXX-([1-7])/.exec(timex);
  if (weekday) return { kind: 'weekday', weekday: Number(weekday[1]) };
  if (phrase.typeName.endsWith('daterange')) return rangeFilter(phrase, today);
  if (/^(\d{4}|XXXX)-(\d{2}|XX)-\d{2}/.test(timex)) {
    const date = comingDate(phrase.values, today);
    return date ? { kind: 'date', date } : undefined;
  }
  return undefined;
}

function timeWish(phrase: RecognisedPhrase): TimeWish | undefined {
  const first = phrase.values[0];
  if (!first) return undefined;
  const timePart = /T([A-Z]{2})$/.exec(first.timex ?? '')?.[1];
  const part = timePart ? PART_OF_DAY[timePart] : undefined;
  if (part) return part;
  const start = minutesOf(first.start);
  const end = minutesOf(first.end);
  if (first.Mod === 'after' || first.Mod === 'since')
    return start === undefined ? undefined : { kind: 'span', from: start, until: 24 * 60 };
  if (first.Mod === 'before' || first.Mod === 'until')
    return end === undefined ? undefined : { kind: 'span', from: 0, until: end };
  if (phrase.typeName.endsWith('timerange') && start !== undefined && end !== undefined) {
    return { kind: 'span', from: start, until: end };
  }
  if (phrase.typeName.endsWith('.time') || phrase.typeName.endsWith('.datetime')) {
    const at = minutesOf(first.value);
    return at === undefined ? undefined : { kind: 'at', minute: at };
  }
  return undefined;
}

/** The day and time one phrase asks for; null for phrases that say neither ('any day', 'all day' as a length). */
export function meaningOf(phrase: RecognisedPhrase, today: IsoDate): WishPart | null {
  if (phrase.typeName.endsWith('duration')) return null;
  const day = dayFilter(phrase, today);
  const time = timeWish(phrase);
  if (!day && !time) return null;
  return { ...(day && { day }), ...(time && { time }) };
}
