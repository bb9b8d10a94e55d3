/**
 * The landlord's wall clock. Connect schedules in UK local time, so "today" and "has this window started yet"
 * are answered in Europe/London, whatever the time zone of the machine running the simulator.
 */
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface LondonWallTime {
  /** yyyy-MM-dd */
  date: string;
  /** minutes since local midnight */
  minutes: number;
  /** yyyy-MM-dd HH:mm:ss */
  dateTime: string;
}

export function londonWallTime(instant: Date): LondonWallTime {
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  return { date, minutes: Number(parts.hour) * 60 + Number(parts.minute), dateTime: `${date} ${time}` };
}
