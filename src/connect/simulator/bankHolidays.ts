import { addDays, isoDayOfWeek, utcDate } from './calendar';

/**
 * Bank holidays in England and Wales, computed by the statutory rules so the simulator works for any year,
 * plus the one-off changes of recent years. Nobody is booked on a bank holiday.
 */
const ONE_OFF_CHANGES: Record<number, { add: string[]; remove: string[] }> = {
  2020: { add: ['2020-05-08'], remove: ['2020-05-04'] }, // VE Day moved the early May holiday
  2022: { add: ['2022-06-02', '2022-06-03', '2022-09-19'], remove: ['2022-05-30'] }, // Platinum Jubilee, State Funeral
  2023: { add: ['2023-05-08'], remove: [] }, // Coronation
};

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDate(year, month, day);
}

function firstMonday(year: number, month: number): string {
  const first = utcDate(year, month, 1);
  return addDays(first, (8 - isoDayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = addDays(utcDate(year, month + 1, 1), -1);
  return addDays(last, -(isoDayOfWeek(last) - 1));
}

/** A holiday falling at the weekend moves to the next weekday not already taken. */
function substitute(date: string, taken: Set<string>): string {
  let day = date;
  while (isoDayOfWeek(day) >= 6 || taken.has(day)) day = addDays(day, 1);
  return day;
}

const cache = new Map<number, Set<string>>();

export function bankHolidaysOf(year: number): Set<string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const days = new Set<string>([
    addDays(easter, -2),
    addDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
  ]);
  days.add(substitute(utcDate(year, 1, 1), days));
  days.add(substitute(utcDate(year, 12, 25), days));
  days.add(substitute(utcDate(year, 12, 26), days));
  const changes = ONE_OFF_CHANGES[year];
  changes?.remove.forEach((day) => days.delete(day));
  changes?.add.forEach((day) => days.add(day));
  cache.set(year, days);
  return days;
}

export function isBankHoliday(date: string): boolean {
  return bankHolidaysOf(Number(date.slice(0, 4))).has(date);
}
