import { describeVisitTime, visitTimeOf } from '../../../src/repairs/appointments';

const NOW = new Date('2026-12-01T09:00:00Z');

describe('when a visit is, from BookingSummary times', () => {
  it.each([
    ['morning', '2026-12-03T08:00:00', '2026-12-03T12:59:00', 'Thursday 3 December, morning, 8am to 1pm'],
    ['afternoon', '2026-12-01T12:00:00', '2026-12-01T16:59:00', 'Tuesday 1 December, afternoon, midday to 5pm'],
    ['all day', '2026-12-07T08:00:00', '2026-12-07T16:59:00', 'Monday 7 December, all day, 8am to 5pm'],
    ['evening', '2026-12-07T17:00:00', '2026-12-07T23:59:00', 'Monday 7 December, evening, 5pm to midnight'],
    [
      'an unnamed window by its times',
      '2026-12-02T09:30:00',
      '2026-12-02T14:29:00',
      'Wednesday 2 December, 9:30am to 2:30pm',
    ],
    [
      'a round end is exclusive',
      '2026-12-03T08:00:00',
      '2026-12-03T13:00:00',
      'Thursday 3 December, morning, 8am to 1pm',
    ],
    [
      'next year says the year',
      '2027-01-05T08:00:00',
      '2027-01-05T12:59:00',
      'Tuesday 5 January 2027, morning, 8am to 1pm',
    ],
    ['a space instead of T', '2026-12-03 08:00:00', '2026-12-03 12:59:00', 'Thursday 3 December, morning, 8am to 1pm'],
  ])('%s', (_name, start, end, expected) => {
    const time = visitTimeOf(start, end);
    expect(time).toBeDefined();
    expect(describeVisitTime(time!, 'Europe/London', NOW)).toBe(expected);
  });

  it.each([
    ['no window (a shelved visit)', undefined, undefined],
    ['no end', '2026-12-03T08:00:00', undefined],
    ['not a date', '2026-13-45T08:00:00', '2026-13-45T12:59:00'],
  ])('%s → no time', (_name, start, end) => {
    expect(visitTimeOf(start, end)).toBeUndefined();
  });
});
