import { z } from 'zod';
import { MAX_ACTIVE_LIMIT, type MemberPolicy } from './domain/members/memberPolicy.js';
import type { OperatorPolicy } from './domain/operator/operatorRules.js';
import { periods } from './domain/quota/periods.js';
import type { QuotaDefaults } from './domain/quota/types.js';
import type { RateLimit } from './domain/requestBudget.js';
import type { Timing } from './domain/timing.js';
import type { VideoFileSettings } from './domain/videoFiles.js';
import type { LinkRules } from './net/publicLinks.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const requiredSecret = (name: string) =>
  z
    .string({ error: `${name} is missing` })
    .trim()
    .min(1, `${name} is missing`);

const milliseconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const credits = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

const minute = 60_000;

/** 32 random bytes in base64: an AES-256 key. */
const encryptionSecret = (name: string) =>
  optionalText.pipe(
    z
      .string()
      .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32, `${name} must be 32 random bytes in base64 (see README)`)
      .optional(),
  );

/** A number of credits, or `unlimited`. */
const creditsOrUnlimited = z.union([z.literal('unlimited'), z.coerce.number().int().min(0)]);
/** Comma-separated API keys, blanks and repeats dropped. */
const keyList = z
  .string()
  .transform((value) => [...new Set(value.split(',').map((key) => key.trim()).filter((key) => key !== ''))])
  .optional();

/** Comma-separated Discord ids. */
const snowflakeList = z
  .string()
  .transform((value) => value.split(',').map((id) => id.trim()).filter((id) => id !== ''))
  .pipe(z.array(snowflake))
  .default([]);

/** A check across settings runs, alongside the others' errors, once the settings it reads parsed. */
function whenValid(...names: string[]) {
  return { when: (payload: z.core.ParsePayload) => !payload.issues.some((issue) => names.includes(String(issue.path?.[0]))) };
}

/** `NAME=` with nothing after it, as .env.example shows for optional settings, means the default. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => (entry[1] ?? '').trim() !== ''));
}

/** Also where `npm run restore` puts a backup when DATABASE_PATH is not set. */

/** The domain's timing, and the app's own: the poller's tick, Discord's token life and the confirmation question's. */
export interface AppTiming extends Timing {
  pollerTickMs: number;
  interactionTokenTtlMs: number;
  /** How long a costly request waits for its member's confirmation. */
  confirmationTtlMs: number;
  /** How long a member's request waits for a moderator's approval at most. */
  approvalTtlMs: number;
}

export const DEFAULT_DATABASE_PATH = 'data/veo-bot.db';

