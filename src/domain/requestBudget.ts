import { inTransaction, type Db } from '../../db/client.js';
import { createApiBudgetRepo, type ApiEndpoint } from '../../db/apiBudgetRepo.js';
import type { Clock } from '../clock.js';

export interface RequestBudgetDeps {
  db: Db;
  clock: Clock;
  /** Requests the key may make per window (the vendor's: 100 an hour). */
  limit: number;
  windowMs: number;
  /** Slots per window that only polls may use, so a long queue can never starve deliveries. */
  pollReserve: number;
  /**
   * At most this many requests in any `burst / limit` of the window: spends the budget at an even
   * pace instead of all at once followed by a long silence.
   */
  burst: number;
}

export type RequestBudget = ReturnType<typeof createRequestBudget>;

/**
 * The API key's rolling request window, shared by submissions and polls and kept in SQLite so a
 * restart does not forget what was already spent.
 */
export function createRequestBudget({ db, clock, limit, windowMs, pollReserve, burst }: RequestBudgetDeps) {
  const repo = createApiBudgetRepo(db);
  const windowStart = (now: Date) => new Date(now.getTime() - windowMs);
  const burstStart = (now: Date) => new Date(now.getTime() - (burst * windowMs) / limit);
  const pausedAt = (now: Date) => {
    const until = repo.pausedUntil();
    return until && until > now ? until : undefined;
  };

  function available(now = clock.now()): number {
    if (pausedAt(now)) return 0;
    return Math.max(0, limit - repo.countSince(windowStart(now)));
  }

  /** When `slots` requests fit under `cap`, given the send times still in the window (oldest first). */
  function freeFrom(sent: Date[], cap: number, slots: number): number {
    const missing = slots - (cap - sent.length);
    if (missing <= 0) return 0;
    const freeing = sent[missing - 1];
    // Past one window's worth the estimate is rough: slots come back at the window's pace.
    return freeing ? freeing.getTime() + windowMs : clock.now().getTime() + Math.ceil(missing / Math.max(1, cap)) * windowMs;
  }

  // Until a poll is on record, starvation is counted from when this budget was first used.
  const startedAt = clock.now();

  return {
    limit,
    windowMs,
    pollReserve,
    firstSeen: () => repo.sentSince(windowStart(clock.now()))[0] ?? startedAt,
    available: () => available(),

    /**
     * Takes one request slot if more than `keep` are free (polls keep some for submissions).
     * The slot is recorded before the request is sent: a crash may waste one, never overspend.
     */
    tryTake(endpoint: ApiEndpoint, keep = 0): boolean {
      return inTransaction(db, () => {
        const now = clock.now();
        repo.forgetUpTo(windowStart(now));
        if (available(now) <= keep) return false;
        if (repo.countSince(burstStart(now)) >= burst) return false;
        if (endpoint === 'generate' && repo.countSince(windowStart(now), 'generate') >= limit - pollReserve) return false;
        repo.record(endpoint, now);
        return true;
      });
    },

    /** When `slots` more requests of this kind can have been made, counting pauses and the window. */
    slotsFreeAt(slots: number, { endpoint = 'check-status', keep = 0 }: { endpoint?: ApiEndpoint; keep?: number } = {}): Date {
      const now = clock.now();
      const start = pausedAt(now) ?? now;
      const since = windowStart(start);
      const all = freeFrom(repo.sentSince(since), limit - keep, slots);
      if (endpoint !== 'generate') return new Date(Math.max(start.getTime(), all));
      const generates = freeFrom(repo.sentSince(since, 'generate'), limit - pollReserve, slots);
      return new Date(Math.max(start.getTime(), all, generates));
    },

    /**
     * The vendor said 429: send nothing for `Retry-After`, or, without one, until our oldest
     * counted request leaves the window (at least `minPauseMs`). Never shortens a pause in force.
     */
    rateLimited(retryAfterMs: number | undefined, minPauseMs: number): Date {
      return inTransaction(db, () => {
        const now = clock.now();
        const oldest = repo.sentSince(windowStart(now))[0];
        const untilOldestLeaves = oldest ? oldest.getTime() + windowMs - now.getTime() : 0;
        const until = new Date(now.getTime() + (retryAfterMs ?? Math.max(minPauseMs, untilOldestLeaves)));
        const current = repo.pausedUntil();
        if (current && current >= until) return current;
        repo.pauseUntil(until);
        return until;
      });
    },

    pausedUntil: () => pausedAt(clock.now()),

    /** The last request of this kind still in the window. */
    lastSent: (endpoint: ApiEndpoint): Date | undefined => repo.sentSince(windowStart(clock.now()), endpoint).at(-1),
  };
}
