import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/** A server's own limit of active requests per member, over MEMBER_ACTIVE_LIMIT; 0 = no limit. */
export const guildMemberLimits = sqliteTable(
  'guild_member_limits',
  {
    guildId: text('guild_id').primaryKey(),
    activeLimit: integer('active_limit').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [check('guild_member_limits_active_limit', sql`${t.activeLimit} >= 0`)],
);

/** When an admin last lifted a member's cooldown: failures before it no longer count. */
export const memberCooldownClears = sqliteTable(
  'member_cooldown_clears',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    clearedAt: integer('cleared_at', { mode: 'timestamp_ms' }).notNull(),
    clearedBy: text('cleared_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId] })],
);
