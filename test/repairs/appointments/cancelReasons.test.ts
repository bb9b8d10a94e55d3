import {
  CANCEL_REASONS,
  cancellationFor,
  isCancelWordsValid,
  MAX_CANCEL_WORDS_LENGTH,
} from '../../../src/repairs/appointments';

describe('cancellation reasons as Connect is told them', () => {
  it('offers four reasons, "Other" last', () => {
    expect(CANCEL_REASONS).toEqual(['No longer needed', 'I fixed it myself', 'I reported it twice', 'Other']);
  });

  it.each([
    [
      'No longer needed',
      undefined,
      'No longer needed',
      'Cancelled by the tenant in the repairs chat: the repair is no longer needed.',
    ],
    [
      'I fixed it myself',
      undefined,
      'Fixed by the tenant',
      'Cancelled by the tenant in the repairs chat: they fixed it themselves.',
    ],
    [
      'I reported it twice',
      'ignored words',
      'Duplicate report',
      'Cancelled by the tenant in the repairs chat: they reported it twice.',
    ],
    ['Other', '  My landlord sent a plumber already  ', 'Other', 'My landlord sent a plumber already'],
    ['Other', '', 'Other', 'Cancelled by the tenant in the repairs chat.'],
    ['Other', 'x'.repeat(300), 'Other', 'x'.repeat(MAX_CANCEL_WORDS_LENGTH)],
  ] as const)('%s (%s) → %s', (reason, words, cancelReason, cancelDescription) => {
    expect(cancellationFor(reason, words)).toEqual({ cancelReason, cancelDescription });
  });

  it.each([
    ['a few words', 'Not needed now', true],
    ['exactly 255 characters', 'a'.repeat(255), true],
    ['256 characters', 'a'.repeat(256), false],
    ['255 after trimming', ` ${'a'.repeat(255)} `, true],
    ['empty', '   ', false],
  ])('free text: %s → %s', (_name, words, valid) => {
    expect(isCancelWordsValid(words)).toBe(valid);
  });
});
