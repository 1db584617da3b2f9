import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One word or phrase a server does not allow in prompts, as its admin typed it (NFKC, trimmed). */
export const blocklistEntries = sqliteTable(
  'blocklist_entries',
  {
    guildId: text('guild_id').notNull(),
    entry: text('entry').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.entry] })],
);

/** A server's blocklist settings: whether obscenity's built-in English list is used too (off without a row). */
export const blocklistSettings = sqliteTable('blocklist_settings', {
  guildId: text('guild_id').primaryKey(),
  builtin: integer('builtin', { mode: 'boolean' }).notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** When a job that runs once a day last ran, so a restart neither skips nor repeats it. */
export const dailyRuns = sqliteTable('daily_runs', {
  name: text('name').primaryKey(),
  lastRunAt: integer('last_run_at', { mode: 'timestamp_ms' }).notNull(),
});
