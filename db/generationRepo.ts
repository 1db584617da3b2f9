import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Generation, GenerationState, Origin, Shot, WaitReason } from '../src/domain/generation.js';
import type { VideoRequest } from '../src/domain/videoRequest.js';
import type { Db } from './client.js';
import { creditLedger, generations, shots } from './schema/index.js';

type GenerationRow = typeof generations.$inferSelect;
type ShotRow = typeof shots.$inferSelect;
type GenerationPatch = Partial<Omit<GenerationRow, 'id' | 'revision'>>;

export type GenerationRepo = ReturnType<typeof createGenerationRepo>;

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
    return rows.map((row) =>
      toGeneration(row, shotRows.filter((shot) => shot.generationId === row.id), refunds.get(row.id) ?? 0),
    );
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

    /**
     * Applies a change; `visible` bumps the revision so the notifier tells Discord, at once,
     * whatever back-off the delivery of an older revision was in.
     */
    update(id: number, patch: GenerationPatch, visible: boolean): void {
      const fresh = visible ? { revision: sql`${generations.revision} + 1`, nextDeliveryAt: null, deliveryAttempts: 0 } : {};
      db.update(generations)
        .set({ ...fresh, ...patch })
        .where(eq(generations.id, id))
        .run();
    },

    updateShot(id: string, patch: Partial<Omit<ShotRow, 'id' | 'generationId'>>): void {
      db.update(shots).set(patch).where(eq(shots.id, id)).run();
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

    /** Running generations whose next poll is due, oldest due first. */
    duePolls(now: Date, limit: number): Generation[] {
      return withShots(
        db
          .select()
          .from(generations)
          .where(and(eq(generations.state, 'running'), lte(generations.nextPollAt, now)))
          .orderBy(asc(generations.nextPollAt))
          .limit(limit)
          .all(),
      );
    },

    /** Queued generations in the order they were asked for. */
    queued(limit: number): Generation[] {
      return withShots(db.select().from(generations).where(eq(generations.state, 'queued')).orderBy(asc(generations.id)).limit(limit).all());
    },

    /** Queued generations with images asked for before `cutoff`, wherever they stand in the queue. */
    queuedWithImagesBefore(cutoff: Date): Generation[] {
      return withShots(
        db
          .select()
          .from(generations)
          .where(and(eq(generations.state, 'queued'), lte(generations.createdAt, cutoff), sql`${generations.imageUrls} <> '[]'`))
          .orderBy(asc(generations.id))
          .all(),
      );
    },

    /** Shows every queued generation why it waits (or that it no longer does); returns how many changed. */
    setQueuedWaitReason(reason: WaitReason | null): number {
      const differs = reason === null ? isNotNull(generations.waitReason) : or(isNull(generations.waitReason), ne(generations.waitReason, reason));
      return db
        .update(generations)
        .set({ waitReason: reason, revision: sql`${generations.revision} + 1`, nextDeliveryAt: null, deliveryAttempts: 0 })
        .where(and(eq(generations.state, 'queued'), differs))
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
