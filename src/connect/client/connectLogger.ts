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
