/** Why a tenant cancels, as the buttons say it; 'Other' asks for their own words. */
export const CANCEL_REASONS = ['No longer needed', 'I fixed it myself', 'I reported it twice', 'Other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
export const OTHER_REASON = 'Other' satisfies CancelReason;

/** The tenant's own words for 'Other', as services cap free text. */
export const MAX_CANCEL_WORDS_LENGTH = 255;

/** What Connect is told: CancelReason for the back office's lists, CancelDescription in a sentence. */
export interface Cancellation {
  cancelReason: string;
  cancelDescription: string;
}

const FOR_CONNECT: Record<Exclude<CancelReason, 'Other'>, Cancellation> = {
  'No longer needed': {
    cancelReason: 'No longer needed',
    cancelDescription: 'Cancelled by the tenant in the repairs chat: the repair is no longer needed.',
  },
  'I fixed it myself': {
    cancelReason: 'Fixed by the tenant',
    cancelDescription: 'Cancelled by the tenant in the repairs chat: they fixed it themselves.',
  },
  'I reported it twice': {
    cancelReason: 'Duplicate report',
    cancelDescription: 'Cancelled by the tenant in the repairs chat: they reported it twice.',
  },
};

export function isCancelWordsValid(words: string): boolean {
  const trimmed = words.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_CANCEL_WORDS_LENGTH;
}

/** Connect's fields for a reason; 'Other' sends the tenant's words (trimmed, at most 255 characters). */
export function cancellationFor(reason: CancelReason, words?: string): Cancellation {
  if (reason !== OTHER_REASON) return FOR_CONNECT[reason];
  const description = (words ?? '').trim().slice(0, MAX_CANCEL_WORDS_LENGTH);
  return { cancelReason: 'Other', cancelDescription: description || 'Cancelled by the tenant in the repairs chat.' };
}
