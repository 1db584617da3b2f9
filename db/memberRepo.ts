import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { GenerationState } from '../src/domain/generation.js';
import type { EndedRequest } from '../src/domain/members/requestOutcomes.js';
import type { Db } from './client.js';
import { generations, guildMemberLimits, memberCooldownClears } from './schema/index.js';

/** A request not sent yet that waits: in the queue, or for a moderator's approval. */
const waitingStates: GenerationState[] = ['queued', 'awaiting_approval'];

export type MemberRepo = ReturnType<typeof createMemberRepo>;

/** What the member rules read and write: active requests, double presses, what ended lately, and the admins' settings. */
export function createMemberRepo(db: Db) {
  return {
    /** How many of the member's requests in the server are in one of `states`. */
    countInStates(guildId: string, userId: string, states: readonly GenerationState[]): number {
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(generations)
          .where(and(eq(generations.guildId, guildId), eq(generations.userId, userId), inArray(generations.state, [...states])))
          .get()?.n ?? 0
      );
    },

    /** The member's first request with this key made at or after `since` that is still in one of `states`. */
    sameRequestSince(guildId: string, userId: string, requestKey: string, since: Date, states: readonly GenerationState[]) {
      return db
        .select({ id: generations.id, channelId: generations.channelId, replyMessageId: generations.replyMessageId })
        .from(generations)
        .where(
          and(
            eq(generations.guildId, guildId),
            eq(generations.userId, userId),
            eq(generations.requestKey, requestKey),
            gte(generations.createdAt, since),
            inArray(generations.state, [...states]),
          ),
        )
        .orderBy(asc(generations.id))
        .limit(1)
        .get();
    },

    setRequestKey(id: number, requestKey: string): void {
      db.update(generations).set({ requestKey }).where(eq(generations.id, id)).run();
    },

    /** Requests that ended in `[from, to]`, in every server or only one member's in one server, oldest first. */
    endedBetween(from: Date, to: Date, member?: { guildId: string; userId: string }): EndedRequest[] {
      return db
        .select({
          id: generations.id,
          guildId: generations.guildId,
          userId: generations.userId,
          state: generations.state,
          errorCode: generations.errorCode,
          submittedAt: generations.submittedAt,
          finishedAt: generations.finishedAt,
        })
        .from(generations)
        .where(
          and(
            gte(generations.finishedAt, from),
            lte(generations.finishedAt, to),
            member ? eq(generations.guildId, member.guildId) : undefined,
            member ? eq(generations.userId, member.userId) : undefined,
          ),
        )
        .orderBy(asc(generations.finishedAt))
        .all()
        .map((row) => ({ ...row, finishedAt: row.finishedAt! }));
    },

    /**
     * Cancels a waiting request: only while it is still queued, in one statement, so a request
     * the submitter already took can never be cancelled. Returns whether it was.
     */
    cancelQueued(id: number, cancelledBy: string, at: Date): boolean {
      return (
        db
          .update(generations)
          .set({
            state: 'failed',
            errorCode: 'CANCELLED',
            cancelledBy,
            finishedAt: at,
            queuePosition: null,
            expectedAt: null,
            waitReason: null,
            revision: sql`${generations.revision} + 1`,
            nextDeliveryAt: null,
            deliveryAttempts: 0,
          })
          .where(and(eq(generations.id, id), eq(generations.state, 'queued')))
          .run().changes === 1
      );
    },

    /** The ids of the member's waiting requests in the server (in the queue or for a moderator), oldest first. */
    waitingIds(guildId: string, userId: string): number[] {
      return db
        .select({ id: generations.id })
        .from(generations)
        .where(and(eq(generations.guildId, guildId), eq(generations.userId, userId), inArray(generations.state, waitingStates)))
        .orderBy(asc(generations.id))
        .all()
        .map((row) => row.id);
    },

    /** How many requests wait in the server, in the queue or for a moderator. */
    waitingInGuild(guildId: string): number {
      return db.select({ n: sql<number>`count(*)` }).from(generations).where(and(eq(generations.guildId, guildId), inArray(generations.state, waitingStates))).get()?.n ?? 0;
    },

    activeLimit(guildId: string): number | undefined {
      return db.select({ limit: guildMemberLimits.activeLimit }).from(guildMemberLimits).where(eq(guildMemberLimits.guildId, guildId)).get()?.limit;
    },

    setActiveLimit(guildId: string, activeLimit: number, updatedBy: string, updatedAt: Date): void {
      db.insert(guildMemberLimits)
        .values({ guildId, activeLimit, updatedBy, updatedAt })
        .onConflictDoUpdate({ target: guildMemberLimits.guildId, set: { activeLimit, updatedBy, updatedAt } })
        .run();
    },

    /** When each member's cooldown in the server was last lifted. */
    cooldownClears(guildId: string): Map<string, Date> {
      const rows = db.select({ userId: memberCooldownClears.userId, at: memberCooldownClears.clearedAt }).from(memberCooldownClears).where(eq(memberCooldownClears.guildId, guildId)).all();
      return new Map(rows.map((row) => [row.userId, row.at]));
    },

    clearCooldown(guildId: string, userId: string, clearedBy: string, clearedAt: Date): void {
      db.insert(memberCooldownClears)
        .values({ guildId, userId, clearedAt, clearedBy })
        .onConflictDoUpdate({ target: [memberCooldownClears.guildId, memberCooldownClears.userId], set: { clearedAt, clearedBy } })
        .run();
    },
  };
}
