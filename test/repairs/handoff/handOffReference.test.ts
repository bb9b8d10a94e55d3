import {
  formatHandOffReference,
  HAND_OFF_PREFIX,
  newHandOffReference,
} from '../../../src/repairs/handoff/handOffReference';
import { formatReference, ORDER_NUMBER_PREFIX } from '../../../src/repairs/orders/orderNumber';
import { fixedClock } from '../../../src/repairs/time/clock';

const SHAPE = /^HO-\d{6}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

describe('hand-off references', () => {
  const clock = fixedClock('2026-12-01T09:00:00Z');

  it('have a prefix of their own, the London day and the order numbers’ unambiguous random part', () => {
    expect(HAND_OFF_PREFIX).not.toBe(ORDER_NUMBER_PREFIX);
    const reference = newHandOffReference(clock);
    expect(reference).toMatch(SHAPE);
    expect(reference.startsWith('HO-261201-')).toBe(true);
    expect(newHandOffReference(fixedClock('2026-06-30T23:30:00Z'))).toMatch(/^HO-260701-/);
  });

  it('are unique over 10,000 on one day', () => {
    const references = Array.from({ length: 10_000 }, () => newHandOffReference(clock));
    expect(new Set(references).size).toBe(references.length);
  });

  it('are made from the given random bytes', () => {
    const zeros = () => new Uint8Array(16);
    expect(newHandOffReference(clock, zeros)).toBe('HO-261201-22222222');
  });

  it.each([
    ['HO-261201-7KQ4MZ8P', 'HO 261201 7KQ4 MZ8P'],
    ['RB-261201-7KQ4MZ8P', 'RB-261201-7KQ4MZ8P'],
    ['HO-not-a-reference', 'HO-not-a-reference'],
  ])('read out in groups: %s → %s', (reference, formatted) => {
    expect(formatHandOffReference(reference)).toBe(formatted);
  });

  it('are never taken for a works order number', () => {
    expect(formatReference(newHandOffReference(clock))).toBeNull();
  });
});
