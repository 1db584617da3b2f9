import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Clock } from './ports.js';
import type { Logger } from '../log.js';
import { VeoApiError } from '../veo/errors.js';
import type { Generation } from './generation.js';
import { awaitsLink, shotsToAsk, type PollOutcomes } from './pollOutcome.js';
import { batches, fillWithRiders, halves, shotsIn } from './pollBatches.js';
import { earliestReadyAt, type PollTiming } from './pollSchedule.js';
import type { PoolKey } from './keyPool.js';

export interface PollRunnerDeps {
  repo: GenerationRepo;
  /** The key these generations were submitted on: they are polled with it, on its budget, and no other. */
  key: Pick<PoolKey, 'fingerprint' | 'veo' | 'budget'>;
  outcomes: PollOutcomes;
  /** Whether a submission waits for this key's slots: then its polls need not keep the submit reserve free. */
  queueWaiting: () => boolean;
  clock: Clock;
  timing: PollTiming;
  batchSize: number;
  retryMs: number;
  /** The vendor refused the key itself (401): told once per refusal, the batch then waits as after any failure. */
  onKeyRefused?: () => void;
  log: Logger;
}

export type PollRunner = ReturnType<typeof createPollRunner>;

/** A generation whose batch failed, remembered until it gets an answer (in memory: a restart forgets, at worst one failure). */
interface Suspect {
  /** Most shots it is asked about with, once its batch failed repeatedly. */
  maxShots: number | undefined;
  /** How many answers had come in when it last failed. */
  answersBefore: number;
}

