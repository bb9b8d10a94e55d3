import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Fields that every log line written while some work is under way should carry: the turn's id, so that the lines
 * of one turn (the bot's, the dialogs', the Connect client's) can be picked out of an instance's log. Set by the
 * turn middleware (src/bot/turnLogging.ts) around the turn; the logger adds them to each line (createLogger's mixin).
 * Ids only: never anything a tenant typed.
 */
export interface LogContext {
  turnId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with these fields on every line logged inside it, however deep and however asynchronous. */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

/** The fields of the work under way ({} outside any). */
export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
