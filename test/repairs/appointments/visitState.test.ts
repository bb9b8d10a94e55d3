import { VisitStatus } from '../../../src/connect';
import { isHistory, VISIT_STATE_WORDS, visitStateOf } from '../../../src/repairs/appointments';

describe("a visit's status in plain words", () => {
  it.each([
    [VisitStatus.Booked, 'Booked', false],
    [VisitStatus.Planned, 'Planned', false],
    [VisitStatus.Accepted, 'Confirmed by the engineer', false],
    [VisitStatus.Started, 'On the way', false],
    [VisitStatus.Completed, 'Completed', true],
    [VisitStatus.PendingDeletion, 'Cancelled', true],
    [VisitStatus.Shelved, 'On hold', false],
    [undefined, 'Status not known', false],
    [42, 'Status not known', false],
  ])('VisitStatus %s → %s', (status, words, history) => {
    const state = visitStateOf(status);
    expect(VISIT_STATE_WORDS[state]).toBe(words);
    expect(isHistory(state)).toBe(history);
  });
});
