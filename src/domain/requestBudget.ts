import type { ApiEndpoint, KeyBudgetRepo } from '../../db/apiBudgetRepo.js';
import type { Transaction } from '../../db/repos.js';
import type { Clock } from './ports.js';

/** One key's request budget, shared by submissions and polls; every key has its own. */
export interface RateLimit {
  /** Requests the key may make per window (the vendor's: 100 an hour). */
  limit: number;
  windowMs: number;
  /** Slots per window that only polls may use, so a long queue can never starve deliveries. */
  pollReserve: number;
  /** Slots polls leave free while nobody waits in the queue, so a new video goes out at once. */
  submitReserve: number;
  /**
   * The key's pace, a token bucket: at most this many requests at once, then one each
   * `windowMs / limit` as the bucket refills. It spends the budget at an even pace instead of all
   * at once followed by a long silence, and a request held by it waits one interval, not until a
   * whole run of earlier requests has aged out. At `limit` or more, there is no pace.
   */
  burst: number;
}

export interface RequestBudgetDeps extends RateLimit {
  /** The requests and 429 pause of this budget's key alone. */
  repo: KeyBudgetRepo;
  transaction: Transaction;
  clock: Clock;
}

/** Whether a submission is waiting for a slot: then it needs no slot kept free for it. */
export interface QueueState {
  queueWaiting: boolean;
}

export type RequestBudget = ReturnType<typeof createRequestBudget>;

/**
 * The API key's rolling request window, shared by submissions and polls and kept in SQLite so a
 * restart does not forget what was already spent. It owns the policy: the reserves, the pace, and
 * how hard it is pressed.
 */
