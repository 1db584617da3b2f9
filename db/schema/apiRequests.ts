import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every request the bot sent with one of its API keys, kept for one rate-limit window: each key's
 * budget is counted from its rows, so it survives restarts.
 */
export const apiRequests = sqliteTable(
  'api_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpoint: text('endpoint', { enum: ['generate', 'check-status'] }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * The fingerprint of the key that sent it. Null only on rows from before the key pool, which
     * the start gives the first configured key's (a migration cannot read the settings).
     */
    keyFingerprint: text('key_fingerprint'),
  },
  (table) => [index('api_requests_sent_at').on(table.sentAt), index('api_requests_key_sent_at').on(table.keyFingerprint, table.sentAt)],
);