const envSchema = z.object({
  DISCORD_TOKEN: requiredSecret('DISCORD_TOKEN'),
  DISCORD_GUILD_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_API_URL: z.url().default('https://discord.com/api'),
  // At least one of the two; both set = every key of either (see the check below).
  NANOPHOTO_API_KEY: optionalText,
  NANOPHOTO_API_KEYS: keyList,
  NANOPHOTO_API_URL: z.url().default('https://nanophoto.ai'),
  DATABASE_PATH: z.string().trim().min(1).default(DEFAULT_DATABASE_PATH),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  BACKUP_DIR: optionalText,
  // setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days).
  BACKUP_INTERVAL_MS: milliseconds(24 * 60 * minute).pipe(z.number().max(2 ** 31 - 1, 'BACKUP_INTERVAL_MS must be at most 2147483647 (24.8 days)')),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
  // Unset: no HTTP server. 0 takes any free port (tests).
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),

  API_TIMEOUT_MS: milliseconds(30_000),
  POLLER_TICK_MS: milliseconds(5_000),
  SHOT_MIN_MS: milliseconds(2 * minute),
  SHOT_MAX_MS: milliseconds(5 * minute),
  POLL_INTERVAL_MS: milliseconds(30_000),
  POLL_MAX_INTERVAL_MS: milliseconds(5 * minute),
  POLL_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(50),
  GENERATION_GRACE_MS: milliseconds(30 * minute),
  QUEUE_MAX_WAIT_MS: milliseconds(6 * 60 * minute),
  QUEUE_MAX_TEXT_WAIT_MS: milliseconds(24 * 60 * minute),
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(100),
  API_RATE_WINDOW_MS: milliseconds(60 * minute),
  API_POLL_RESERVE: z.coerce.number().int().min(0).default(12),
  API_SUBMIT_RESERVE: z.coerce.number().int().min(0).default(5),
  API_BURST: z.coerce.number().int().min(1).default(20),
  INTERACTION_TOKEN_TTL_MS: milliseconds(14 * minute),
  // The question is closed through its interaction token, which Discord keeps for 15 minutes.
  CONFIRMATION_TTL_MS: z.coerce
    .number()
    .int()
    .positive()
    .max(15 * minute - 1, 'CONFIRMATION_TTL_MS must be under 15 minutes (900000)')
    .default(10 * minute),
  DELIVERY_RETRY_MS: milliseconds(30_000),
  APPROVAL_TTL_MS: milliseconds(24 * 60 * minute),
  VIDEO_FILES: z.enum(['on', 'off']).default('on'),
  VIDEO_FILE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  VIDEO_DOWNLOAD_TIMEOUT_MS: milliseconds(2 * minute),
  VIDEO_DOWNLOAD_RETRIES: z.coerce.number().int().min(0).max(20).default(3),
  // Unset: an ffmpeg on the PATH, else the one the optional npm dependency ships.
  FFMPEG_PATH: z.string().min(1).optional(),
  VIDEO_TRANSCODE_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(1),
  VIDEO_TRANSCODE_TIMEOUT_MS: milliseconds(10 * minute),
  VIDEO_HOSTS: z
    .string()
    .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter((host) => host !== ''))
    .pipe(z.array(z.string().regex(/^[^/\s]+$/, 'must be host names (cdn.example.com), not links')))
    .default([]),
  // For tests on one machine: the fakes serve videos over http on loopback.
  ALLOW_PRIVATE_URLS: z.enum(['true', 'false']).default('false'),

  DEFAULT_SERVER_BUDGET: credits(300),
  DEFAULT_BUDGET_PERIOD: z.enum(['day', 'week', 'month', 'unlimited']).default('week'),
  DEFAULT_MEMBER_CAP: credits(0),
  CONFIRM_THRESHOLD: credits(30),

  SERVER_BUDGET_CEILING: creditsOrUnlimited.optional(),
  SERVER_BUDGET_CEILING_PERIOD: z.enum(periods).optional(),
  GLOBAL_BUDGET: creditsOrUnlimited.default('unlimited'),
  GLOBAL_BUDGET_PERIOD: z.enum(periods).default('month'),
  GUILD_ACCESS: z.enum(['open', 'allowlist']).default('open'),
  ALLOWED_GUILD_IDS: snowflakeList,
  OPERATOR_USER_IDS: snowflakeList,
  OPERATOR_GUILD_ID: optionalText.pipe(snowflake.optional()),
  EMPTY_ACCOUNT_RETRY_MS: milliseconds(15 * minute),
  UNKNOWN_OUTCOME_PAUSE: z.coerce.number().int().min(1).default(3),
  MEMBER_ACTIVE_LIMIT: z.coerce.number().int().min(0).max(MAX_ACTIVE_LIMIT).default(3),
  DUPLICATE_WINDOW_MS: z.coerce.number().int().min(0).default(10_000),
  MEMBER_FAILURE_LIMIT: z.coerce.number().int().min(0).default(5),
  PROMPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  KEY_ENCRYPTION_SECRET: encryptionSecret('KEY_ENCRYPTION_SECRET'),
  KEY_ENCRYPTION_SECRET_PREVIOUS: encryptionSecret('KEY_ENCRYPTION_SECRET_PREVIOUS'),
  SERVER_KEYS: z.enum(['off', 'allowed', 'required']).default('allowed'),
})
  .refine((e) => operatorKeys(e).length > 0, {
    path: ['NANOPHOTO_API_KEY'],
    message: 'NANOPHOTO_API_KEY or NANOPHOTO_API_KEYS is missing (the nanophoto API key, or several comma-separated)',
    ...whenValid('NANOPHOTO_API_KEY', 'NANOPHOTO_API_KEYS'),
  })
  .refine((e) => e.SHOT_MAX_MS >= e.SHOT_MIN_MS, {
    path: ['SHOT_MAX_MS'],
    message: 'SHOT_MAX_MS must not be less than SHOT_MIN_MS',
    ...whenValid('SHOT_MIN_MS', 'SHOT_MAX_MS'),
  })
  .refine((e) => e.KEY_ENCRYPTION_SECRET_PREVIOUS === undefined || e.KEY_ENCRYPTION_SECRET !== undefined, {
    path: ['KEY_ENCRYPTION_SECRET_PREVIOUS'],
    message: 'KEY_ENCRYPTION_SECRET_PREVIOUS is the secret before a rotation: set KEY_ENCRYPTION_SECRET, the new one, too',
    ...whenValid('KEY_ENCRYPTION_SECRET', 'KEY_ENCRYPTION_SECRET_PREVIOUS'),
  })
  .refine((e) => e.SERVER_KEYS !== 'required' || e.KEY_ENCRYPTION_SECRET !== undefined, {
    path: ['SERVER_KEYS'],
    message: 'SERVER_KEYS=required needs KEY_ENCRYPTION_SECRET, or no server could store its key',
    ...whenValid('SERVER_KEYS', 'KEY_ENCRYPTION_SECRET'),
  })
  .refine((e) => e.API_POLL_RESERVE + e.API_SUBMIT_RESERVE < e.API_RATE_LIMIT, {
    path: ['API_POLL_RESERVE'],
    message: 'API_POLL_RESERVE + API_SUBMIT_RESERVE must be less than API_RATE_LIMIT',
    ...whenValid('API_POLL_RESERVE', 'API_SUBMIT_RESERVE', 'API_RATE_LIMIT'),
  });

