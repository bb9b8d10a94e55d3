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
    DIAGNOSIS_CATALOGUE: optionalText,
    TENANTS_FILE: optionalText,
    BOT_TIMEZONE: z
      .string()
      .default('Europe/London')
      .refine(isTimeZone, { message: 'is not an IANA time zone such as Europe/London' }),
    STORAGE: z.enum(['sqlite', 'memory']).default('sqlite'),
    STORAGE_SQLITE_FILE: z.string().trim().min(1).default('data/bot-state.db'),
    PRIVACY_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    LANDLORD_NAME: z.string().trim().min(1).default('Example Housing Association'),
    REPAIRS_PHONE: z.string().trim().min(5).default('0306 999 0123'),
    EMERGENCY_REPAIRS_PHONE: z.string().trim().min(5).default('0306 999 0999'),
    REBOOK_MIN_DAYS: z.coerce.number().int().min(0).max(30).default(1),
    SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    REPAIRS_TEAM_EMAIL: z.email().default('repairs-team@example.org'),
    MAIL_FROM: z.email().default('repairs-bot@example.org'),
    SMTP_PORT_LOCAL: port.default(0),
    CONNECT_EVENTS_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    PUBLIC_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    TWILIO_ACCOUNT_SID: optionalText.pipe(
      z
        .string()
        .regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC and 32 hex digits')
        .optional(),
    ),
    TWILIO_AUTH_TOKEN: optionalText,
    TWILIO_NUMBER: optionalText.pipe(
      z
        .string()
        .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number')
        .optional(),
    ),
    TWILIO_WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  })
  .superRefine((env, ctx) => {
    const twilioKeys = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_NUMBER', 'TWILIO_WEBHOOK_URL'] as const;
    if (twilioKeys.some((key) => env[key])) {
      for (const key of twilioKeys) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when any TWILIO_ setting is set' });
      }
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'is required when MicrosoftAppId is set',
      });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `is required for ${env.MicrosoftAppType}`,
      });
    }
    if (env.CONNECT_BASE_URL && !env.CONNECT_EVENTS_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['CONNECT_EVENTS_SECRET'],
        message: "is required when CONNECT_BASE_URL is set (it authenticates Connect's updates)",
      });
    }
    if (env.CONNECT_BASE_URL) {
      for (const key of ['CONNECT_USERNAME', 'CONNECT_PASSWORD'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when CONNECT_BASE_URL is set' });
      }
    }
  });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  port: number;
  /** IANA zone in which the bot reads and writes dates and times ('Europe/London'). */
  timeZone: string;
  /** Path of the diagnosis catalogue; unset means the bundled one. */
  cataloguePath?: string;
  /** Path of the tenant directory (JSON array of Connect Customer objects); unset means the bundled demo tenants. */
  tenantsPath?: string;
  storage: { kind: 'sqlite' | 'memory'; sqliteFile: string };
  privacyUrl?: string;
  landlordName: string;
  phones: { repairs: string; emergency: string };
  /** Visits due within this many days cannot be moved online. */
  rebookMinDays: number;
  mail: {
    /** Unset: a local SMTP server starts with the bot and keeps the mails under data/mail. */
    smtpUrl?: string;
    localSmtpPort: number;
    repairsTeam: string;
    from: string;
  };
  /** HMAC secret of Connect's update deliveries; unset only with the embedded simulator (a random one is made). */
  connectEventsSecret?: string;
  /** The bot's public address, e.g. https://bot.example.org (for the URLs given to Connect); default the local one. */
  publicBaseUrl?: string;
  /** Bot Framework credentials; all empty means local mode (no channel authentication, local channels only). */
  botFramework: { appId?: string; appPassword?: string; appType: string; tenantId?: string };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** SMS through Twilio at POST /api/sms; unset (no TWILIO_ settings) means no SMS route. */
  twilio?: { accountSid: string; authToken: string; number: string; webhookUrl: string };
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
    timeZone: e.BOT_TIMEZONE,
    cataloguePath: e.DIAGNOSIS_CATALOGUE,
    tenantsPath: e.TENANTS_FILE,
    storage: { kind: e.STORAGE, sqliteFile: e.STORAGE_SQLITE_FILE },
    privacyUrl: e.PRIVACY_URL,
    landlordName: e.LANDLORD_NAME,
    phones: { repairs: e.REPAIRS_PHONE, emergency: e.EMERGENCY_REPAIRS_PHONE },
    rebookMinDays: e.REBOOK_MIN_DAYS,
    mail: {
      smtpUrl: e.SMTP_URL,
      localSmtpPort: e.SMTP_PORT_LOCAL,
      repairsTeam: e.REPAIRS_TEAM_EMAIL,
      from: e.MAIL_FROM,
    },
    connectEventsSecret: e.CONNECT_EVENTS_SECRET,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    botFramework: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    },
    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_NUMBER && e.TWILIO_WEBHOOK_URL
        ? {
            accountSid: e.TWILIO_ACCOUNT_SID,
            authToken: e.TWILIO_AUTH_TOKEN,
            number: e.TWILIO_NUMBER,
            webhookUrl: e.TWILIO_WEBHOOK_URL,
          }
        : undefined,
    connect: {
      baseUrl: e.CONNECT_BASE_URL,
      username: e.CONNECT_USERNAME ?? (embedded ? SIMULATOR_DEFAULT_USERNAME : ''),
      password: e.CONNECT_PASSWORD ?? (embedded ? SIMULATOR_DEFAULT_PASSWORD : ''),
      timeoutMs: e.CONNECT_TIMEOUT_MS,
      simulatorPort: e.CONNECT_SIMULATOR_PORT,
    },
  };
}
