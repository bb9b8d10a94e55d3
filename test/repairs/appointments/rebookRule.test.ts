import { rebookDecision, type VisitState } from '../../../src/repairs/appointments';

const TODAY = '2026-12-01'; // a Tuesday

describe('rebookDecision: "appointments at a status of booked not due within the next n days can be re-appointed"', () => {
  it.each<[name: string, state: VisitState, date: string | undefined, minDays: number, expected: string]>([
    ['booked today, n = 1', 'booked', '2026-12-01', 1, 'too-soon'],
    ['booked tomorrow, n = 1', 'booked', '2026-12-02', 1, 'too-soon'],
    ['booked the day after tomorrow, n = 1', 'booked', '2026-12-03', 1, 'allowed'],
    ['booked in five weeks, n = 1', 'booked', '2027-01-05', 1, 'allowed'],
    ['booked today, n = 0 (today always counts)', 'booked', '2026-12-01', 0, 'too-soon'],
    ['booked tomorrow, n = 0', 'booked', '2026-12-02', 0, 'allowed'],
    ['booked in n days, n = 3', 'booked', '2026-12-04', 3, 'too-soon'],
    ['booked in n + 1 days, n = 3', 'booked', '2026-12-05', 3, 'allowed'],
    ['booked in 7 days, n = 7 (over a weekend)', 'booked', '2026-12-08', 7, 'too-soon'],
    ['booked in 8 days, n = 7', 'booked', '2026-12-09', 7, 'allowed'],
    ['booked yesterday (Connect not yet updated)', 'booked', '2026-11-30', 1, 'too-soon'],
    ['a negative n is taken as 0', 'booked', '2026-12-02', -2, 'allowed'],
    ['booked but no window (nothing to move from)', 'booked', undefined, 1, 'not-booked'],
    ['started (on the way)', 'started', '2026-12-10', 1, 'not-booked'],
    ['completed', 'completed', '2026-12-10', 1, 'not-booked'],
    ['shelved (on hold)', 'on-hold', '2026-12-10', 1, 'not-booked'],
    ['planned by the team', 'planned', '2026-12-10', 1, 'not-booked'],
    ['accepted by the engineer', 'accepted', '2026-12-10', 1, 'not-booked'],
    ['cancelled (pending deletion)', 'cancelled', '2026-12-10', 1, 'not-booked'],
    ['a status Connect did not give', 'unknown', '2026-12-10', 1, 'not-booked'],
    ['started today, n = 1 (not booked comes first)', 'started', '2026-12-01', 1, 'not-booked'],
  ])('%s → %s', (_name, state, date, minDays, expected) => {
    const decision = rebookDecision({ state, date }, TODAY, minDays);
    expect(decision.allowed ? 'allowed' : decision.reason).toBe(expected);
  });
});