export function createRequestBudget({ repo, transaction, clock, limit, windowMs, pollReserve, submitReserve, burst }: RequestBudgetDeps) {
  const windowStart = (now: Date) => new Date(now.getTime() - windowMs);
  const pace = { intervalMs: windowMs / limit };
  const pausedAt = (now: Date) => {
    const until = repo.pausedUntil();
    return until && until > now ? until : undefined;
  };

  function available(now = clock.now(), inWindow = repo.countSince(windowStart(now))): number {
    if (pausedAt(now)) return 0;
    return Math.max(0, limit - inWindow);
  }

  /**
   * How deep the pace's bucket is for one request. Polls leave the same share of it free as of the
   * whole window (`keep`): otherwise a run of polls empties it and a new prompt waits while most of
   * the hour's slots are free (only the share: keeping the whole `keep` would hold polls to a slower
   * pace than the key's). A poll while nobody waits bursts only as deep as the share of the window
   * still free: near a full window a burst spends the slots later polls need, and they would wait
   * for the hour to free. While requests wait, the bucket stays whole: the window is nearly full
   * then, and a shallow bucket would let its refills go to waste.
   */
  function bucketDepth(keep: number, queue: QueueState | undefined, free: number): number {
    if (burst >= limit) return Number.POSITIVE_INFINITY;
    const share = (requests: number) => Math.ceil((requests * burst) / limit);
    const depth = queue && !queue.queueWaiting ? share(free) : burst;
    return Math.max(1, depth - share(keep));
  }

  /** Polls keep the submit reserve free for a new video, unless one is already waiting (it takes the next slot anyway). */
  const pollKeep = ({ queueWaiting }: QueueState) => (queueWaiting ? 0 : submitReserve);

  /**
   * Takes one request slot if more than `keep` are free.
   * The slot is recorded before the request is sent: a crash may waste one, never overspend.
   */
  function tryTake(endpoint: ApiEndpoint, keep: number, queue?: QueueState): boolean {
    return transaction(() => {
      const now = clock.now();
      repo.forgetUpTo(windowStart(now));
      // One read of the window serves the count and the pace.
      const sent = repo.sentSince(windowStart(now)).map((at) => at.getTime());
      const free = available(now, sent.length);
      if (free <= keep) return false;
      if (now.getTime() < paceAllows(sent, bucketDepth(keep, queue, free), pace.intervalMs)) return false;
      if (endpoint === 'generate' && repo.countSince(windowStart(now), 'generate') >= limit - pollReserve) return false;
      repo.record(endpoint, now);
      return true;
    });
  }

  /**
   * When `slots` more requests of this kind can have been made, sent as early as every limit
   * allows: the window, the generate share of it, the pace, and any pause in force.
   */
  function slotsFreeAt(slots: number, endpoint: ApiEndpoint, keep: number, queue?: QueueState): Date {
    const limits = limitsOf(endpoint, keep, queue);
    return new Date(sendTimes(limits, slots).at(-1) ?? limits.fromMs);
  }

  /** The limits in force for this kind of request, from now or from the end of a pause. */
  function limitsOf(endpoint: ApiEndpoint, keep: number, queue?: QueueState): Limits {
    const now = clock.now();
    const start = pausedAt(now) ?? now;
    const sent = repo.sentSince(windowStart(start));
    const rolling: RollingLimit[] = [{ sent, cap: limit - keep, windowMs }];
    if (endpoint === 'generate') rolling.push({ sent: repo.sentSince(windowStart(start), 'generate'), cap: limit - pollReserve, windowMs });
    return { rolling, pace: { sent, depth: bucketDepth(keep, queue, limit - sent.length), intervalMs: pace.intervalMs }, fromMs: start.getTime() };
  }

  // Until a poll is on record, starvation is counted from when this budget was first used.
  const startedAt = clock.now();
  const firstSeen = (now: Date) => repo.sentSince(windowStart(now))[0] ?? startedAt;
  const lastPoll = (now: Date) => repo.sentSince(windowStart(now), 'check-status').at(-1);

  return {
    available: () => available(),

    /** A slot for a `generate`: never one of the poll reserve. */
    tryTakeForSubmit: () => tryTake('generate', 0),
    /** A slot for a `check-status`, leaving the submit reserve free while nobody waits in the queue. */
    tryTakeForPoll: (queue: QueueState) => tryTake('check-status', pollKeep(queue), queue),

    /** When the submission `position`-th in the queue can go, if every one before it goes as early as it can. */
    submitSlotFreeAt: (position: number) => slotsFreeAt(position, 'generate', 0),
    /** The same for the first `count` places at once: one read of the window for a whole queue. */
    submitSlotsFreeAt: (count: number): Date[] => (count <= 0 ? [] : sendTimes(limitsOf('generate', 0), count).map((at) => new Date(at))),
    /** When the next poll can go. */
    pollSlotFreeAt: (queue: QueueState) => slotsFreeAt(1, 'check-status', pollKeep(queue), queue),

    /**
     * No poll went out for the polls' share of the window (the time one reserved poll slot stands
     * for), nor for `minQuietMs`: submissions have been taking every slot.
     */
    pollsStarved({ minQuietMs }: { minQuietMs: number }): boolean {
      const now = clock.now();
      const quietSince = lastPoll(now) ?? firstSeen(now);
      return now.getTime() - quietSince.getTime() >= Math.max(minQuietMs, windowMs / pollReserve);
    },

    /** Until when a 429 holds this key, if it does now. */
    rateLimitedUntil: (): Date | undefined => pausedAt(clock.now()),

    /** How hard the budget is pressed, to stretch poll intervals by (1 = not at all). */
    scarcity: () => budgetScarcity(available(), limit),

    /**
     * The vendor said 429: send nothing for `Retry-After`, or, without one, until our oldest
     * counted request leaves the window (at least `minPauseMs`). Never shortens a pause in force.
     */
    rateLimited(retryAfterMs: number | undefined, minPauseMs: number): Date {
      return transaction(() => {
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
  };
}

/**
 * 1 while at least half the budget is free, then growing as it runs out: stretching early keeps
 * the window from running dry, which would hold every poll back until a slot frees.
 */
export function budgetScarcity(available: number, limit: number): number {
  return Math.max(1, limit / 2 / Math.max(1, available));
}

/** At most `cap` requests in any rolling `windowMs`; `sent` are the send times still inside it, oldest first. */
interface RollingLimit {
  sent: Date[];
  cap: number;
  windowMs: number;
}

/** A token bucket `depth` requests deep that refills one request each `intervalMs`; `sent` as above. */
interface Pace {
  sent: Date[];
  depth: number;
  intervalMs: number;
}

interface Limits {
  rolling: RollingLimit[];
  pace: Pace;
  fromMs: number;
}

/**
 * When the bucket is full again after `sends` (oldest first): each send takes one interval's
 * refill, counted from the send or from when the bucket had refilled, whichever is later. Sends
 * older than the window cannot matter: a bucket at most `limit` deep refills within one window.
 */
const refilledAfter = (sends: number[], intervalMs: number, from = Number.NEGATIVE_INFINITY): number =>
  sends.reduce((at, sent) => Math.max(at, sent) + intervalMs, from);

/** The earliest the next request keeps the pace: while the bucket holds one, it is `depth - 1` intervals from full at most. */
function paceAllows(sends: number[], depth: number, intervalMs: number): number {
  return refilledAfter(sends, intervalMs) - (depth - 1) * intervalMs;
}

/**
 * When each of `slots` further requests can go if each is sent the moment every limit has room:
 * a request fits a rolling limit once the one `cap` sends before it has left its window, and the
 * pace once the bucket holds a request again.
 */
function sendTimes({ rolling, pace, fromMs }: Limits, slots: number): number[] {
  const sends = rolling.map((l) => l.sent.map((at) => at.getTime()));
  let refilledAt = refilledAfter(pace.sent.map((at) => at.getTime()), pace.intervalMs);
  const times: number[] = [];
  let at = fromMs;
  for (let n = 0; n < slots; n += 1) {
    at = rolling.reduce((earliest, l, i) => {
      const blocking = sends[i]![sends[i]!.length - Math.max(1, l.cap)];
      return blocking === undefined ? earliest : Math.max(earliest, blocking + l.windowMs);
    }, Math.max(at, refilledAt - (pace.depth - 1) * pace.intervalMs));
    for (const sent of sends) sent.push(at);
    refilledAt = refilledAfter([at], pace.intervalMs, refilledAt);
    times.push(at);
  }
  return times;
}
