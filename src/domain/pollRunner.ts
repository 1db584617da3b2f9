import type { Db } from '../../db/client.js';
import { createGenerationRepo } from '../../db/generationRepo.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { VeoApiError } from '../veo/errors.js';
import type { Resolution, VeoClient } from '../veo/types.js';
import type { Generation } from './generation.js';
import type { PollOutcomes } from './pollOutcome.js';

export interface PollRunnerDeps {
  db: Db;
  veo: VeoClient;
  outcomes: PollOutcomes;
  clock: Clock;
  batchSize: number;
  retryMs: number;
  log: Logger;
}

export type PollRunner = ReturnType<typeof createPollRunner>;

/** Asks the API about every generation whose poll is due, in as few requests as possible. */
export function createPollRunner({ db, veo, outcomes, clock, batchSize, retryMs, log }: PollRunnerDeps) {
  const repo = createGenerationRepo(db);
  let pausedUntil = 0;

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
      const delay = error.retryAfterMs ?? retryMs;
      pausedUntil = clock.now().getTime() + delay;
      outcomes.retryLater(batch, delay);
      log.warn({ retryAfterMs: delay }, 'rate limited by the API; polls paused');
      return;
    }
    if (error instanceof VeoApiError && error.code === 'TASK_NOT_FOUND') {
      // One unknown task fails a whole batch: ask about each generation alone to find it.
      if (batch.length > 1) {
        for (const generation of batch) await poll([generation]);
      } else {
        outcomes.abandon(batch[0]!, 'TASK_NOT_FOUND');
      }
      return;
    }
    outcomes.retryLater(batch, retryMs);
    log.warn({ generationIds: batch.map((g) => g.id), err: error }, 'check-status failed; will retry');
  }

  return {
    async pollDue(): Promise<void> {
      const now = clock.now();
      if (now.getTime() < pausedUntil) return;
      const due = repo.duePolls(now, batchSize * 4);
      const overdue = new Set(outcomes.overdue(due));
      for (const generation of overdue) outcomes.abandon(generation, 'timeout');
      for (const batch of batches(due.filter((g) => !overdue.has(g)), batchSize)) {
        if (clock.now().getTime() < pausedUntil) {
          outcomes.retryLater(batch, pausedUntil - clock.now().getTime());
          continue;
        }
        await poll(batch);
      }
    },
  };
}

/** Groups generations by resolution into requests of at most `size` shots, never splitting one. */
export function batches(generations: Generation[], size: number): Generation[][] {
  const byResolution = new Map<Resolution, Generation[][]>();
  for (const generation of generations) {
    const groups = byResolution.get(generation.resolution) ?? [[]];
    byResolution.set(generation.resolution, groups);
    let current = groups[groups.length - 1]!;
    const shotsIn = (group: Generation[]) => group.reduce((n, g) => n + g.shots.length, 0);
    if (current.length > 0 && shotsIn(current) + generation.shots.length > size) {
      current = [];
      groups.push(current);
    }
    current.push(generation);
  }
  return [...byResolution.values()].flat();
}
