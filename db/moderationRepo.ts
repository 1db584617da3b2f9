import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { ApprovalState, FinishedState } from '../src/domain/generation.js';
import type { Db } from './client.js';
import { approvals, generations, logPosts, moderationSettings } from './schema/index.js';

export type ModerationSettingsRow = typeof moderationSettings.$inferSelect;
export type ApprovalRow = typeof approvals.$inferSelect;
export type LogPostRow = typeof logPosts.$inferSelect;
export type ChannelProblem = NonNullable<ModerationSettingsRow['approvalProblem']>;

export type ModerationRepo = ReturnType<typeof createModerationRepo>;

/** The servers' moderation settings, the requests held for approval, and the log's posts. */
export function createModerationRepo(db: Db) {
  const settings = (guildId: string): ModerationSettingsRow | undefined =>
    db.select().from(moderationSettings).where(eq(moderationSettings.guildId, guildId)).get();

  /** Changes a server's settings, creating its row on first use. */
  function saveSettings(guildId: string, patch: Partial<Omit<ModerationSettingsRow, 'guildId'>> & { updatedBy: string; updatedAt: Date }): void {
    db.insert(moderationSettings)
      .values({ guildId, ...patch })
      .onConflictDoUpdate({ target: moderationSettings.guildId, set: patch })
      .run();
  }

  const approval = (generationId: number): ApprovalRow | undefined => db.select().from(approvals).where(eq(approvals.generationId, generationId)).get();

  return {
    settings,
    saveSettings,
    setProblem(guildId: string, which: 'approval' | 'log', problem: ChannelProblem | null): void {
      const column = which === 'approval' ? { approvalProblem: problem } : { logProblem: problem };
      db.update(moderationSettings).set(column).where(eq(moderationSettings.guildId, guildId)).run();
    },

    approval,
    insertApproval(row: Pick<ApprovalRow, 'generationId' | 'guildId' | 'channelId' | 'createdAt' | 'expiresAt'>): void {
      db.insert(approvals).values({ ...row, state: 'waiting' }).run();
    },
    /** Ends a waiting approval; false when it was no longer waiting (someone else decided first). */
    decide(generationId: number, end: { state: Exclude<ApprovalState, 'waiting'>; deciderId: string | null; reason: string | null; at: Date }): boolean {
      return (
        db
          .update(approvals)
          .set({ state: end.state, deciderId: end.deciderId, reason: end.reason, decidedAt: end.at, revision: sql`${approvals.revision} + 1`, nextAttemptAt: null })
          .where(and(eq(approvals.generationId, generationId), eq(approvals.state, 'waiting')))
          .run().changes === 1
      );
    },
    /** The approval message should show something new (its result was removed). */
    bumpApproval(generationId: number): void {
      db.update(approvals).set({ revision: sql`${approvals.revision} + 1`, nextAttemptAt: null }).where(eq(approvals.generationId, generationId)).run();
    },
    markApprovalShown(generationId: number, revision: number, messageId: string | null): void {
      db.update(approvals)
        .set({ shownRevision: revision, nextAttemptAt: null, ...(messageId ? { messageId } : {}) })
        .where(eq(approvals.generationId, generationId))
        .run();
    },
    retryApprovalLater(generationId: number, at: Date): void {
      db.update(approvals).set({ nextAttemptAt: at }).where(eq(approvals.generationId, generationId)).run();
    },
    /** Waiting approvals past their time. */
    expired(now: Date): ApprovalRow[] {
      return db.select().from(approvals).where(and(eq(approvals.state, 'waiting'), lte(approvals.expiresAt, now))).orderBy(asc(approvals.generationId)).all();
    },
    /** Approval messages behind their revision, whose retry is due. */
    approvalsToShow(now: Date, limit: number): ApprovalRow[] {
      return db
        .select()
        .from(approvals)
        .where(and(lt(approvals.shownRevision, approvals.revision), or(isNull(approvals.nextAttemptAt), lte(approvals.nextAttemptAt, now))))
        .orderBy(asc(approvals.generationId))
        .limit(limit)
        .all();
    },

    logPost: (generationId: number): LogPostRow | undefined => db.select().from(logPosts).where(eq(logPosts.generationId, generationId)).get(),
    /**
     * Final requests of servers with a log channel, made since it was set, not posted yet: the
     * log channel and the generation id.
     */
    unlogged(finished: readonly FinishedState[], limit: number): { generationId: number; channelId: string }[] {
      return db
        .select({ generationId: generations.id, channelId: sql<string>`${moderationSettings.logChannelId}` })
        .from(generations)
        .innerJoin(moderationSettings, eq(moderationSettings.guildId, generations.guildId))
        .leftJoin(logPosts, eq(logPosts.generationId, generations.id))
        .where(
          and(
            isNotNull(moderationSettings.logChannelId),
            isNull(moderationSettings.logProblem),
            gte(generations.createdAt, sql`${moderationSettings.logSince}`),
            inArray(generations.state, [...finished]),
            isNull(logPosts.generationId),
          ),
        )
        .orderBy(asc(generations.id))
        .limit(limit)
        .all();
    },
    recordLogPost(row: Pick<LogPostRow, 'generationId' | 'channelId' | 'messageId' | 'postedAt'>): void {
      db.insert(logPosts).values(row).onConflictDoNothing().run();
    },
    bumpLogPost(generationId: number): void {
      db.update(logPosts).set({ revision: sql`${logPosts.revision} + 1` }).where(and(eq(logPosts.generationId, generationId), isNotNull(logPosts.messageId))).run();
    },
    markLogShown(generationId: number, revision: number): void {
      db.update(logPosts).set({ shownRevision: revision }).where(eq(logPosts.generationId, generationId)).run();
    },
    logPostsToShow(limit: number): LogPostRow[] {
      return db.select().from(logPosts).where(lt(logPosts.shownRevision, logPosts.revision)).orderBy(asc(logPosts.generationId)).limit(limit).all();
    },
  };
}
