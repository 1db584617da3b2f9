import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { FailureCode, FileFallback, ShotFailure } from '../../src/domain/generation.js';

/** One `/veo prompt` request, stored before the API is called so that nothing can be lost. */
export const generations = sqliteTable(
  'generations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    userId: text('user_id').notNull(),
    interactionId: text('interaction_id'),
    /** The Discord locales of the member and of the server when it was asked for. */
    locale: text('locale'),
    guildLocale: text('guild_locale'),
    /** Discord's upload limit where the reply is posted, from the interaction; null when unknown. */
    attachmentSizeLimit: integer('attachment_size_limit'),
    replyMessageId: text('reply_message_id'),
    prompt: text('prompt').notNull(),
    mode: text('mode', { enum: ['text', 'frames', 'reference'] }).notNull(),
    aspectRatio: text('aspect_ratio', { enum: ['16:9', '9:16'] }).notNull(),
    resolution: text('resolution', { enum: ['720p', '1080p', '4k'] }).notNull(),
    imageUrls: text('image_urls', { mode: 'json' }).$type<string[]>().notNull(),
    credits: integer('credits').notNull(),
    creditsUsed: integer('credits_used'),
    state: text('state', {
      enum: ['awaiting_approval', 'queued', 'submitting', 'running', 'completed', 'partial', 'failed'],
    }).notNull(),
    /** A FailureCode; the words are the renderers'. */
    errorCode: text('error_code').$type<FailureCode>(),
    videoUrl: text('video_url'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    /**
     * The fingerprint of the API key it was submitted on (never the key): it is polled with that key
     * only. Null while queued; rows from before the key pool get the first configured key's at start.
     */
    keyFingerprint: text('key_fingerprint'),
    /** While queued: the expected start. Once running: the expected finish. */
    expectedAt: integer('expected_at', { mode: 'timestamp_ms' }),
    /** While queued: how many queued requests are ahead, plus one, as last shown to the member. */
    queuePosition: integer('queue_position'),
    /** While queued: why nothing is submitted at all (the vendor account is empty), shown to the member. */
    waitReason: text('wait_reason', { enum: ['account_empty'] }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    nextPollAt: integer('next_poll_at', { mode: 'timestamp_ms' }),
    pollCount: integer('poll_count').notNull().default(0),
    /** Bumped on every change a member should see; Discord is told until it catches up. */
    revision: integer('revision').notNull().default(0),
    deliveredRevision: integer('delivered_revision').notNull().default(0),
    deliveryAttempts: integer('delivery_attempts').notNull().default(0),
    nextDeliveryAt: integer('next_delivery_at', { mode: 'timestamp_ms' }),
    /** Why the finished video is shown as links instead of files; null while files may be attached. */
    fileFallback: text('file_fallback').$type<FileFallback>(),
    /** File deliveries that failed for a reason worth retrying (network, 5xx). */
    fileAttempts: integer('file_attempts').notNull().default(0),
    /** When a member removed the result message on purpose: nothing is delivered for it again. */
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
    /** What was asked (prompt, shots, options, images without their query strings), hashed: a double press is found by it. */
    requestKey: text('request_key'),
    /** Who cancelled it while it waited (its member or a moderator); its error code is then CANCELLED. */
    cancelledBy: text('cancelled_by'),
    /** When its prompts and links were blanked, and why: removed by its member or a moderator, or past PROMPT_RETENTION_DAYS. */
    erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
    erasedBecause: text('erased_because', { enum: ['removed', 'expired'] }),
    /** The generation this one extends (Extend: its first frame is that one's last); Join puts the two together. */
    extendsGenerationId: integer('extends_generation_id'),
  },
  (t) => [
    index('generations_member_idx').on(t.guildId, t.userId, t.id),
    index('generations_state_idx').on(t.state, t.nextPollAt),
    index('generations_delivery_idx').on(t.deliveredRevision, t.revision),
    // The member rules: a member's active requests, their double presses, and what ended lately.
    index('generations_member_state_idx').on(t.guildId, t.userId, t.state),
    index('generations_finished_idx').on(t.finishedAt),
    // Removed results not yet blanked (still being made): looked for every tick, so kept small.
    index('generations_removed_unerased_idx').on(t.removedAt).where(sql`${t.removedAt} is not null and ${t.erasedAt} is null`),
  ],
);

/** One 8-second shot of a generation; its id is ours and unique across the bot. */
export const shots = sqliteTable(
  'shots',
  {
    id: text('id').primaryKey(),
    generationId: integer('generation_id')
      .notNull()
      .references(() => generations.id),
    position: integer('position').notNull(),
    prompt: text('prompt').notNull(),
    taskId: text('task_id'),
    state: text('state', { enum: ['pending', 'processing', 'completed', 'failed'] }).notNull(),
    videoUrl: text('video_url'),
    error: text('error').$type<ShotFailure>(),
    generationSeconds: integer('generation_seconds'),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('shots_generation_idx').on(t.generationId, t.position)],
);
