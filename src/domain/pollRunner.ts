import type { Db } from '../../db/client.js';
import { createGenerationRepo } from '../../db/generationRepo.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { VeoApiError } from '../veo/errors.js';
import type { Resolution, VeoClient } from '../veo/types.js';
import type { Generation } from './generation.js';
import type { PollOutcomes } from './pollOutcome.js';
import { earliestReadyAt, type PollTiming } from './pollSchedule.js';
import type { RequestBudget } from './requestBudget.js';

export interface PollRunnerDeps {
  db: Db;
  veo: VeoClient;
  outcomes: PollOutcomes;
  budget: RequestBudget;
  /** Slots polls leave free for new submissions while nobody is waiting in the queue. */
  submitReserve: number;
  queueLength: () => number;
  clock: Clock;
  timing: PollTiming;
  batchSize: number;
  retryMs: number;
  log: Logger;
}

export type PollRunner = ReturnType<typeof createPollRunner>;

/** Asks the API about every generation whose poll is due, in as few requests as possible. */
export function createPollRunner({ db, veo, outcomes, budget, submitReserve, queueLength, clock, timing, batchSize, retryMs, log }: PollRunnerDeps) {
  const repo = createGenerationRepo(db);

  async function poll(batch: Generation[]): Promise<void> {
    const resolution = batch[0]!.resolution;
    const tasks = batch.flatMap((g) =>
      g.shots.flatMap((shot) =>
        shot.taskId && (shot.state === 'processing' || shot.state === 'pending') ? [{ shotId: shot.id, taskId: shot.taskId }] : [],
      ),
    );
    try {
      outcomes.apply(batch, await veo.checkStatus(tasks, resolution));
    } catch (error) {
      await recover(batch, error);
    }
  }

  async function recover(batch: Generation[], error: unknown): Promise<void> {
    if (error instanceof VeoApiError && error.code === 'API_KEY_RATE_LIMIT_EXCEEDED') {
      const until = budget.rateLimited(error.retryAfterMs, retryMs);
      outcomes.retryLater(batch, until.getTime() - clock.now().getTime());
      log.warn({ until, retryAfterMs: error.retryAfterMs }, 'rate limited by the API; requests paused');
      return;
    }
    if (error instanceof VeoApiError && error.code === 'TASK_NOT_FOUND') {
      // One unknown task fails a whole batch: ask about each generation alone to find it.
      if (batch.length > 1) {
        for (const generation of batch) await pollWithinBudget([generation]);
      } else {
        outcomes.abandon(batch[0]!, 'TASK_NOT_FOUND');
      }
      return;
    }
    // Past its deadline a generation is given up only after the API itself failed us, never for
    // waiting on the request budget: the video may be ready at the vendor.
    const late = new Set(outcomes.overdue(batch));
    for (const generation of late) outcomes.abandon(generation, 'timeout');
    outcomes.retryLater(batch.filter((g) => !late.has(g)), retryMs);
    log.warn({ generationIds: batch.map((g) => g.id), err: error }, 'check-status failed; will retry');
  }

  /** Polls only on a free slot; otherwise the batch waits for the slot polls may use next. */
  async function pollWithinBudget(batch: Generation[]): Promise<void> {
    const keep = queueLength() > 0 ? 0 : submitReserve;
    if (budget.tryTake('check-status', keep)) return poll(batch);
    const wait = Math.max(retryMs, budget.slotsFreeAt(1, { keep }).getTime() - clock.now().getTime());
    outcomes.retryLater(batch, wait);
  }

  /** Running generations that could be ready by now, whether or not their poll is due. */
  function couldBeReady(now: Date): Generation[] {
    return repo
      .inState('running')
      .filter((g) => g.submittedAt && earliestReadyAt({ submittedAt: g.submittedAt, shotCount: g.shots.length }, timing) <= now);
  }

  return {
    async pollDue(): Promise<void> {
      const now = clock.now();
      const due = repo.duePolls(now, batchSize * 4);
      if (due.length === 0) return;
      const dueIds = new Set(due.map((g) => g.id));
      const riders = couldBeReady(now).filter((g) => !dueIds.has(g.id));
      for (const batch of batches(due, batchSize)) await pollWithinBudget(fillWithRiders(batch, riders, batchSize));
    },

    /**
     * Submissions go first in a tick, which under a long queue could leave no slot for polls at
     * all: once no poll went out for the polls' share of the window (and at least the longest
     * poll interval), polls go first in the tick.
     */
    async pollIfStarved(): Promise<void> {
      const now = clock.now();
      const starvedAfterMs = Math.max(timing.pollMaxIntervalMs, budget.windowMs / budget.pollReserve);
      const lastPoll = budget.lastSent('check-status') ?? budget.firstSeen();
      if (now.getTime() - lastPoll.getTime() < starvedAfterMs) return;
      if (queueLength() === 0) return;
      const ready = couldBeReady(now);
      for (const batch of batches(ready, batchSize)) await pollWithinBudget(batch);
    },
  };
}

const shotsIn = (group: Generation[]) => group.reduce((n, g) => n + g.shots.length, 0);

/**
 * A request that goes out anyway can ask about other running generations at no extra cost: those
 * of the same resolution that could be ready already ride along, as far as the batch has room.
 */
export function fillWithRiders(batch: Generation[], riders: Generation[], size: number): Generation[] {
  const filled = [...batch];
  for (let i = 0; i < riders.length; ) {
    const rider = riders[i]!;
    if (rider.resolution === batch[0]?.resolution && shotsIn(filled) + rider.shots.length <= size) {
      filled.push(rider);
      riders.splice(i, 1);
    } else {
      i += 1;
    }
  }
  return filled;
}

/** Groups generations by resolution into requests of at most `size` shots, never splitting one. */
export function batches(generations: Generation[], size: number): Generation[][] {
  const byResolution = new Map<Resolution, Generation[][]>();
  for (const generation of generations) {
    const groups = byResolution.get(generation.resolution) ?? [[]];
    byResolution.set(generation.resolution, groups);
    let current = groups[groups.length - 1]!;
    if (current.length > 0 && shotsIn(current) + generation.shots.length > size) {
      current = [];
      groups.push(current);
    }
    current.push(generation);
  }
  return [...byResolution.values()].flat();
}
