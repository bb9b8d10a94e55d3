import { z } from 'zod';

/**
 * Every setting the bot reads, validated once at start-up. A missing or wrong setting stops start-up with a
 * message that names it, so a deployment fails on the first line of its log rather than on a tenant's turn.
 */

// The embedded simulator accepts these when no real Connect is configured; they are not secrets.
export const SIMULATOR_DEFAULT_USERNAME = 'repairs-bot@simulator.local';
export const SIMULATOR_DEFAULT_PASSWORD = 'simulator-password';

/** Direct Line's global endpoint; Europe's is https://europe.directline.botframework.com/v3/directline. */
export const DIRECT_LINE_DEFAULT_DOMAIN = 'https://directline.botframework.com/v3/directline';

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
    CONNECT_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    CONNECT_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(10).max(600_000).default(30_000),
    SLOW_REPLY_NOTICE_MS: z.coerce.number().int().min(10).max(60_000).default(3_000),
    OUTBOX_RETRY_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    CONNECT_SIMULATOR_PORT: port.default(5055),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DIAGNOSIS_CATALOGUE: optionalText,
    TENANTS_FILE: optionalText,
    BOT_TIMEZONE: z
      .string()
      .default('Europe/London')
      .refine(isTimeZone, { message: 'is not an IANA time zone such as Europe/London' }),
    STORAGE: z.enum(['sqlite', 'memory', 'blob']).default('sqlite'),
    STORAGE_SQLITE_FILE: z.string().trim().min(1).default('data/bot-state.db'),
    STORAGE_BLOB_CONNECTION_STRING: optionalText,
    // Azure's rule for container names, checked here so a typo fails start-up rather than the first turn.
    STORAGE_BLOB_CONTAINER: z
      .string()
      .trim()
      .regex(/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'must be 3-63 lower-case letters, digits and single hyphens')
      .default('bot-state'),
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
    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_DOMAIN: z
      .string()
      .trim()
      .default(DIRECT_LINE_DEFAULT_DOMAIN)
      .pipe(z.url({ protocol: /^https?$/ }))
      // The secret travels to this address: plain http only to this machine (a stand-in in tests).
      .refine(
        (url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(`${url}/`),
        {
          message: 'must be an https URL',
        },
      ),
    DIRECT_LINE_TRUSTED_ORIGINS: optionalText.pipe(z.string().optional()),
    DIRECT_LINE_TOKENS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
    WEBCHAT_IDENTITY_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    WEBCHAT_IDENTITY_JWKS_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    WEBCHAT_IDENTITY_ISSUER: optionalText,
    WEBCHAT_IDENTITY_AUDIENCE: optionalText,
    FUNNEL_LOG_FILE: z.string().trim().min(1).default('data/funnel.jsonl'),
    FUNNEL_SALT: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    // Application Insights' own name for it, so the Azure portal's "connect" button sets it.
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.pipe(
      z
        .string()
        .regex(/InstrumentationKey=[^;]+/i, 'must contain InstrumentationKey=')
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.WEBCHAT_IDENTITY_SECRET && env.WEBCHAT_IDENTITY_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBCHAT_IDENTITY_JWKS_URL'],
        message: 'set either WEBCHAT_IDENTITY_SECRET (HS256) or WEBCHAT_IDENTITY_JWKS_URL (RS256), not both',
      });
    }
    if (env.WEBCHAT_IDENTITY_SECRET || env.WEBCHAT_IDENTITY_JWKS_URL) {
      for (const key of ['WEBCHAT_IDENTITY_ISSUER', 'WEBCHAT_IDENTITY_AUDIENCE'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when signed website identities are on' });
      }
    }
    if (env.DIRECT_LINE_TRUSTED_ORIGINS) {
      for (const origin of originList(env.DIRECT_LINE_TRUSTED_ORIGINS)) {
        if (!isOrigin(origin))
          ctx.addIssue({
            code: 'custom',
            path: ['DIRECT_LINE_TRUSTED_ORIGINS'],
            message: 'must be a comma-separated list of origins such as https://www.example.org',
          });
      }
    }
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
    if (env.STORAGE === 'blob' && !env.STORAGE_BLOB_CONNECTION_STRING) {
      ctx.addIssue({
        code: 'custom',
        path: ['STORAGE_BLOB_CONNECTION_STRING'],
        message: 'is required when STORAGE=blob',
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

function originList(text: string): string[] {
  return text
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text.replace(/\/+$/, '');
  } catch {
    return false;
  }
}

/** The name of every setting the bot reads (zod 4 keeps .shape through superRefine); test/deploy checks the templates. */
export const SETTING_NAMES: readonly string[] = Object.keys(envSchema.shape);

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
  /** Where conversation state and records live; blob lets several instances share them. */
  storage: {
    kind: 'sqlite' | 'memory' | 'blob';
    sqliteFile: string;
    /** Set when kind is 'blob'. */
    blob?: { connectionString: string; container: string };
  };
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
  /**
   * The website widget through Azure Bot Service's Direct Line: POST /api/directline/token trades the secret for a
   * one-conversation token. Unset secret: no token route (the local Direct Line serves the widget instead).
   */
  directLine: { secret?: string; domain: string; trustedOrigins: string[]; tokensPerMinute: number };
  /** Signed tenant identities from the housing website (a JWT naming the property); unset: off. */
  siteIdentity?: { secret?: string; jwksUrl?: string; issuer: string; audience: string };
  connect: {
    /** Unset means: start the embedded Connect simulator and talk to it. */
    baseUrl?: string;
    username: string;
    password: string;
    timeoutMs: number;
    simulatorPort: number;
    /** Failed calls in a row before the bot stops calling Connect, and how long until it tries one again. */
    breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
  };
  /** A turn still busy (a slow Connect step) after this long gets "This is taking longer than usual…". */
  slowReplyNoticeMs: number;
  /** How often the outbox tries again to send reports that Connect could not take. */
  outboxRetryMs: number;
  /** Funnel events (no personal data): to Application Insights when its connection string is set, else a local file. */
  telemetry: {
    funnelLogFile: string;
    appInsightsConnectionString?: string;
    /** Salt of the conversation keys; unset: a random one per start (keys then do not match across restarts). */
    salt?: string;
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
    storage: {
      kind: e.STORAGE,
      sqliteFile: e.STORAGE_SQLITE_FILE,
      blob: e.STORAGE_BLOB_CONNECTION_STRING
        ? { connectionString: e.STORAGE_BLOB_CONNECTION_STRING, container: e.STORAGE_BLOB_CONTAINER }
        : undefined,
    },
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
    directLine: {
      secret: e.DIRECT_LINE_SECRET,
      domain: e.DIRECT_LINE_DOMAIN.replace(/\/+$/, ''),
      trustedOrigins: originList(e.DIRECT_LINE_TRUSTED_ORIGINS ?? '').map((o) => o.replace(/\/+$/, '')),
      tokensPerMinute: e.DIRECT_LINE_TOKENS_PER_MINUTE,
    },
    siteIdentity:
      (e.WEBCHAT_IDENTITY_SECRET || e.WEBCHAT_IDENTITY_JWKS_URL) &&
      e.WEBCHAT_IDENTITY_ISSUER &&
      e.WEBCHAT_IDENTITY_AUDIENCE
        ? {
            secret: e.WEBCHAT_IDENTITY_SECRET,
            jwksUrl: e.WEBCHAT_IDENTITY_JWKS_URL,
            issuer: e.WEBCHAT_IDENTITY_ISSUER,
            audience: e.WEBCHAT_IDENTITY_AUDIENCE,
          }
        : undefined,
    connect: {
      baseUrl: e.CONNECT_BASE_URL,
      username: e.CONNECT_USERNAME ?? (embedded ? SIMULATOR_DEFAULT_USERNAME : ''),
      password: e.CONNECT_PASSWORD ?? (embedded ? SIMULATOR_DEFAULT_PASSWORD : ''),
      timeoutMs: e.CONNECT_TIMEOUT_MS,
      simulatorPort: e.CONNECT_SIMULATOR_PORT,
      breaker: {
        consecutiveFailures: e.CONNECT_BREAKER_FAILURES,
        halfOpenAfterMs: e.CONNECT_BREAKER_HALF_OPEN_MS,
      },
    },
    slowReplyNoticeMs: e.SLOW_REPLY_NOTICE_MS,
    outboxRetryMs: e.OUTBOX_RETRY_MS,
    telemetry: {
      funnelLogFile: e.FUNNEL_LOG_FILE,
      appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
      salt: e.FUNNEL_SALT,
    },
  };
}
