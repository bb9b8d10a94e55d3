export { type Clock, systemClock, fixedClock } from './clock';
export { type IsoDate, addDays, daysBetween, isIsoDate, isoDate, isWeekend, weekdayOf } from './calendarDate';
export { DEFAULT_ZONE, type WallClock, instantAt, localDateOf, wallClock, wallClockAsLocalDate } from './zone';
export {
  type BankHoliday,
  BankHolidayCalendar,
  ENGLAND_AND_WALES_ONE_OFF_CHANGES,
  type OneOffHolidayChange,
  easterSunday,
} from './bankHolidays';
export { WorkingCalendar, addWorkingDays, englandAndWales, isWorkingDay } from './workingDays';
export { type PriorityTarget, targetDate } from './targetDate';
