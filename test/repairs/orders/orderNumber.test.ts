import {
  formatReference,
  newPrimaryOrderNumber,
  ORDER_NUMBER_ALPHABET,
  parseReference,
} from '../../../src/repairs/orders/orderNumber';
import { fixedClock } from '../../../src/repairs/time/clock';

const SHAPE = /^RB-\d{6}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

describe('newPrimaryOrderNumber', () => {
  const clock = fixedClock('2026-12-01T09:00:00Z');

  it('is at most 32 characters, with the prefix, the day and an unambiguous alphabet', () => {
    const number = newPrimaryOrderNumber(clock);
    expect(number.length).toBeLessThanOrEqual(32);
    expect(number).toMatch(SHAPE);
    expect(number.startsWith('RB-261201-')).toBe(true);
  });

  it('never uses 0, O, 1, I or L in the random part', () => {
    expect(ORDER_NUMBER_ALPHABET).not.toMatch(/[01OIL]/);
    expect(ORDER_NUMBER_ALPHABET).toHaveLength(31);
  });

  it('is unique over 10,000 orders raised on one day, and uses the whole alphabet', () => {
    const numbers = Array.from({ length: 10_000 }, () => newPrimaryOrderNumber(clock));
    expect(new Set(numbers).size).toBe(numbers.length);
    numbers.forEach((number) => expect(number).toMatch(SHAPE));
    const used = new Set(numbers.flatMap((number) => [...number.slice(10)]));
    expect([...used].sort().join('')).toBe([...ORDER_NUMBER_ALPHABET].sort().join(''));
  });

  it.each([
    ['2026-12-01T23:30:00Z', 'RB-261201-', 'winter: London is on UTC'],
    ['2026-06-30T23:30:00Z', 'RB-260701-', 'summer: 00:30 BST is already the next day in London'],
    ['2026-03-29T00:30:00Z', 'RB-260329-', 'the night the clocks go forward'],
  ])('dates the number on the London day (%s → %s, %s)', (iso, prefix) => {
    expect(newPrimaryOrderNumber(fixedClock(iso))).toMatch(new RegExp(`^${prefix}`));
  });

  it('maps random bytes to characters without bias, skipping bytes past the last whole alphabet', () => {
    // 248 = 8 × 31 is the first byte refused; 0 → '2', 30 → 'Z', 31 → '2' again.
    const bytes = [248, 255, 0, 30, 31, 1, 2, 3, 4, 5, 6, 7, 8];
    let offset = 0;
    const random = (count: number) => {
      const chunk = Uint8Array.from({ length: count }, (_, i) => bytes[(offset + i) % bytes.length] ?? 0);
      offset += count;
      return chunk;
    };
    expect(newPrimaryOrderNumber(fixedClock('2026-12-01T09:00:00Z'), random)).toBe('RB-261201-2Z234567');
  });
});

describe('formatReference and parseReference', () => {
  it.each([
    ['RB-261201-7KQ4MZ8P', 'RB 261201 7KQ4 MZ8P', 'RB-261201-7KQ4MZ8P'],
    ['rb 261201 7kq4 mz8p', 'RB 261201 7KQ4 MZ8P', 'RB-261201-7KQ4MZ8P'],
    ['RB2612017KQ4MZ8P', 'RB 261201 7KQ4 MZ8P', 'RB-261201-7KQ4MZ8P'],
  ])('%j reads as %j and is stored as %j', (input, spoken, stored) => {
    expect(formatReference(input)).toBe(spoken);
    expect(parseReference(input)).toBe(stored);
  });

  it.each([['RB-261201-7KQ4MZ0P'], ['XX-261201-7KQ4MZ8P'], ['RB-2612-7KQ4MZ8P'], ['RB-261201-7KQ4MZ'], ['']])(
    '%j is not one of our references',
    (input) => {
      expect(formatReference(input)).toBeNull();
      expect(parseReference(input)).toBeNull();
    },
  );
});
