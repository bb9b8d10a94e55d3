/** Names of Connect's visit enumerations, as BookingSummary writes them next to the values. */
export const VISIT_STATUS_NAMES: Record<number, string> = {
  0: 'Planned',
  1: 'Accepted',
  2: 'Started',
  3: 'Completed',
  4: 'PendingDeletion',
  5: 'Booked',
  6: 'Shelved',
};

export const VISIT_RESULT_TYPE_NAMES: Record<number, string> = {
  0: 'Completed',
  1: 'NoAccess',
  2: 'FollowOnRequired',
  3: 'Abandon',
};
