/**
 * Connect's ContactPreference and MessagingPreference enumerations (spec v1.34, OrderContact), as plain numbers
 * with names, so the domain decides them without importing Connect's generated types.
 */
export const ContactPreference = {
  None: 0,
  EmailOnly: 1,
  MobileTextOnly: 2,
  HomeTextOnly: 3,
  EmailAndMobileText: 4,
  EmailAndHomeText: 5,
} as const;
export type ContactPreference = (typeof ContactPreference)[keyof typeof ContactPreference];

export const MessagingPreference = {
  Message: 0,
  DontMessage: 1,
  NeverMessage: 2,
} as const;
export type MessagingPreference = (typeof MessagingPreference)[keyof typeof MessagingPreference];

export interface ContactChoice {
  /** The tenant said yes to texts about this repair. */
  wantsTexts: boolean;
  /** A mobile number is known (landlines cannot receive the bot's texts). */
  hasMobile: boolean;
  /** An email address is known. */
  hasEmail: boolean;
}

export interface ContactPreferences {
  contactPreference: ContactPreference;
  messagingPreference: MessagingPreference;
}

/**
 * Texts go to a mobile only, and only when the tenant asked for them; an email address the tenant gave is used
 * for confirmations. The home-text preferences are never chosen: a text to a landline is read out by a robot
 * voice, which tenants do not expect. With nothing to send to, Connect is told not to message
 * (DontMessage, not NeverMessage: NeverMessage is a standing opt-out that only the landlord should record).
 */
export function contactPreferencesFor({ wantsTexts, hasMobile, hasEmail }: ContactChoice): ContactPreferences {
  const texts = wantsTexts && hasMobile;
  const contactPreference = texts
    ? hasEmail
      ? ContactPreference.EmailAndMobileText
      : ContactPreference.MobileTextOnly
    : hasEmail
      ? ContactPreference.EmailOnly
      : ContactPreference.None;
  const messagingPreference =
    contactPreference === ContactPreference.None ? MessagingPreference.DontMessage : MessagingPreference.Message;
  return { contactPreference, messagingPreference };
}
