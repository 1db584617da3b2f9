import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { apiKeyState, apiRequests } from './schema/index.js';

export type ApiEndpoint = (typeof apiRequests.$inferInsert)['endpoint'];

export type ApiBudgetRepo = ReturnType<typeof createApiBudgetRepo>;
/** One key's requests and 429 pause: what its request budget counts. */
export type KeyBudgetRepo = ReturnType<ApiBudgetRepo['forKey']>;

export function createApiBudgetRepo(db: Db) {
  return {
    /** The rows of the key with this fingerprint only: one key's requests never count against another's limit. */
    forKey(keyFingerprint: string) {
      const recentOf = (since: Date, endpoint?: ApiEndpoint) =>
        and(eq(apiRequests.keyFingerprint, keyFingerprint), gt(apiRequests.sentAt, since), endpoint ? eq(apiRequests.endpoint, endpoint) : undefined);
      return {
        record(endpoint: ApiEndpoint, sentAt: Date): void {
          db.insert(apiRequests).values({ endpoint, sentAt, keyFingerprint }).run();
        },
        /** Send times after `since`, oldest first. */
        sentSince(since: Date, endpoint?: ApiEndpoint): Date[] {
          return db.select({ at: apiRequests.sentAt }).from(apiRequests).where(recentOf(since, endpoint)).orderBy(asc(apiRequests.sentAt)).all().map((r) => r.at);
        },
        countSince(since: Date, endpoint?: ApiEndpoint): number {
          return db.select({ n: sql<number>`count(*)` }).from(apiRequests).where(recentOf(since, endpoint)).get()?.n ?? 0;
        },
        /** Every key's rows up to `at`: the window is the same for all keys. */
        forgetUpTo(at: Date): void {
          db.delete(apiRequests).where(lte(apiRequests.sentAt, at)).run();
        },
        pausedUntil(): Date | undefined {
          return db.select({ until: apiKeyState.rateLimitedUntil }).from(apiKeyState).where(eq(apiKeyState.keyFingerprint, keyFingerprint)).get()?.until ?? undefined;
        },
        pauseUntil(until: Date): void {
          db.insert(apiKeyState)
            .values({ keyFingerprint, rateLimitedUntil: until })
            .onConflictDoUpdate({ target: apiKeyState.keyFingerprint, set: { rateLimitedUntil: until } })
            .run();
        },
      };
    },

    /** Requests counted before the key pool named their key are the first configured key's; returns how many. */
    claimUnnamed(keyFingerprint: string): number {
      return db.update(apiRequests).set({ keyFingerprint }).where(isNull(apiRequests.keyFingerprint)).run().changes;
    },
  };
}
