import { z } from 'zod';

/**
 * Every setting the bot reads, validated once at start-up. A missing or wrong setting stops start-up with a
 * message that names it, so a deployment fails on the first line of its log rather than on a tenant's turn.
 */

// The embedded simulator accepts these when no real Connect is configured; they are not secrets.
export const SIMULATOR_DEFAULT_USERNAME = 'repairs-bot@simulator.local';
export const SIMULATOR_DEFAULT_PASSWORD = 'simulator-password';

const port = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z
  .object({
    PORT: port.default(3978),
    CONNECT_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    CONNECT_USERNAME: optionalText,
    CONNECT_PASSWORD: optionalText,
    CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    CONNECT_SIMULATOR_PORT: port.default(5055),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.CONNECT_BASE_URL) {
      for (const key of ['CONNECT_USERNAME', 'CONNECT_PASSWORD'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when CONNECT_BASE_URL is set' });
      }
    }
  });

export interface Config {
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  connect: {
    /** Unset means: start the embedded Connect simulator and talk to it. */
    baseUrl?: string;
    username: string;
    password: string;
    timeoutMs: number;
    simulatorPort: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Name the setting and the rule, never the value: a value may be a secret.
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const embedded = !e.CONNECT_BASE_URL;
  return {
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    connect: {
      baseUrl: e.CONNECT_BASE_URL,
      username: e.CONNECT_USERNAME ?? (embedded ? SIMULATOR_DEFAULT_USERNAME : ''),
      password: e.CONNECT_PASSWORD ?? (embedded ? SIMULATOR_DEFAULT_PASSWORD : ''),
      timeoutMs: e.CONNECT_TIMEOUT_MS,
      simulatorPort: e.CONNECT_SIMULATOR_PORT,
    },
  };
}
