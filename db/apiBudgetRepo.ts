import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { apiPause, apiRequests } from './schema/index.js';

export type ApiEndpoint = (typeof apiRequests.$inferInsert)['endpoint'];

const recentOf = (since: Date, endpoint?: ApiEndpoint) =>
  endpoint ? and(gt(apiRequests.sentAt, since), eq(apiRequests.endpoint, endpoint)) : gt(apiRequests.sentAt, since);

export type ApiBudgetRepo = ReturnType<typeof createApiBudgetRepo>;

export function createApiBudgetRepo(db: Db) {
  return {
    record(endpoint: ApiEndpoint, sentAt: Date): void {
      db.insert(apiRequests).values({ endpoint, sentAt }).run();
    },
    /** Send times after `since`, oldest first. */
    sentSince(since: Date, endpoint?: ApiEndpoint): Date[] {
      return db.select({ at: apiRequests.sentAt }).from(apiRequests).where(recentOf(since, endpoint)).orderBy(asc(apiRequests.sentAt)).all().map((r) => r.at);
    },
    countSince(since: Date, endpoint?: ApiEndpoint): number {
      return db.select({ n: sql<number>`count(*)` }).from(apiRequests).where(recentOf(since, endpoint)).get()?.n ?? 0;
    },
    forgetUpTo(at: Date): void {
      db.delete(apiRequests).where(lte(apiRequests.sentAt, at)).run();
    },
    pausedUntil(): Date | undefined {
      return db.select().from(apiPause).where(eq(apiPause.id, 1)).get()?.until;
    },
    pauseUntil(until: Date): void {
      db.insert(apiPause).values({ id: 1, until }).onConflictDoUpdate({ target: apiPause.id, set: { until } }).run();
    },
  };
}
