/**
 * A repair the bot cannot raise itself (not in the catalogue, "something else", diagnosis that did not find it),
 * passed to the repairs team by e-mail with no more personal data than they need to call the tenant back.
 */

/** The promise made to the tenant, and repeated to the team in every hand-off e-mail. */
export const REPAIRS_TEAM_CONTACT_WORKING_DAYS = 2;

/** The longest description passed on: enough for a repair the catalogue does not know, short enough to read. */
export const MAX_HAND_OFF_DESCRIPTION_LENGTH = 1000;

/** How to reach the tenant, as they gave or confirmed it for this request: never copied from the directory unasked. */
export interface HandOffContact {
  /** Only when the tenant check did not pass: the property then says nothing about who to ask for. */
  name?: string;
  /** National form, e.g. '07700 900123'. */
  phone?: string;
  email?: string;
}

export interface HandOffRequest {
  /** Why the bot handed it on, in the team's words, e.g. 'Not in the repairs catalogue'. */
  reason: string;
  /** The tenant's description, as they wrote it (at most 1,000 characters). */
  description: string;
  /** The verified property, when the tenant check passed. */
  propertyId?: string;
  contact: HandOffContact;
  /** A reference the tenant is given and the team can quote back. */
  reference: string;
  /** The conversation, so the team can find the transcript if transcripts are kept. */
  conversationId: string;
  /** The emergency the description reads as, if any (the tenant was also given the emergency number). */
  possibleEmergency?: string;
}

export type HandOffSendResult = { sent: true } | { sent: false; reason: string };

export interface RepairsTeamMail {
  send(request: HandOffRequest): Promise<HandOffSendResult>;
}
