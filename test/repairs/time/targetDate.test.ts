import { type PriorityTarget, targetDate } from '../../../src/repairs/time/targetDate';

const IMMEDIATE: PriorityTarget = { hours: 2 };
const EMERGENCY: PriorityTarget = { hours: 24 };
const URGENT: PriorityTarget = { workingDays: 3 };
const ROUTINE: PriorityTarget = { workingDays: 28 };

describe('targetDate (Connect TargetDateUTC)', () => {
  it.each([
    ['EMG raised Friday 16:00 → Saturday', EMERGENCY, '2026-12-04T16:00:00Z', '2026-12-05'],
    ['EMG raised Saturday → Sunday (weekends count)', EMERGENCY, '2026-12-05T10:00:00Z', '2026-12-06'],
    ['EMG raised Christmas Eve → Christmas Day (holidays count)', EMERGENCY, '2026-12-24T12:00:00Z', '2026-12-25'],
    ['IMM raised 22:30 → next day', IMMEDIATE, '2026-12-01T22:30:00Z', '2026-12-02'],
    ['IMM raised 09:00 → same day', IMMEDIATE, '2026-12-01T09:00:00Z', '2026-12-01'],
    // 00:30 BST on Tuesday 30 June is 23:30 UTC on Monday 29: the field is in UTC.
    [
      'EMG deadline just after London midnight in summer → the UTC day',
      EMERGENCY,
      '2026-06-28T23:30:00Z',
      '2026-06-29',
    ],
    // 24 real hours across the spring change: Sat 28 Mar 12:00 GMT → Sun 29 Mar 13:00 BST.
    ['EMG across the spring clock change', EMERGENCY, '2026-03-28T12:00:00Z', '2026-03-29'],
    ['EMG across the autumn clock change', EMERGENCY, '2026-10-24T12:00:00+01:00', '2026-10-25'],
    ['URG raised Friday → Wednesday', URGENT, '2026-12-04T09:00:00Z', '2026-12-09'],
    ['URG raised Saturday → Wednesday', URGENT, '2026-12-05T09:00:00Z', '2026-12-09'],
    ['URG raised late Monday evening still counts from Monday', URGENT, '2026-11-30T23:30:00Z', '2026-12-03'],
    // 00:30 BST on Tuesday 2 June is still Monday 1 June in UTC, but the order was raised on the Tuesday in London.
    ['URG raised just after London midnight counts from the London day', URGENT, '2026-06-01T23:30:00Z', '2026-06-05'],
    ['URG raised Christmas Eve 2026 → 31 December', URGENT, '2026-12-24T10:00:00Z', '2026-12-31'],
    ['URG raised Maundy Thursday 2026 → Thursday after Easter', URGENT, '2026-04-02T10:00:00+01:00', '2026-04-09'],
    ['RTN 28 working days over Christmas 2026', ROUTINE, '2026-12-01T09:00:00Z', '2027-01-13'],
    ['RTN 28 working days over Christmas 2025', ROUTINE, '2025-12-01T09:00:00Z', '2026-01-13'],
    ['RTN across Easter and the May holidays 2026', ROUTINE, '2026-03-30T09:00:00+01:00', '2026-05-12'],
  ])('%s', (_name, target, raisedAt, expected) => {
    expect(targetDate(target, new Date(raisedAt), 'Europe/London')).toBe(expected);
  });

  it('defaults to Europe/London', () => {
    expect(targetDate(URGENT, new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-05');
  });
});
