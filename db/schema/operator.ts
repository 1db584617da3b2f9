import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const periods = ['day', 'week', 'month'] as const;

/**
 * The operator's ceiling for one server: the most its admins may set as their budget. A server
 * without a row has the default ceiling of the settings.
 */
export const serverCeilings = sqliteTable('server_ceilings', {
  guildId: text('guild_id').primaryKey(),
  /** Credits per period; null = unlimited. */
  ceiling: integer('ceiling'),
  period: text('period', { enum: periods }).notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** The operator's own allow or deny of a server, over GUILD_ACCESS and ALLOWED_GUILD_IDS. */
export const serverAccess = sqliteTable('server_access', {
  guildId: text('guild_id').primaryKey(),
  allowed: integer('allowed', { mode: 'boolean' }).notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * One row (id 1): what the operator changed over the settings. Kept in SQLite so a restart does
 * not resume a paused bot.
 */
export const operatorState = sqliteTable('operator_state', {
  id: integer('id').primaryKey(),
  /** Whether the operator set a global budget with /veo-operator, overriding GLOBAL_BUDGET. */
  globalBudgetSet: integer('global_budget_set', { mode: 'boolean' }).notNull().default(false),
  /** Credits per period for all servers together; null = unlimited. */
  globalBudget: integer('global_budget'),
  globalPeriod: text('global_period', { enum: periods }),
  paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
});

/**
 * What one vendor API key has been through, by the key's fingerprint: unknown outcomes in a row
 * (a time-out, a cut connection, an unreadable answer to a submit) pause submissions on it until
 * the operator resumes; its account running empty holds it (and the price it last refused); a 429
 * holds it until the vendor's Retry-After. Kept in SQLite so a restart neither floods the vendor
 * nor tells the operator twice; one key's state never holds another key.
 */
export const apiKeyState = sqliteTable('api_key_state', {
  keyFingerprint: text('key_fingerprint').primaryKey(),
  /** Unknown outcomes since the key's last accepted submit (429s neither count nor reset it). */
  unknownStreak: integer('unknown_streak').notNull().default(0),
  /** When the streak paused the key; null while submissions go out. */
  unknownPausedAt: integer('unknown_paused_at', { mode: 'timestamp_ms' }),
  /** What the vendor last said a refused request needed (its `requiredCredits`) while the account is empty. */
  refusedCredits: integer('refused_credits'),
  /** When the vendor last answered INSUFFICIENT_CREDITS on this key; null while submissions go out on it. */
  accountEmptyAt: integer('account_empty_at', { mode: 'timestamp_ms' }),
  /** When one queued request is tried again on this key while its account is empty. */
  accountRetryAt: integer('account_retry_at', { mode: 'timestamp_ms' }),
  /** The operator was told this key's account is empty; cleared once the vendor accepts a request on it again. */
  accountEmptyNotified: integer('account_empty_notified', { mode: 'boolean' }).notNull().default(false),
  /** Until when the vendor told us (HTTP 429) to send nothing on this key. */
  rateLimitedUntil: integer('rate_limited_until', { mode: 'timestamp_ms' }),
});
