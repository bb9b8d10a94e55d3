import { addDays, type IsoDate, isWeekend } from './calendarDate';
import { BankHolidayCalendar } from './bankHolidays';

/** Working days: Monday to Friday, except bank holidays. Target dates of urgent and routine repairs count these. */
export class WorkingCalendar {
  constructor(private readonly bankHolidays: BankHolidayCalendar = new BankHolidayCalendar()) {}

  isWorkingDay(date: IsoDate): boolean {
    return !isWeekend(date) && !this.bankHolidays.isBankHoliday(date);
  }

  /**
   * The `n`th working day after `from` (`from` itself is never counted, so a Friday plus one is the Monday). A
   * negative `n` counts back; zero returns `from` unchanged.
   */
  addWorkingDays(from: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new Error(`addWorkingDays: n must be a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = from;
    for (let left = Math.abs(n); left > 0;) {
      day = addDays(day, step);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }
}

/** England and Wales, with the one-off holiday changes known today. */
export const englandAndWales = new WorkingCalendar();

export function isWorkingDay(date: IsoDate): boolean {
  return englandAndWales.isWorkingDay(date);
}

export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  return englandAndWales.addWorkingDays(from, n);
}
