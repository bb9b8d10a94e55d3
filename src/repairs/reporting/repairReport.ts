import { type Tenant } from '../tenants';

/** How the tenant wants to be reached about this repair, as they confirmed it in the conversation. */
export interface ReportContact {
  /** E.164 or as held in the directory. */
  mobile?: string;
  homePhone?: string;
  email?: string;
  wantsTexts: boolean;
}

/**
 * One repair as the tenant reported it, everything Connect needs to raise the works order. The order number is
 * chosen once, before the first attempt to send it, so that sending again can never raise a second order.
 */
export interface RepairReport {
  orderNumber: string;
  tenant: Tenant;
  /** The catalogue sub-area's code (CodeExternalId). */
  code: string;
  /** The tenant's own words, at most 255 characters. */
  description: string;
  /** Where to find the home, pets, parking… (Booking.VisitInstructions). */
  accessNotes?: string;
  contact: ReportContact;
  /** Raised as an emergency (the tenant's words or the chosen sub-area): Emergency priority, out of hours allowed. */
  emergency: boolean;
  /** Connect's CrmId: lets the repairs team find the conversation from the order. */
  conversationId: string;
  raisedAt: Date;
}

export const MAX_DESCRIPTION_LENGTH = 255;
export const MAX_ACCESS_NOTES_LENGTH = 255;
