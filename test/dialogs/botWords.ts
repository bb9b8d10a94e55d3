/** What the bot says, as the dialog tests look for it: one place, so a change of wording is one edit. */
export const MAIN_MENU = 'What would you like to do? You can also just tell me what needs repairing.';
export const CATEGORIES = 'What needs repairing? Choose the closest.';
export const FEW = 'Is it one of these?';
export const ASK_POSTCODE = 'First I need to find your home. What is your postcode?';
export const ASK_HOUSE = 'What is your house number or name, and your surname?';
export const CONTACT = 'Can we text you updates about this repair on your mobile ending 101?';
export const SUMMARY = 'Please check your report:';
export const SLOTS = 'When can we come? These are the earliest free times:';
