/** Dialog ids, one constant each, so a typo is a compile error rather than a dialog that never starts. */
export const MAIN_DIALOG = 'mainDialog';
export const EMERGENCY_DIALOG = 'emergencyDialog';
export const TENANT_CHECK_DIALOG = 'tenantCheckDialog';
export const CONTACT_DETAILS_DIALOG = 'contactDetailsDialog';
export const DIAGNOSIS_DIALOG = 'diagnosisDialog';
export const REPORT_REPAIR_DIALOG = 'reportRepairDialog';
export const BOOK_VISIT_DIALOG = 'bookVisitDialog';
export const APPOINTMENTS_DIALOG = 'appointmentsDialog';
export const HAND_OFF_DIALOG = 'handOffDialog';
