import pino, { type Logger, type LevelWithSilent } from 'pino';
import { currentLogContext } from './logContext';

export type { Logger };

/**
 * The one logger. JSON lines on stdout; fields that can carry personal data or secrets are censored wherever
 * they appear (to two levels down), so a careless `logger.info({ order })` still writes nothing personal. What is
 * logged on purpose is chosen field by field (names of errors, statuses, counts), never a body or a message text;
 * test/security/logScan.test.ts scans the logs of whole journeys for personal data and secrets.
 */
const SECRET_KEYS = [
  'password',
  'appPassword',
  'token',
  'access_token',
  'refresh_token',
  'authToken',
  'authorization',
  'cookie',
  'secret',
  'connectionString',
  'x-twilio-signature',
  'x-connect-signature',
];
/** Connect's and our own names of personal fields: a whole order or contact logged by mistake keeps none of them. */
const PERSONAL_KEYS = [
  'email',
  'EmailAddress',
  'mobile',
  'MobilePhone',
  'HomePhone',
  'WorkPhone',
  'phone',
  'postcode',
  'PostCode',
  'FirstName',
  'LastName',
  'surname',
  'ContactName',
  'Line1',
  'houseNumberOrName',
];
/** Each key at the top, one level down and two levels down (pino's '*' matches one level); a key with a hyphen in
 * brackets, as pino's path syntax wants. */
export const REDACTED_PATHS = [...SECRET_KEYS, ...PERSONAL_KEYS].flatMap((key) => {
  const step = /^\w+$/.test(key) ? `.${key}` : `["${key}"]`;
  return [step.replace(/^\./, ''), `*${step}`, `*.*${step}`];
});

export function createLogger(level: LevelWithSilent = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'repairs-bot' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The turn's id on every line logged during a turn (src/logging/logContext.ts).
      mixin: () => ({ ...currentLogContext() }),
    },
    destination,
  );
}
