import { cancelDecision, type VisitState } from '../../../src/repairs/appointments';

describe('cancelDecision: may the tenant cancel the order here, from its visits', () => {
  it.each<[name: string, states: VisitState[], expected: string]>([
    ['no visit yet (waiting, or with a contractor)', [], 'allowed'],
    ['booked', ['booked'], 'allowed'],
    ['planned', ['planned'], 'allowed'],
    ['accepted by the engineer', ['accepted'], 'allowed'],
    ['on hold', ['on-hold'], 'allowed'],
    ['a follow-on booked after a completed visit', ['completed', 'booked'], 'allowed'],
    ['on the way', ['started'], 'started'],
    ['on the way with another visit booked', ['booked', 'started'], 'started'],
    ['completed', ['completed'], 'completed'],
    ['every visit completed', ['completed', 'completed'], 'completed'],
    ['cancelled already', ['cancelled'], 'cancelled'],
    ['cancelled, with a completed visit kept', ['completed', 'cancelled'], 'cancelled'],
  ])('%s → %s', (_name, states, expected) => {
    const decision = cancelDecision(states);
    expect(decision.allowed ? 'allowed' : decision.reason).toBe(expected);
  });
});
