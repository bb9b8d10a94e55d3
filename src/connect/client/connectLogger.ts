/**
 * The logging the Connect client needs, shaped like pino's `(obj, msg)` methods so the bot can
 * pass its pino logger (or a child of it) straight in, while src/connect imports nothing of ours.
 */
export interface ConnectLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/** The default: a client built without a logger stays quiet. */
export const silentConnectLogger: ConnectLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The same logger with these fields on every line (pino's child, for any ConnectLogger). */
export function withLogFields(logger: ConnectLogger, fields: Record<string, unknown>): ConnectLogger {
  return {
    debug: (obj, msg) => logger.debug({ ...fields, ...obj }, msg),
    info: (obj, msg) => logger.info({ ...fields, ...obj }, msg),
    warn: (obj, msg) => logger.warn({ ...fields, ...obj }, msg),
    error: (obj, msg) => logger.error({ ...fields, ...obj }, msg),
  };
}
