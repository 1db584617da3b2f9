import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { generations } from './generations.js';

/**
 * Every message the bot posted or edited to show a generation: its reply, and any message that
 * replaced it. A result's buttons are honoured on these messages.
 */
export const generationMessages = sqliteTable('generation_messages', {
  // Looked up by the pressed message's id alone: a snowflake is unique across Discord.
  messageId: text('message_id').primaryKey(),
  generationId: integer('generation_id')
    .notNull()
    .references(() => generations.id),
  channelId: text('channel_id').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});
