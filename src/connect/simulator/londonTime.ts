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

// The scheduler asks for the wall time of the same instant for every slot it judges: the last minute's answer is
// kept. London's offset from UTC is whole hours, so within one UTC minute only the seconds move.
let lastMinute: { minute: number; date: string; minutes: number; hhmm: string } | undefined;

export function londonWallTime(instant: Date): LondonWallTime {
  const ms = instant.getTime();
  const minute = Math.floor(ms / 60_000);
  if (lastMinute?.minute !== minute) {
    const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    lastMinute = {
      minute,
      date,
      minutes: Number(parts.hour) * 60 + Number(parts.minute),
      hhmm: `${parts.hour}:${parts.minute}`,
    };
  }
  const second = String(Math.floor((ms - minute * 60_000) / 1000)).padStart(2, '0');
  const { date, minutes, hhmm } = lastMinute;
  return { date, minutes, dateTime: `${date} ${hhmm}:${second}` };
}
