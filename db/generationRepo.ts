import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, max, ne, notInArray, or, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { finishedStates, type ErasureReason, type FailureCode, type FileFallback, type FinishedState, type Generation, type GenerationState, type Origin, type Shot, type ShotFailure, type WaitReason } from '../src/domain/generation.js';
import type { WaitingRequest } from '../src/domain/turns/waitingRequest.js';
import type { Payer } from '../src/domain/quota/types.js';
import type { VideoRequest } from '../src/domain/videoRequest.js';
import type { Db } from './client.js';
import { approvals, creditLedger, generationMessages, generations, shots } from './schema/index.js';

type GenerationRow = typeof generations.$inferSelect;
type ShotRow = typeof shots.$inferSelect;
type GenerationPatch = SQLiteUpdateSetSource<typeof generations>;

/** A new revision, delivered at once whatever back-off an older one was in. */
const shownAgain = () => ({ revision: sql`${generations.revision} + 1`, nextDeliveryAt: null, deliveryAttempts: 0 });

export type GenerationRepo = ReturnType<typeof createGenerationRepo>;

/** Whose queued requests a wait reason is for: the operator's lane, or one server's own key's. */
export type WaitLane = 'operator' | { guildId: string };

export function createGenerationRepo(db: Db) {
  const withShots = (rows: GenerationRow[]): Generation[] => {
    if (rows.length === 0) return [];
    const shotRows = db
      .select()
      .from(shots)
      .where(inArray(shots.generationId, rows.map((row) => row.id)))
      .orderBy(asc(shots.generationId), asc(shots.position))
      .all();
    // What the member got back is the ledger's to say, not a count of failed shots.
    const refunds = new Map(
      db
        .select({ generationId: creditLedger.generationId, given: sql<number>`-sum(${creditLedger.credits})` })
        .from(creditLedger)
        .where(and(inArray(creditLedger.generationId, rows.map((row) => row.id)), eq(creditLedger.kind, 'refund')))
        .groupBy(creditLedger.generationId)
        .all()
        .map((refund) => [refund.generationId, refund.given]),
    );
    const notes = new Map(
      db
        .select({ generationId: approvals.generationId, state: approvals.state, deciderId: approvals.deciderId, reason: approvals.reason, expiresAt: approvals.expiresAt, decidedAt: approvals.decidedAt })
        .from(approvals)
        .where(inArray(approvals.generationId, rows.map((row) => row.id)))
        .all()
        .map(({ generationId, ...note }) => [generationId, note]),
    );
    return rows.map((row) => ({
      ...toGeneration(row, shotRows.filter((shot) => shot.generationId === row.id), refunds.get(row.id) ?? 0),
      approval: notes.get(row.id) ?? null,
    }));
  };

  const write = (id: number, patch: GenerationPatch) => db.update(generations).set(patch).where(eq(generations.id, id)).run();
  /** A change the member does not see. */
  const quietly = (id: number, patch: GenerationPatch): void => void write(id, patch);
  /** A change the member sees: the outbox tells Discord (see shownAgain). */
  // Who pays a generation's reservation; qualified by hand: inside the subquery an unqualified "id" would be the ledger row's own.
  const reservationPayer = sql`(select reserve.payer from credit_ledger reserve where reserve.generation_id = "generations"."id" and reserve.kind = 'reserve')`;
  const visibly = (id: number, patch: GenerationPatch): void => void write(id, { ...shownAgain(), ...patch });
  const updateShot = (id: string, patch: Partial<Omit<ShotRow, 'id' | 'generationId'>>): void => void db.update(shots).set(patch).where(eq(shots.id, id)).run();

  /** A message the bot showed the generation in, in the generation's channel; recording it twice is harmless. */
  const recordMessage = (id: number, messageId: string, at: Date): void => {
    const row = db.select({ channelId: generations.channelId }).from(generations).where(eq(generations.id, id)).get();
    if (!row) return;
    db.insert(generationMessages).values({ messageId, generationId: id, channelId: row.channelId, createdAt: at }).onConflictDoNothing().run();
  };

  const get = (id: number): Generation | undefined =>
    withShots(db.select().from(generations).where(eq(generations.id, id)).all())[0];

  return {
    get,

    /** Stores a new generation and its shots; shot ids are derived from the row id, so unique. */
    insert(origin: Origin, request: VideoRequest, state: GenerationState, now: Date): Generation {
      const row = db
        .insert(generations)
        .values({
          ...origin,
          prompt: request.prompt,
          mode: request.mode,
          aspectRatio: request.aspectRatio,
          resolution: request.resolution,
          imageUrls: request.imageUrls,
          credits: request.credits,
          extendsGenerationId: request.extendsGenerationId ?? null,
          state,
          createdAt: now,
        })
        .returning()
        .get();
      db.insert(shots)
        .values(
          request.shotPrompts.map((prompt, position) => ({
            id: `veo-${row.id}-${position + 1}`,
            generationId: row.id,
            position,
            prompt,
            state: 'pending' as const,
          })),
        )
        .run();
      return get(row.id)!;
    },

    /** A moderator approved it: it joins the queue, and its member sees that. */
    leaveApproval(id: number): void {
      visibly(id, { state: 'queued' });
    },

    /** A change the member sees that lives beside the generation (its approval): shown again. */
    showAgain(id: number): void {
      visibly(id, {});
    },

    /** The call to the API is in flight on the key with this fingerprint: a restart finds it here and never re-sends it. */
    markSubmitting(id: number, keyFingerprint: string): void {
      quietly(id, { state: 'submitting', queuePosition: null, waitReason: null, keyFingerprint });
    },

    /** The vendor did not take the request (rate limit, empty account): it waits again, unseen, for its turn on any key. */
    returnToQueue(id: number): void {
      quietly(id, { state: 'queued', keyFingerprint: null });
    },

    /**
     * Generations sent before the key pool named their key were sent on the only key there was,
     * the first configured one: they take its fingerprint. Returns how many.
     */
    claimUnnamed(keyFingerprint: string): number {
      return db
        .update(generations)
        .set({ keyFingerprint })
        .where(and(isNull(generations.keyFingerprint), or(inArray(generations.state, ['submitting', 'running']), isNotNull(generations.submittedAt))))
        .run().changes;
    },

    /** Running generations submitted on none of these keys: nothing can poll them any more. */
    runningWithoutKey(keyFingerprints: readonly string[]): Generation[] {
      return withShots(
        db
          .select()
          .from(generations)
          .where(and(eq(generations.state, 'running'), or(isNull(generations.keyFingerprint), notInArray(generations.keyFingerprint, [...keyFingerprints]))))
          .orderBy(asc(generations.id))
          .all(),
      );
    },

    /** Running generations submitted on this key. */
    runningOn(keyFingerprint: string): Generation[] {
      return withShots(
        db.select().from(generations).where(and(eq(generations.state, 'running'), eq(generations.keyFingerprint, keyFingerprint))).orderBy(asc(generations.id)).all(),
      );
    },

    /** How many generations run on each key, for the pool's choice. */
    runningByKey(): Map<string, number> {
      const rows = db
        .select({ key: generations.keyFingerprint, n: sql<number>`count(*)` })
        .from(generations)
        .where(and(eq(generations.state, 'running'), isNotNull(generations.keyFingerprint)))
        .groupBy(generations.keyFingerprint)
        .all();
      return new Map(rows.map((row) => [row.key!, row.n]));
    },

    /** Shows a queued generation its place and when it should start. */
    placeInQueue(id: number, position: number, expectedAt: Date): void {
      visibly(id, { queuePosition: position, expectedAt });
    },

    /** Remembers the reply message so later edits can go through the channel; its buttons are the generation's. */
    attachReply(id: number, messageId: string): void {
      quietly(id, { replyMessageId: messageId });
      const row = db.select({ createdAt: generations.createdAt }).from(generations).where(eq(generations.id, id)).get();
      if (row) recordMessage(id, messageId, row.createdAt);
    },

    recordMessage,

    /** Whether any message of this generation is on record: results shown before they were kept have none. */
    hasMessages(id: number): boolean {
      return db.select({ messageId: generationMessages.messageId }).from(generationMessages).where(eq(generationMessages.generationId, id)).limit(1).get() !== undefined;
    },

    /** Whether the bot showed this generation in that message. */
    isMessageOf(id: number, messageId: string): boolean {
      const row = db
        .select({ generationId: generationMessages.generationId })
        .from(generationMessages)
        .where(eq(generationMessages.messageId, messageId))
        .get();
      return row?.generationId === id;
    },

    /** The vendor accepted at least one shot: the generation runs and is polled from `nextPollAt`. */
    markRunning(id: number, accepted: { creditsUsed: number; submittedAt: Date; expectedAt: Date; nextPollAt: Date }): void {
      visibly(id, { state: 'running', ...accepted });
    },

    /** The vendor charged for the request yet accepted none of its shots. */
    markNoShotAccepted(id: number, creditsUsed: number, at: Date): void {
      visibly(id, { state: 'failed', creditsUsed, submittedAt: at, expectedAt: null, nextPollAt: null, finishedAt: at, errorCode: 'GENERATION_FAILED' });
    },

    /** Ends a generation the vendor never took on. */
    /** `cancelledBy`: who took it back (CANCELLED), written with the failure so its reply names them. */
    fail(id: number, code: FailureCode, at: Date, cancelledBy: string | null = null): void {
      visibly(id, { state: 'failed', errorCode: code, finishedAt: at, ...(cancelledBy === null ? {} : { cancelledBy }) });
    },

    /** Ends a running generation; `videoUrl` left out keeps whatever link it has. */
    finish(id: number, end: { state: FinishedState; at: Date; errorCode: FailureCode | null; videoUrl?: string | null }): void {
      const { state, at, errorCode, videoUrl } = end;
      visibly(id, { state, finishedAt: at, nextPollAt: null, errorCode, ...(videoUrl === undefined ? {} : { videoUrl }) });
    },

    /** A poll learned nothing the member would see: only the next one is scheduled. */
    schedulePoll(id: number, at: Date): void {
      quietly(id, { nextPollAt: at, pollCount: sql`${generations.pollCount} + 1` });
    },

    /** A poll changed some shot: the member is shown it, and the next poll is scheduled. */
    recordProgress(id: number, nextPollAt: Date): void {
      visibly(id, { nextPollAt, pollCount: sql`${generations.pollCount} + 1` });
    },

    /** Discord shows `revision` (or it was skipped on purpose); `messageId` is the reply it is shown in, when it changed. */
    markDelivered(id: number, revision: number, messageId?: string | null): void {
      quietly(id, { deliveredRevision: revision, deliveryAttempts: 0, nextDeliveryAt: null, ...(messageId ? { replyMessageId: messageId } : {}) });
    },

    retryDeliveryLater(id: number, attempts: number, at: Date): void {
      quietly(id, { deliveryAttempts: attempts, nextDeliveryAt: at });
    },

    /** The video is shown as a link from now on, for `reason`. */
    fallBackToLink(id: number, reason: FileFallback): void {
      quietly(id, { fileFallback: reason, fileAttempts: 0 });
    },

    retryFileLater(id: number, attempts: number, at: Date): void {
      quietly(id, { fileAttempts: attempts, nextDeliveryAt: at });
    },

    /** The result is removed: whatever revision it had (`shownRevision`) counts as shown, for good. */
    remove(id: number, shownRevision: number, at: Date): void {
      quietly(id, { removedAt: at, deliveredRevision: shownRevision, nextDeliveryAt: null, deliveryAttempts: 0 });
    },

    /**
     * Blanks what members wrote and linked (prompts, image and video links) of finished generations;
     * their amounts, kinds and the ledger stay. Returns the ids erased.
     */
    erase(ids: readonly number[], because: ErasureReason, at: Date): number[] {
      if (ids.length === 0) return [];
      const erased = db
        .update(generations)
        .set({ prompt: '', imageUrls: [], videoUrl: null, requestKey: null, erasedAt: at, erasedBecause: because })
        .where(and(inArray(generations.id, [...ids]), isNull(generations.erasedAt), inArray(generations.state, [...finishedStates])))
        .returning({ id: generations.id })
        .all()
        .map((row) => row.id);
      if (erased.length > 0) db.update(shots).set({ prompt: '', videoUrl: null }).where(inArray(shots.generationId, erased)).run();
      return erased;
    },

    /**
     * Removed results that finished and still hold their prompts. The removed ones not yet blanked
     * are few (those still being made) and found through their own partial index, every tick.
     */
    removedToErase(): number[] {
      return db
        .select({ id: generations.id, state: generations.state })
        .from(generations)
        .where(and(isNotNull(generations.removedAt), isNull(generations.erasedAt)))
        .all()
        .filter((row) => (finishedStates as readonly GenerationState[]).includes(row.state))
        .map((row) => row.id);
    },

    /** Finished generations asked for before `cutoff` that still hold their prompts. */
    olderToErase(cutoff: Date, limit: number): number[] {
      return db
        .select({ id: generations.id })
        .from(generations)
        .where(and(isNull(generations.erasedAt), lt(generations.createdAt, cutoff), inArray(generations.state, [...finishedStates])))
        .orderBy(asc(generations.id))
        .limit(limit)
        .all()
        .map((row) => row.id);
    },

    /** The vendor took the shot on as task `taskId`. */
    startShot(id: string, taskId: string): void {
      updateShot(id, { taskId, state: 'processing' });
    },

    completeShot(id: string, done: { videoUrl: string | null; generationSeconds: number | null; at: Date }): void {
      updateShot(id, { state: 'completed', videoUrl: done.videoUrl, generationSeconds: done.generationSeconds, finishedAt: done.at });
    },

    /** A completed shot's link, known only after it completed. */
    linkShot(id: string, videoUrl: string): void {
      updateShot(id, { videoUrl });
    },

    failShot(id: string, reason: ShotFailure, at: Date): void {
      updateShot(id, { state: 'failed', error: reason, finishedAt: at });
    },

    /** When each of these servers last asked for a video. */
    lastActivity(guildIds: readonly string[]): Map<string, Date> {
      if (guildIds.length === 0) return new Map();
      const rows = db
        .select({ guildId: generations.guildId, at: max(generations.createdAt) })
        .from(generations)
        .where(inArray(generations.guildId, [...guildIds]))
        .groupBy(generations.guildId)
        .all();
      return new Map(rows.flatMap((row) => (row.at ? [[row.guildId, row.at]] : [])));
    },

    listForMember(guildId: string, userId: string, limit: number): Generation[] {
      return withShots(
        db
          .select()
          .from(generations)
          .where(and(eq(generations.guildId, guildId), eq(generations.userId, userId)))
          .orderBy(desc(generations.id))
          .limit(limit)
          .all(),
      );
    },

    /** Running generations on the key with this fingerprint whose next poll is due, oldest due first. */
    duePolls(now: Date, limit: number, keyFingerprint: string): Generation[] {
      return withShots(
        db
          .select()
          .from(generations)
          .where(and(eq(generations.state, 'running'), eq(generations.keyFingerprint, keyFingerprint), lte(generations.nextPollAt, now)))
          .orderBy(asc(generations.nextPollAt))
          .limit(limit)
          .all(),
      );
    },

    /**
     * Every queued request, oldest first, as the queue weighs it: a few columns of each, in one
     * indexed query, however long the queue.
     */
    waiting(): WaitingRequest[] {
      return db
        .select({
          id: generations.id,
          guildId: generations.guildId,
          userId: generations.userId,
          credits: generations.credits,
          createdAt: generations.createdAt,
          hasImages: sql<number>`${generations.imageUrls} <> '[]'`,
          queuePosition: generations.queuePosition,
          payer: sql<Payer | null>`${reservationPayer}`,
        })
        .from(generations)
        .where(eq(generations.state, 'queued'))
        .orderBy(asc(generations.id))
        .all()
        .map(({ payer, ...row }) => ({ ...row, hasImages: row.hasImages === 1, ...(payer ? { payer } : {}) }));
    },

    /**
     * Shows the queued generations of one lane why they wait (or that they no longer do): the
     * operator's (reserved on the operator's books) or one server's own key's; returns how many changed.
     */
    setQueuedWaitReason(reason: WaitReason | null, lane: WaitLane): number {
      const differs = reason === null ? isNotNull(generations.waitReason) : or(isNull(generations.waitReason), ne(generations.waitReason, reason));
      // A request reserved on no server's key waits in the operator's lane.
      const payer = sql`coalesce(${reservationPayer}, 'operator')`;
      const inLane = lane === 'operator' ? sql`${payer} <> 'server'` : and(eq(generations.guildId, lane.guildId), sql`${payer} = 'server'`);
      return db
        .update(generations)
        .set({ waitReason: reason, ...shownAgain() })
        .where(and(eq(generations.state, 'queued'), differs, inLane))
        .run().changes;
    },

    queueLength(): number {
      return db.select({ n: sql<number>`count(*)` }).from(generations).where(eq(generations.state, 'queued')).get()?.n ?? 0;
    },

    nextPollAt(): Date | undefined {
      const row = db
        .select({ at: sql<number | null>`min(${generations.nextPollAt})` })
        .from(generations)
        .where(eq(generations.state, 'running'))
        .get();
      return row?.at == null ? undefined : new Date(row.at);
    },

    inState(state: GenerationState): Generation[] {
      return withShots(db.select().from(generations).where(eq(generations.state, state)).orderBy(asc(generations.id)).all());
    },

    /** Generations whose latest change has not reached Discord yet and whose retry is due, but for those in `skip`; never a removed result. */
    pendingDeliveries(now: Date, limit: number, skip: readonly number[] = []): Generation[] {
      return withShots(
        db
          .select()
          .from(generations)
          .where(
            and(
              lt(generations.deliveredRevision, generations.revision),
              or(isNull(generations.nextDeliveryAt), lte(generations.nextDeliveryAt, now)),
              skip.length > 0 ? notInArray(generations.id, [...skip]) : undefined,
              isNull(generations.removedAt),
            ),
          )
          .orderBy(asc(generations.id))
          .limit(limit)
          .all(),
      );
    },
  };
}

function toGeneration(row: GenerationRow, shotRows: ShotRow[], creditsRefunded: number): Generation {
  const { nextDeliveryAt: _nextDeliveryAt, ...fields } = row;
  return { ...fields, creditsRefunded, shots: shotRows.map(toShot) };
}

function toShot(row: ShotRow): Shot {
  const { generationId: _generationId, ...fields } = row;
  return fields;
}