export type Env = z.infer<typeof envSchema>;

/**
 * The operator's keys: NANOPHOTO_API_KEY first (rows from before the key pool were its), then
 * NANOPHOTO_API_KEYS, each once. A key listed twice is one key with one budget.
 */
function operatorKeys(e: { NANOPHOTO_API_KEY?: string | undefined; NANOPHOTO_API_KEYS?: string[] | undefined }): string[] {
  return [...new Set([...(e.NANOPHOTO_API_KEY === undefined ? [] : [e.NANOPHOTO_API_KEY]), ...(e.NANOPHOTO_API_KEYS ?? [])])];
}

/** Every setting the bot reads, for documentation checks. */
export const settingNames = Object.keys(envSchema.shape);

export interface Config {
  discord: { token: string; guildId: string | undefined; apiUrl: string };
  /** `apiKeys`: the operator's pool, at least one, each once; the first is NANOPHOTO_API_KEY when set. */
  nanophoto: { apiKeys: string[]; apiUrl: string; timeoutMs: number; rateLimit: RateLimit };
  videoFiles: VideoFileSettings;
  /** How copies that fit, frames and joins are made with ffmpeg. */
  transcode: { ffmpegPath: string | undefined; concurrency: number; timeoutMs: number };
  /** Which links the bot fetches (videos, image checks): https to public addresses, VIDEO_HOSTS only when set. */
  links: LinkRules;
  databasePath: string;
  /** Online copies of the database; undefined when BACKUP_DIR is not set. */
  backup: { dir: string; intervalMs: number; keep: number } | undefined;
  logLevel: Env['LOG_LEVEL'];
  /** Where `/healthz` and `/metrics` are served; undefined = not at all. */
  http: { host: string; port: number } | undefined;
  timing: AppTiming;
  quota: QuotaDefaults;
  operator: OperatorSettings;
  /** Each member's limit of active requests, the double-press window, and the cooldown after refusals. */
  members: MemberPolicy;
  /** Results older than this many days have their prompts and links blanked, once a day; null keeps them. */
  promptRetentionDays: number | null;
  serverKeys: ServerKeySettings;
  /** Every secret as written in the environment (token, operator keys, key encryption secrets): the log redacts each. */
  logSecrets: string[];
}

/** Servers' own vendor keys: whether they may (or must) bring one, and the secrets they are stored under. */
export interface ServerKeySettings {
  mode: 'off' | 'allowed' | 'required';
  /** AES-256 keys (32 bytes); without `secret`, server keys are off. */
  secret: Buffer | undefined;
  previousSecret: Buffer | undefined;
}

/**
 * What the operator (who pays the vendor account) decides over every server: the ceiling, the
 * global budget and which servers may use the bot (`allowlist`: only `allowedGuildIds` and
 * servers the operator allowed), and who the operator is.
 */
