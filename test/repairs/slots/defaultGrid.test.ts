import { DEFAULT_GRID_DAYS, defaultAvailabilityGrid } from '../../../src/repairs/slots/defaultGrid';
import { freeSlots } from '../../../src/repairs/slots/freeSlots';

const ZONE = 'Europe/London';

describe('defaultAvailabilityGrid', () => {
  const grid = defaultAvailabilityGrid(new Date('2026-12-18T15:30:00Z'), ZONE);
  const statusOn = (date: string) => new Set(grid.days.filter((d) => d.date === date).map((d) => d.status));

  it('has the five standard planning windows', () => {
    expect(grid.windows.map((w) => [w.id, w.name, w.start, w.end])).toEqual([
      [1, 'ALL DAY', '08:00', '16:59'],
      [2, 'MORNING', '08:00', '12:59'],
      [3, 'AFTERNOON', '12:00', '16:59'],
      [4, 'SCHOOL RUN', '09:30', '14:29'],
      [5, 'OUT OF HOURS', '17:00', '23:59'],
    ]);
  });

  it('covers five weeks from today, every window on every day', () => {
    const dates = [...new Set(grid.days.map((d) => d.date))];
    expect(dates).toHaveLength(DEFAULT_GRID_DAYS);
    expect(dates[0]).toBe('2026-12-18');
    expect(dates.at(-1)).toBe('2027-01-21');
    expect(grid.days).toHaveLength(DEFAULT_GRID_DAYS * 5);
  });

  it.each([
    ['2026-12-21', 'Available'], // Monday
    ['2026-12-24', 'Available'], // Christmas Eve is a working day
    ['2026-12-25', 'NotAvailable'], // Christmas Day
    ['2026-12-26', 'NotAvailable'], // Saturday, Boxing Day
    ['2026-12-28', 'NotAvailable'], // Boxing Day substitute
    ['2027-01-01', 'NotAvailable'], // New Year's Day
    ['2027-01-02', 'NotAvailable'], // Saturday
    ['2027-01-04', 'Available'],
  ])('%s is %s', (date, status) => {
    expect(statusOn(date)).toEqual(new Set([status]));
  });

  it('starts from the day on the London wall clock (00:30 BST on Monday 30 March 2026)', () => {
    const spring = defaultAvailabilityGrid(new Date('2026-03-29T23:30:00Z'), ZONE);
    expect(spring.days[0]?.date).toBe('2026-03-30');
  });

  it('leaves windows that have started to freeSlots, and out of hours to emergencies', () => {
    const now = new Date('2026-12-21T09:00:00Z');
    const free = freeSlots(defaultAvailabilityGrid(now, ZONE), { now, zone: ZONE, emergency: false });
    expect(free.slice(0, 3).map((f) => `${f.slot.date}/${f.slot.planningWindowId}`)).toEqual([
      '2026-12-21/4',
      '2026-12-21/3',
      '2026-12-22/2',
    ]);
    expect(free.some((f) => f.slot.planningWindowId === 5)).toBe(false);
  });
});
