import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';

/** One row, rewritten by every health check: proof that the database still takes a write. */
export const healthProbe = sqliteTable('health_probe', {
  id: integer('id').primaryKey(),
  checkedAt: integer('checked_at', { mode: 'timestamp_ms' }).notNull(),
});
