import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Whose turn it is on each lane (a set of API keys waiting requests go out on): the server served
 * last. Kept so a restart takes the round robin up where it stopped.
 */
export const queueTurns = sqliteTable('queue_turns', {
  lane: text('lane').primaryKey(),
  lastGuildId: text('last_guild_id').notNull(),
});

/** In each server of a lane, the member served last. */
export const queueMemberTurns = sqliteTable(
  'queue_member_turns',
  {
    lane: text('lane').notNull(),
    guildId: text('guild_id').notNull(),
    lastUserId: text('last_user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lane, t.guildId] })],
);