/** Asks the API about every generation of one key whose poll is due, in as few requests as possible. */
export function createPollRunner({ repo, key, outcomes, queueWaiting, clock, timing, batchSize, retryMs, onKeyRefused, log }: PollRunnerDeps) {
  // The key's client and budget are read at each use: a server key set again comes with a new client.
  const { fingerprint } = key;
  const suspects = new Map<number, Suspect>();
  let answers = 0;

  async function poll(batch: Generation[]): Promise<void> {
    const resolution = batch[0]!.resolution;
    const tasks = batch.flatMap((g) => shotsToAsk(g).flatMap((shot) => (shot.taskId ? [{ shotId: shot.id, taskId: shot.taskId }] : [])));
    try {
      outcomes.apply(batch, await key.veo.checkStatus(tasks, resolution));
      answers += 1;
      for (const generation of batch) suspects.delete(generation.id);
    } catch (error) {
      await recover(batch, error);
    }
  }

  async function recover(batch: Generation[], error: unknown): Promise<void> {
    if (error instanceof VeoApiError && error.code === 'API_KEY_RATE_LIMIT_EXCEEDED') {
      const until = key.budget.rateLimited(error.retryAfterMs, retryMs);
      outcomes.retryLater(batch, until.getTime() - clock.now().getTime());
      log.warn({ keyFingerprint: fingerprint, until, retryAfterMs: error.retryAfterMs }, "rate limited by the API; the key's requests paused");
      return;
    }
    if (error instanceof VeoApiError && error.code === 'TASK_NOT_FOUND') {
      // One unknown task fails a whole batch: halving finds it in about 2·log2(n) requests, not n.
      if (batch.length > 1) {
        for (const half of halves(batch)) await pollWithinBudget(half);
      } else {
        suspects.delete(batch[0]!.id);
        outcomes.abandon(batch[0]!, 'TASK_NOT_FOUND');
      }
      return;
    }
    if (error instanceof VeoApiError && error.status === 401) onKeyRefused?.();
    // Past its deadline a generation is given up only after the API itself failed us, never for
    // waiting on the request budget: the video may be ready at the vendor.
    const late = new Set(outcomes.overdue(batch));
    for (const generation of late) {
      suspects.delete(generation.id);
      outcomes.abandon(generation, 'timeout');
    }
    const waiting = batch.filter((g) => !late.has(g));
    suspectAll(waiting);
    outcomes.retryLater(waiting, retryMs);
    log.warn({ generationIds: batch.map((g) => g.id), err: error }, 'check-status failed; will retry');
  }

  /**
   * A batch that fails again is asked about in halves next time, so that one task that breaks the
   * vendor's answer cannot hold the others until their deadline. Halving further needs an answer
   * to some other request since the last failure: when nothing answers, the API is down, and
   * smaller batches would only spend the budget faster.
   */
  function suspectAll(batch: Generation[]): void {
    const half = Math.ceil(shotsIn(batch) / 2);
    for (const generation of batch) {
      const before = suspects.get(generation.id);
      const split = before !== undefined && batch.length > 1 && (before.maxShots === undefined || answers > before.answersBefore);
      suspects.set(generation.id, {
        maxShots: split ? half : before?.maxShots,
        answersBefore: answers,
      });
    }
  }

  /** Polls only on a free slot; otherwise the batch waits for the slot polls may use next. */
  async function pollWithinBudget(batch: Generation[]): Promise<void> {
    const queue = { queueWaiting: queueWaiting() };
    if (key.budget.tryTakeForPoll(queue)) return poll(batch);
    const wait = Math.max(retryMs, key.budget.pollSlotFreeAt(queue).getTime() - clock.now().getTime());
    outcomes.retryLater(batch, wait);
  }

  /** A shutdown lets the request in flight finish and sends no further one. */
  async function pollEach(batches: Generation[][], stopping: AbortSignal | undefined): Promise<void> {
    for (const batch of batches) {
      if (stopping?.aborted) return;
      await pollWithinBudget(batch);
    }
  }

  /** Running generations that could be ready by now, whether or not their poll is due. */
  function couldBeReady(now: Date): Generation[] {
    return repo
      .runningOn(fingerprint)
      .filter((g) => g.submittedAt && earliestReadyAt({ submittedAt: g.submittedAt, shotCount: g.shots.length }, timing) <= now);
  }

  /**
   * The requests for these generations: one waiting for its link goes alone, suspects of a failed
   * batch go in their smaller batches, and only the others take riders along.
   */
  function plan(generations: Generation[], riders: Generation[]): Generation[][] {
    const alone = generations.filter(awaitsLink);
    const bySize = new Map<number, Generation[]>();
    const clean: Generation[] = [];
    for (const generation of generations) {
      if (awaitsLink(generation)) continue;
      const maxShots = suspects.get(generation.id)?.maxShots;
      if (maxShots === undefined) clean.push(generation);
      else bySize.set(maxShots, [...(bySize.get(maxShots) ?? []), generation]);
    }
    const takers = riders.filter((g) => !awaitsLink(g) && suspects.get(g.id)?.maxShots === undefined);
    return [
      ...alone.map((g) => [g]),
      ...[...bySize].flatMap(([size, group]) => batches(group, size)),
      ...batches(clean, batchSize).map((batch) => fillWithRiders(batch, takers, batchSize)),
    ];
  }

  return {
    async pollDue(stopping?: AbortSignal): Promise<void> {
      const now = clock.now();
      const due = repo.duePolls(now, batchSize * 4, fingerprint);
      if (due.length === 0) return;
      const dueIds = new Set(due.map((g) => g.id));
      const riders = couldBeReady(now).filter((g) => !dueIds.has(g.id));
      await pollEach(plan(due, riders), stopping);
    },

    /**
     * Submissions go first in a tick, which under a long queue could leave no slot for polls at
     * all: once no poll went out for the polls' share of the window (and at least the longest
     * poll interval), polls go first in the tick.
     */
    async pollIfStarved(stopping?: AbortSignal): Promise<void> {
      if (!key.budget.pollsStarved({ minQuietMs: timing.pollMaxIntervalMs })) return;
      if (!queueWaiting()) return;
      await pollEach(plan(couldBeReady(clock.now()), []), stopping);
    },
  };
}
