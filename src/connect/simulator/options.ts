import type { EventsTarget } from './eventSender';

/**
 * How a simulator is started. Everything has a default so `createSimulator()` just works in a test.
 */
export interface SimulatorLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface SimulatorOptions {
  /** 0 (the default) picks a free port */
  port?: number;
  host?: string;
  /** where the Web API lives, like Connect's `/WS-API` */
  basePath?: string;
  username?: string;
  password?: string;
  tokenLifetimeSeconds?: number;
  /** the clock the simulator starts with (real time by default); the admin API can pin it later */
  now?: () => Date;
  /** pino or anything with the same info/warn/error(obj, msg) methods; silent by default */
  logger?: SimulatorLogger;
  /** Where to send Connect's update events (the bot's events URL and the shared secret); also settable later. */
  eventsTarget?: EventsTarget;
}

export const DEFAULT_USERNAME = 'repairs-bot@simulator.local';
export const DEFAULT_PASSWORD = 'simulator-password';

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'now' | 'eventsTarget'>> &
  Pick<SimulatorOptions, 'now' | 'eventsTarget'>;

const silentLogger: SimulatorLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const basePath = '/' + (options.basePath ?? '/WS-API').replace(/^\/+|\/+$/g, '');
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    basePath: basePath === '/' ? '' : basePath,
    username: options.username ?? DEFAULT_USERNAME,
    password: options.password ?? DEFAULT_PASSWORD,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    now: options.now,
    logger: options.logger ?? silentLogger,
    eventsTarget: options.eventsTarget,
  };
}
