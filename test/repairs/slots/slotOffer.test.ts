import { offerSlots } from '../../../src/repairs/slots/slotOffer';
import { type AvailabilityGrid } from '../../../src/repairs/slots/slotTypes';
import { grid, NOW, shorthand, slot, WINDOWS } from './slotGrid';

const ZONE = 'Europe/London';

describe('offerSlots', () => {
  it.each([
    [
      'past days and started windows dropped; narrower windows before ALL DAY; Preferred first on its day',
      NOW,
      false,
      [],
      ['01/4', '01/3', '02/3', '02/2', '02/1'],
    ],
    ['out of hours only for emergencies', NOW, true, [], ['01/4', '01/3', '01/5', '02/3', '02/2']],
    [
      'the next page excludes what was offered',
      NOW,
      false,
      ['01/4', '01/3', '02/3', '02/2', '02/1'],
      ['03/2', '03/4', '03/3', '03/1', '04/4'],
    ],
    [
      'a window that started a second ago is gone',
      new Date('2026-12-01T09:30:00Z'),
      false,
      [],
      ['01/3', '02/3', '02/2', '02/1', '03/2'],
    ],
    [
      'a window about to start is still offered',
      new Date('2026-12-01T09:29:59Z'),
      false,
      [],
      ['01/4', '01/3', '02/3', '02/2', '02/1'],
    ],
    [
      'late evening: only tomorrow onwards',
      new Date('2026-12-01T18:00:00Z'),
      false,
      [],
      ['02/3', '02/2', '02/1', '03/2', '03/4'],
    ],
    [
      'an emergency at 18:00 does not get tonight: out of hours began at 17:00',
      new Date('2026-12-01T18:00:00Z'),
      true,
      [],
      ['02/3', '02/2', '02/5', '02/1', '03/2'],
    ],
    [
      'an emergency on Friday evening gets the weekend out-of-hours windows',
      new Date('2026-12-04T16:00:00Z'),
      true,
      [],
      ['04/5', '05/5', '06/5', '07/2', '07/4'],
    ],
  ])('%s', (_why, now, emergency, exclude, expected) => {
    const offer = offerSlots(grid(), { now, zone: ZONE, emergency, exclude: exclude.map(slot) });
    expect(shorthand(offer.slots)).toEqual(expected);
    expect(offer.moreInGrid).toBe(true);
    expect(offer.needsMore).toBe(false);
    expect(offer.nextGridDate).toBe('2026-12-21');
  });

  it('pages to the end of the grid, then says so', () => {
    const offered: ReturnType<typeof slot>[] = [];
    let offer = offerSlots(grid(), { now: NOW, emergency: false, count: 20 });
    while (offer.moreInGrid) {
      offered.push(...offer.slots);
      offer = offerSlots(grid(), { now: NOW, emergency: false, count: 20, exclude: offered });
    }
    offered.push(...offer.slots);
    // 14 weekdays left × 4 windows, less the 4 not available, less the 2 started this morning.
    expect(offered).toHaveLength(14 * 4 - 4 - 2);
    expect(new Set(shorthand(offered)).size).toBe(offered.length);
    expect(offer.needsMore).toBe(offer.slots.length < 3);
  });

  it('asks for later weeks when the grid cannot fill a minimum offer', () => {
    const thin: AvailabilityGrid = {
      windows: WINDOWS,
      days: [
        { date: '2026-12-03', planningWindowId: 2, status: 'Available' },
        { date: '2026-12-03', planningWindowId: 3, status: 'NotAvailable' },
        { date: '2026-12-06', planningWindowId: 3, status: 'NotAvailable' },
      ],
    };
    expect(offerSlots(thin, { now: NOW, emergency: false })).toEqual({
      slots: [slot('03/2')],
      moreInGrid: false,
      needsMore: true,
      nextGridDate: '2026-12-07',
    });
    expect(offerSlots({ windows: WINDOWS, days: [] }, { now: NOW, emergency: false })).toEqual({
      slots: [],
      moreInGrid: false,
      needsMore: true,
      nextGridDate: null,
    });
  });

  it('ignores windows the grid does not describe, and duplicate entries', () => {
    const odd: AvailabilityGrid = {
      windows: WINDOWS,
      days: [
        { date: '2026-12-03', planningWindowId: 9, status: 'Available' },
        { date: '2026-12-03', planningWindowId: 2, status: 'Available' },
        { date: '2026-12-03', planningWindowId: 2, status: 'Available' },
      ],
    };
    expect(shorthand(offerSlots(odd, { now: NOW, emergency: false, minCount: 1 }).slots)).toEqual(['03/2']);
  });

  it('uses the London wall clock for "started": 07:30 UTC in summer is 08:30 BST, so the morning has begun', () => {
    const summer: AvailabilityGrid = {
      windows: WINDOWS,
      days: [
        { date: '2026-06-02', planningWindowId: 2, status: 'Available' },
        { date: '2026-06-02', planningWindowId: 4, status: 'Available' },
      ],
    };
    const offer = offerSlots(summer, { now: new Date('2026-06-02T07:30:00Z'), emergency: false, minCount: 1 });
    expect(offer.slots).toEqual([{ date: '2026-06-02', planningWindowId: 4 }]);
  });

  it('keeps calendar days across the autumn clock change', () => {
    const autumn: AvailabilityGrid = {
      windows: WINDOWS,
      days: ['2026-10-24', '2026-10-25', '2026-10-26'].map((date) => ({
        date,
        planningWindowId: 2,
        status: 'Available' as const,
      })),
    };
    // 07:30 UTC on Sunday 25 October is 07:30 GMT: Sunday's morning (08:00 GMT) has not started.
    const offer = offerSlots(autumn, { now: new Date('2026-10-25T07:30:00Z'), emergency: false, minCount: 1 });
    expect(offer.slots.map((s) => s.date)).toEqual(['2026-10-25', '2026-10-26']);
  });
});
