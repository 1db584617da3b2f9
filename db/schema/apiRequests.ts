import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every request the bot sent with its API key, kept for one rate-limit window: the budget is
 * counted from these rows, so it survives restarts.
 */
export const apiRequests = sqliteTable(
  'api_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpoint: text('endpoint', { enum: ['generate', 'check-status'] }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('api_requests_sent_at').on(table.sentAt)],
);

/** One row: until when the vendor told us (HTTP 429) to send nothing. */
export const apiPause = sqliteTable('api_pause', {
  id: integer('id').primaryKey(),
  until: integer('until', { mode: 'timestamp_ms' }).notNull(),
});
