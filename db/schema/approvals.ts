import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { generations } from './generations.js';

const channelProblems = ['channel_gone', 'no_permission'] as const;
const approvalStates = ['waiting', 'approved', 'denied', 'expired', 'cancelled', 'unreachable'] as const;

/**
 * A server's moderation settings: the approval channel (and role) while approval is on, and the
 * moderators' log channel. A server without a row has neither.
 */
export const moderationSettings = sqliteTable('moderation_settings', {
  guildId: text('guild_id').primaryKey(),
  /** Set while approval is on: members' requests wait for a moderator there. */
  approvalChannelId: text('approval_channel_id'),
  approvalRoleId: text('approval_role_id'),
  /** Why the bot last failed to post in the approval channel; cleared when it next succeeds or is set again. */
  approvalProblem: text('approval_problem', { enum: channelProblems }),
  logChannelId: text('log_channel_id'),
  /** Requests made from then on are logged, so turning the log on does not post the whole history. */
  logSince: integer('log_since', { mode: 'timestamp_ms' }),
  logProblem: text('log_problem', { enum: channelProblems }),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** A member's request held for a moderator, with its message in the approval channel. */
export const approvals = sqliteTable(
  'approvals',
  {
    generationId: integer('generation_id')
      .primaryKey()
      .references(() => generations.id),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    state: text('state', { enum: approvalStates }).notNull(),
    /** The approval message, once Discord took it. */
    messageId: text('message_id'),
    deciderId: text('decider_id'),
    reason: text('reason'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    /** Bumped on every change the approval message should show; the tick edits it until it catches up. */
    revision: integer('revision').notNull().default(1),
    shownRevision: integer('shown_revision').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('approvals_state_idx').on(t.state, t.expiresAt), index('approvals_shown_idx').on(t.shownRevision, t.revision)],
);

/** A final request's post in the moderators' log; `messageId` null when the channel could not be posted in. */
export const logPosts = sqliteTable(
  'log_posts',
  {
    generationId: integer('generation_id')
      .primaryKey()
      .references(() => generations.id),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id'),
    postedAt: integer('posted_at', { mode: 'timestamp_ms' }).notNull(),
    revision: integer('revision').notNull().default(1),
    shownRevision: integer('shown_revision').notNull().default(1),
  },
  (t) => [index('log_posts_shown_idx').on(t.shownRevision, t.revision)],
);
