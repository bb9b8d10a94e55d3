import { describeSlot, formatClockTime } from '../../../src/repairs/slots/describeSlot';
import { type PlanningWindow } from '../../../src/repairs/slots/slotTypes';
import { WINDOWS } from './slotGrid';

describe('describeSlot', () => {
  it.each([
    ['2026-12-08', 2, 'Tuesday 8 December, morning, 8am to 1pm'],
    ['2026-12-08', 3, 'Tuesday 8 December, afternoon, midday to 5pm'],
    ['2026-12-08', 1, 'Tuesday 8 December, all day, 8am to 5pm'],
    ['2026-12-08', 4, 'Tuesday 8 December, school run, 9:30am to 2:30pm'],
    ['2026-12-08', 5, 'Tuesday 8 December, out of hours, 5pm to midnight'],
    ['2027-01-04', 2, 'Monday 4 January, morning, 8am to 1pm'],
    ['2026-03-29', 2, 'Sunday 29 March, morning, 8am to 1pm'],
    ['2026-12-08', 42, 'Tuesday 8 December'],
  ])('%s window %i → %s', (date, planningWindowId, expected) => {
    expect(describeSlot({ date, planningWindowId }, WINDOWS, 'Europe/London')).toBe(expected);
  });

  it('adds the year when the slot is in another year than now', () => {
    const now = new Date('2026-12-21T10:00:00Z');
    expect(describeSlot({ date: '2027-01-04', planningWindowId: 2 }, WINDOWS, 'Europe/London', now)).toBe(
      'Monday 4 January 2027, morning, 8am to 1pm',
    );
    expect(describeSlot({ date: '2026-12-22', planningWindowId: 2 }, WINDOWS, 'Europe/London', now)).toBe(
      'Tuesday 22 December, morning, 8am to 1pm',
    );
  });

  it('reads windows given with exclusive ends the same way', () => {
    const exclusive: PlanningWindow[] = [{ id: 7, name: 'Late Morning', start: '10:30', end: '13:00' }];
    expect(describeSlot({ date: '2026-12-08', planningWindowId: 7 }, exclusive)).toBe(
      'Tuesday 8 December, late morning, 10:30am to 1pm',
    );
  });

  it.each([
    [0, 'midnight'],
    [8 * 60, '8am'],
    [12 * 60, 'midday'],
    [12 * 60 + 30, '12:30pm'],
    [13 * 60, '1pm'],
    [14 * 60 + 30, '2:30pm'],
    [17 * 60, '5pm'],
    [24 * 60, 'midnight'],
    [30, '12:30am'],
  ])('formatClockTime(%i) → %s', (minutes, expected) => {
    expect(formatClockTime(minutes)).toBe(expected);
  });
});
