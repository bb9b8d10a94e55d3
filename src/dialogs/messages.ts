import { type EmergencyMatch } from '../repairs/emergencies';
import { type ContactNumbers } from '../repairs/repairServices';

/**
 * The bot's longer messages in one place, in plain English (GOV.UK style: short sentences, "repair" not
 * "problem", say what happens next). Short prompts live next to the step that asks them.
 */
export const GAS_EMERGENCY_NUMBER = '0800 111 999';

export function welcome(landlordName: string, privacyUrl?: string): string {
  const privacy = privacyUrl
    ? `We use your answers only to deal with your repair: ${privacyUrl}`
    : 'We use your answers only to deal with your repair.';
  return [
    `Hello, I'm the repairs assistant for ${landlordName}.`,
    'I can help you report a repair and book a visit, or check, move or cancel an appointment.',
    `If you smell gas, call the National Gas Emergency Service now on ${GAS_EMERGENCY_NUMBER}.`,
    privacy,
  ].join('\n\n');
}

export function help(phones: ContactNumbers): string {
  return [
    'You can tell me what needs repairing in your own words, or choose from the lists.',
    'Say "start again" at any time to go back to the beginning, or "stop" to stop.',
    `For an emergency call ${phones.emergency}, day or night. Other questions: ${phones.repairs}.`,
  ].join('\n\n');
}

export const STOPPED = 'OK, I have stopped. Nothing more has been sent. Say hello whenever you want to start again.';
export const STARTING_AGAIN = 'OK, let us start again.';
/** When a message kept colliding with others of the same conversation (sent at once, from two devices). */
export const SEND_AGAIN =
  'Sorry, several messages arrived at once and I could not keep up with that one. What you told me before is kept: please send it again.';

export function gasEmergency(): string {
  return [
    `If you smell gas or your carbon monoxide alarm is sounding, call the National Gas Emergency Service now on ${GAS_EMERGENCY_NUMBER} (textphone 0800 371 787). It is free and open day and night.`,
    'Do: open doors and windows, turn off the gas at the meter if you can, and get everyone out.',
    'Do not: use light switches or electrical switches, use flames or smoke, or use your phone inside.',
    'I have not booked anything: the gas emergency service must make it safe first.',
  ].join('\n\n');
}

const INTERIM_ADVICE: Record<string, string> = {
  flood:
    'While you wait: turn off the water at the stopcock (usually under the kitchen sink), catch water in a bucket, move belongings away, and switch off electrics near the water if it is safe to do so.',
  electrical:
    'While you wait: do not touch the wires or anything wet near them. If it is safe, switch off the power at the fuse box.',
};

export function callEmergencyLine(emergency: EmergencyMatch, phones: ContactNumbers): string {
  const advice = INTERIM_ADVICE[emergency.emergencyId];
  return [
    `This sounds like an emergency (${emergency.name.toLowerCase()}). Please call our emergency repairs line now on ${phones.emergency}. It is open day and night.`,
    ...(advice ? [advice] : []),
  ].join('\n\n');
}

export function emergencyReportStarts(emergency: EmergencyMatch): string {
  return `This needs an emergency repair (${emergency.name.toLowerCase()}). I will raise it as an emergency: we aim to make it safe within 24 hours.`;
}

export const ADULT_AT_HOME = 'An adult (18 or over) must be at home for the whole time slot.';

/**
 * Connect could not take a report: it is kept and sent later. Says what happens next (sent automatically, a
 * message when it has gone, nothing to do again) and what to do meanwhile in an emergency.
 */
export function savedForLater(reference: string, emergency: boolean, phones: ContactNumbers): string {
  return [
    `Sorry, our repairs system is not answering just now, so I could not send your report yet. I have saved it, with reference ${reference}.`,
    'It will be sent automatically as soon as the system is back, and I will send you a message here when it has gone. You do not need to report it again.',
    emergency
      ? `Because this is an emergency, please call our emergency repairs line now on ${phones.emergency} so we can make it safe.`
      : `If it becomes an emergency, call ${phones.emergency}, day or night.`,
  ].join('\n\n');
}
