import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { generations } from './generations.js';

const periods = ['day', 'week', 'month'] as const;
const ledgerKinds = ['reserve', 'settle', 'refund', 'release', 'adjust', 'unknown', 'unpolled'] as const;
const payers = ['operator', 'server'] as const;

/**
 * A server's budget settings. A server without a row uses the operator's defaults; the first admin
 * change copies those defaults into a row, so later default changes no longer move it.
 */
export const guildQuotaSettings = sqliteTable('guild_quota_settings', {
  guildId: text('guild_id').primaryKey(),
  /** Credits per period; null = unlimited, 0 = generation off. */
  budget: integer('budget'),
  period: text('period', { enum: periods }).notNull(),
  /** Credits per member per period when no override or role allowance applies; null = no cap. */
  defaultMemberCap: integer('default_member_cap'),
  confirmThreshold: integer('confirm_threshold').notNull(),
  paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** A member's personal cap; it wins over role allowances and the server default. */
export const memberQuotaOverrides = sqliteTable(
  'member_quota_overrides',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    cap: integer('cap').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId] }), check('member_quota_overrides_cap', sql`${t.cap} >= 0`)],
);

/** Credits per period a role allows; a member gets the largest among their roles. */
export const roleQuotaAllowances = sqliteTable(
  'role_quota_allowances',
  {
    guildId: text('guild_id').notNull(),
    roleId: text('role_id').notNull(),
    allowance: integer('allowance').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.roleId] }),
    check('role_quota_allowances_allowance', sql`${t.allowance} > 0`),
  ],
);

/**
 * Append-only: rows are inserted, never updated or deleted.
 *
 * `credits` is the row's signed effect on usage: positive spends budget, negative gives it back.
 * reserve +price; settle (API's creditsUsed − reserved), so reserve + settle = what the API charged;
 * refund −credits; release −reserved; adjust +taken / −given back. Hence the usage of a server or
 * member in a period is the plain SUM(credits) of its rows that count in that period, `unknown` rows apart.
 *
 * unknown +reserved, after the release of a submit whose outcome is unknown (a time-out, a cut
 * connection, an unreadable answer): the vendor may have charged it. The member is not charged, so
 * a server's and a member's usage leave these rows out; the operator's ceilings and global budget,
 * which count what the vendor may have charged, include them. Final: no task id exists to settle it.
 *
 * unpolled +refunded, after the refunds of a running generation no configured key can poll any more
 * (its key was removed from the settings): the member gets the credits back, yet the vendor charged
 * them (and may have made the video). Like `unknown`, only the operator's ceilings and global budget
 * count it, so the operator's books keep what was spent. Once per generation.
 *
 * `countsAt` places a row in a period: a generation's rows all count at its reservation time (a
 * video spanning midnight stays in the period it was reserved in); an adjustment counts when made.
 */
export const creditLedger = sqliteTable(
  'credit_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    generationId: integer('generation_id').references(() => generations.id),
    kind: text('kind', { enum: ledgerKinds }).notNull(),
    credits: integer('credits').notNull(),
    /** The budget period the reservation (or adjustment) was checked against, e.g. `week:2026-01-05`. */
    periodKey: text('period_key').notNull(),
    countsAt: integer('counts_at', { mode: 'timestamp_ms' }).notNull(),
    reason: text('reason'),
    /** Who caused the row: the member for a reservation, the admin for an adjustment, else null. */
    actorId: text('actor_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * Whose vendor account pays: the operator's, or the server's own key (copied from the
     * reservation). The operator's ceilings, global budget and totals count only the operator's rows.
     */
    payer: text('payer', { enum: payers }).notNull().default('operator'),
  },
  (t) => [
    // Covering the global budget: what the vendor charged for all servers together over a period,
    // one range per charged kind (a server's ceiling walks credit_ledger_kind_idx the same way).
    index('credit_ledger_charged_idx').on(t.kind, t.countsAt, t.payer, t.credits),
    // Covering a member's usage, one range per kind it sums (never `unknown`: not the member's).
    index('credit_ledger_member_idx').on(t.guildId, t.userId, t.kind, t.countsAt, t.credits),
    // Covering the usage report and a server's usage in the budget checks: a period's totals by
    // kind, walked kind by kind, so `unknown` rows (not the server's usage) are never read for them.
    index('credit_ledger_kind_idx').on(t.guildId, t.kind, t.countsAt, t.payer, t.credits),
    index('credit_ledger_generation_idx').on(t.generationId),
    // One reservation per generation, closed at most once (by a settlement or a release).
    uniqueIndex('credit_ledger_reserve_uq').on(t.generationId).where(sql`${t.kind} = 'reserve'`),
    uniqueIndex('credit_ledger_close_uq').on(t.generationId).where(sql`${t.kind} in ('settle', 'release')`),
    uniqueIndex('credit_ledger_unknown_uq').on(t.generationId).where(sql`${t.kind} = 'unknown'`),
    uniqueIndex('credit_ledger_unpolled_uq').on(t.generationId).where(sql`${t.kind} = 'unpolled'`),
    check('credit_ledger_generation', sql`(${t.kind} = 'adjust') = (${t.generationId} is null)`),
    check(
      'credit_ledger_sign',
      sql`(${t.kind} = 'reserve' and ${t.credits} > 0) or (${t.kind} = 'settle')
        or (${t.kind} in ('refund', 'release') and ${t.credits} < 0) or (${t.kind} = 'adjust' and ${t.credits} <> 0)
        or (${t.kind} in ('unknown', 'unpolled') and ${t.credits} > 0)`,
    ),
  ],
);
