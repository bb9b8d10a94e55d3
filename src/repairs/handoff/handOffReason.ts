/**
 * Why the bot passes a repair to the repairs team instead of raising it: the tenant chose "Something else" on
 * the main menu, the repair is not in the catalogue ("Something else" in a list of repair types), or two
 * attempts to find the repair type failed.
 */
export type HandOffReason = 'something-else' | 'not-in-catalogue' | 'diagnosis-failed';

/** How each reason reads in the repairs team's mailbox (the subject line and the body). */
export const HAND_OFF_REASON_TEXT: Record<HandOffReason, string> = {
  'something-else': 'Tenant chose "Something else"',
  'not-in-catalogue': 'Not in the repairs catalogue',
  'diagnosis-failed': 'Bot could not find the repair type',
};