export interface OperatorSettings extends OperatorPolicy {
  /** Operators besides the application's owner (or its team's admins). */
  userIds: string[];
  /** The one server where /veo-operator is registered. */
  guildId: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment once; every missing or malformed setting is named in one message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return issue.message.startsWith(name) ? `- ${issue.message}` : `- ${name}: ${issue.message}`;
    });
    throw new ConfigError(
      `The bot cannot start; fix these settings (see .env.example):\n${problems.join('\n')}`,
    );
  }
  const e = parsed.data;
  const period = e.DEFAULT_BUDGET_PERIOD;
  const defaultBudget = period === 'unlimited' ? null : e.DEFAULT_SERVER_BUDGET;
  const ceiling = e.SERVER_BUDGET_CEILING === undefined ? defaultBudget : e.SERVER_BUDGET_CEILING;
  return {
    discord: { token: e.DISCORD_TOKEN, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL },
    nanophoto: {
      apiKeys: operatorKeys(e),
      apiUrl: e.NANOPHOTO_API_URL,
      timeoutMs: e.API_TIMEOUT_MS,
      rateLimit: { limit: e.API_RATE_LIMIT, windowMs: e.API_RATE_WINDOW_MS, pollReserve: e.API_POLL_RESERVE, submitReserve: e.API_SUBMIT_RESERVE, burst: e.API_BURST },
    },
    videoFiles: {
      enabled: e.VIDEO_FILES === 'on',
      concurrency: e.VIDEO_FILE_CONCURRENCY,
      downloadTimeoutMs: e.VIDEO_DOWNLOAD_TIMEOUT_MS,
      retries: e.VIDEO_DOWNLOAD_RETRIES,
    },
    transcode: { ffmpegPath: e.FFMPEG_PATH, concurrency: e.VIDEO_TRANSCODE_CONCURRENCY, timeoutMs: e.VIDEO_TRANSCODE_TIMEOUT_MS },
    links: { allowPrivate: e.ALLOW_PRIVATE_URLS === 'true', hosts: e.VIDEO_HOSTS },
    databasePath: e.DATABASE_PATH,
    promptRetentionDays: e.PROMPT_RETENTION_DAYS ?? null,
    backup: e.BACKUP_DIR === undefined ? undefined : { dir: e.BACKUP_DIR, intervalMs: e.BACKUP_INTERVAL_MS, keep: e.BACKUP_KEEP },
    logLevel: e.LOG_LEVEL,
    http: e.HTTP_PORT === undefined ? undefined : { host: e.HTTP_HOST, port: e.HTTP_PORT },
    timing: {
      pollerTickMs: e.POLLER_TICK_MS,
      shotMinMs: e.SHOT_MIN_MS,
      shotMaxMs: e.SHOT_MAX_MS,
      pollIntervalMs: e.POLL_INTERVAL_MS,
      pollMaxIntervalMs: e.POLL_MAX_INTERVAL_MS,
      pollBatchSize: e.POLL_BATCH_SIZE,
      generationGraceMs: e.GENERATION_GRACE_MS,
      queueMaxWaitMs: e.QUEUE_MAX_WAIT_MS,
      queueMaxTextWaitMs: e.QUEUE_MAX_TEXT_WAIT_MS,
      interactionTokenTtlMs: e.INTERACTION_TOKEN_TTL_MS,
      confirmationTtlMs: e.CONFIRMATION_TTL_MS,
      approvalTtlMs: e.APPROVAL_TTL_MS,
      deliveryRetryMs: e.DELIVERY_RETRY_MS,
    },
    quota: {
      budget: defaultBudget,
      period: period === 'unlimited' ? 'month' : period,
      memberCap: e.DEFAULT_MEMBER_CAP === 0 ? null : e.DEFAULT_MEMBER_CAP,
      confirmThreshold: e.CONFIRM_THRESHOLD,
    },
    operator: {
      // Out of the box no server's admins can raise their budget past what the operator gave.
      ceiling: {
        amount: ceiling === 'unlimited' ? null : ceiling,
        period: e.SERVER_BUDGET_CEILING_PERIOD ?? (period === 'unlimited' ? 'month' : period),
      },
      globalBudget: { amount: e.GLOBAL_BUDGET === 'unlimited' ? null : e.GLOBAL_BUDGET, period: e.GLOBAL_BUDGET_PERIOD },
      access: e.GUILD_ACCESS,
      allowedGuildIds: e.ALLOWED_GUILD_IDS,
      userIds: e.OPERATOR_USER_IDS,
      guildId: e.OPERATOR_GUILD_ID,
      emptyAccountRetryMs: e.EMPTY_ACCOUNT_RETRY_MS,
      unknownOutcomePause: e.UNKNOWN_OUTCOME_PAUSE,
    },
    members: { activeLimit: e.MEMBER_ACTIVE_LIMIT, duplicateWindowMs: e.DUPLICATE_WINDOW_MS, failureLimit: e.MEMBER_FAILURE_LIMIT },
    serverKeys: {
      mode: e.SERVER_KEYS,
      secret: e.KEY_ENCRYPTION_SECRET === undefined ? undefined : Buffer.from(e.KEY_ENCRYPTION_SECRET, 'base64'),
      previousSecret: e.KEY_ENCRYPTION_SECRET_PREVIOUS === undefined ? undefined : Buffer.from(e.KEY_ENCRYPTION_SECRET_PREVIOUS, 'base64'),
    },
    logSecrets: [e.DISCORD_TOKEN, ...operatorKeys(e), e.KEY_ENCRYPTION_SECRET, e.KEY_ENCRYPTION_SECRET_PREVIOUS].filter((secret) => secret !== undefined),
  };
}
