/**
 * Calendar arithmetic on plain `yyyy-MM-dd` strings. Connect's dates are local calendar days, not instants, so the
 * simulator keeps them as strings and computes on them at UTC midnight, where no clock change can shift a day.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function toUtcMidnight(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not a yyyy-MM-dd date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  const d = toUtcMidnight(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO day of week: 1 Monday ... 7 Sunday. */
export function isoDayOfWeek(date: string): number {
  const day = toUtcMidnight(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isWeekend(date: string): boolean {
  return isoDayOfWeek(date) >= 6;
}

/** The Monday of the Monday–Sunday week that holds `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoDayOfWeek(date));
}

/** Every day of `weeks` whole Monday–Sunday weeks starting with the week that holds `date`. */
export function daysOfWeeks(date: string, weeks: number): string[] {
  const monday = mondayOf(date);
  return Array.from({ length: weeks * 7 }, (_, i) => addDays(monday, i));
}

export function utcDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}
