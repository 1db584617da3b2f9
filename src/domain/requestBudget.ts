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
  const burstMs = (burst * windowMs) / limit;
  const burstStart = (now: Date) => new Date(now.getTime() - burstMs);
  const pausedAt = (now: Date) => {
    const until = repo.pausedUntil();
    return until && until > now ? until : undefined;
  };

  function available(now = clock.now()): number {
    if (pausedAt(now)) return 0;
    return Math.max(0, limit - repo.countSince(windowStart(now)));
  }

  /**
   * Polls leave the same share of the pacing window free as of the whole window: otherwise a run
   * of polls fills the burst and a new prompt waits while most of the hour's slots are free. Only
   * the share: reserving the whole `keep` of a burst would hold polls to a slower pace than the key's.
   */
  const burstKeep = (keep: number) => Math.min(burst - 1, Math.ceil((keep * burst) / limit));

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
        if (repo.countSince(burstStart(now)) >= burst - burstKeep(keep)) return false;
        if (endpoint === 'generate' && repo.countSince(windowStart(now), 'generate') >= limit - pollReserve) return false;
        repo.record(endpoint, now);
        return true;
      });
    },

    /**
     * When `slots` more requests of this kind can have been made, sent as early as every limit
     * allows: the window, the generate share of it, the burst pace, and any pause in force.
     */
    slotsFreeAt(slots: number, { endpoint = 'check-status', keep = 0 }: { endpoint?: ApiEndpoint; keep?: number } = {}): Date {
      const now = clock.now();
      const start = pausedAt(now) ?? now;
      const limits: RollingLimit[] = [
        { sent: repo.sentSince(windowStart(start)), cap: limit - keep, windowMs },
        { sent: repo.sentSince(burstStart(start)), cap: burst - burstKeep(keep), windowMs: burstMs },
      ];
      if (endpoint === 'generate') limits.push({ sent: repo.sentSince(windowStart(start), 'generate'), cap: limit - pollReserve, windowMs });
      return new Date(nthSendAt(limits, slots, start.getTime()));
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

/** At most `cap` requests in any rolling `windowMs`; `sent` are the send times still inside it, oldest first. */
interface RollingLimit {
  sent: Date[];
  cap: number;
  windowMs: number;
}

/**
 * When the n-th of `slots` further requests can go if each is sent the moment every limit has
 * room: a request fits once the one `cap` sends before it has left its window.
 */
function nthSendAt(limits: RollingLimit[], slots: number, fromMs: number): number {
  const sends = limits.map((l) => l.sent.map((at) => at.getTime()));
  let at = fromMs;
  for (let n = 0; n < slots; n += 1) {
    at = limits.reduce((earliest, l, i) => {
      const blocking = sends[i]![sends[i]!.length - Math.max(1, l.cap)];
      return blocking === undefined ? earliest : Math.max(earliest, blocking + l.windowMs);
    }, at);
    for (const times of sends) times.push(at);
  }
  return at;
}
