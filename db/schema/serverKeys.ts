import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A server's own nanophoto key, sealed with AES-256-GCM under KEY_ENCRYPTION_SECRET (its own IV,
 * the server id as additional data). Never stored in plain text. A removed key stays, for polling
 * the videos it started, until the last of them ends; a server has at most one key in use.
 */
export const serverApiKeys = sqliteTable(
  'server_api_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** The start of the key's SHA-256: names it in logs, metrics and budgets. */
    keyFingerprint: text('key_fingerprint').notNull(),
    iv: text('iv').notNull(),
    ciphertext: text('ciphertext').notNull(),
    tag: text('tag').notNull(),
    setBy: text('set_by').notNull(),
    setAt: integer('set_at', { mode: 'timestamp_ms' }).notNull(),
    /** When an admin removed it; it then serves polling only. */
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
    /** When the vendor first refused it (401); the server's requests pause until a new key is set. */
    refusedAt: integer('refused_at', { mode: 'timestamp_ms' }),
    /** When the vendor said its account is empty; null while it takes requests. */
    emptyAt: integer('empty_at', { mode: 'timestamp_ms' }),
    /** The server's owner was told the account is empty; cleared once it takes a request again. */
    emptyNotified: integer('empty_notified', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('server_api_keys_in_use_uq').on(t.guildId).where(sql`${t.removedAt} is null`),
    index('server_api_keys_fingerprint_idx').on(t.keyFingerprint),
  ],
);

/**
 * One row (id 1): a known text sealed under the current secret, so a start tells a wrong secret
 * from a right one before any key is needed.
 */
export const keyEncryptionCheck = sqliteTable('key_encryption_check', {
  id: integer('id').primaryKey(),
  iv: text('iv').notNull(),
  ciphertext: text('ciphertext').notNull(),
  tag: text('tag').notNull(),
});
