import { addWorkingDays, isWorkingDay } from '../../../src/repairs/time/workingDays';

describe('working days', () => {
  it.each([
    ['2026-12-01', true, 'a Tuesday'],
    ['2026-12-05', false, 'a Saturday'],
    ['2026-12-06', false, 'a Sunday'],
    ['2026-12-25', false, 'Christmas Day'],
    ['2026-12-28', false, "Boxing Day's substitute"],
    ['2027-01-01', false, "New Year's Day"],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2026-04-07', true, 'the Tuesday after Easter'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-12-04', 1, '2026-12-07', 'Friday plus one is Monday'],
    ['2026-12-05', 1, '2026-12-07', 'counting from a Saturday'],
    ['2026-12-01', 0, '2026-12-01', 'zero is the same day'],
    ['2026-12-24', 1, '2026-12-29', 'over Christmas 2026 (25th, and 28th for Boxing Day)'],
    ['2026-12-24', 4, '2027-01-04', 'over Christmas and New Year 2026'],
    ['2025-12-24', 1, '2025-12-29', 'over Christmas 2025'],
    ['2025-12-31', 1, '2026-01-02', "over New Year's Day 2026"],
    ['2027-12-24', 1, '2027-12-29', 'over Christmas 2027 (27th and 28th substitutes)'],
    ['2026-04-02', 1, '2026-04-07', 'over Easter 2026'],
    ['2027-03-25', 1, '2027-03-30', 'over Easter 2027'],
    ['2026-04-07', -1, '2026-04-02', 'backwards over Easter'],
    ['2026-03-27', 1, '2026-03-30', 'across the spring clock change'],
    ['2026-10-23', 1, '2026-10-26', 'across the autumn clock change'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('refuses fractions of a day', () => {
    expect(() => addWorkingDays('2026-12-01', 1.5)).toThrow(/whole number/);
  });
});
