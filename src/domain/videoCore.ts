import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { RateLimit, Timing } from '../config.js';
import type { Logger } from '../log.js';
import type { VeoClient } from '../veo/types.js';
import { createGenerationService } from './generationService.js';
import { createPollOutcomes } from './pollOutcome.js';
import { createPollRunner } from './pollRunner.js';
import { budgetScarcity } from './pollSchedule.js';
import { createQuotaService, type QuotaDefaults } from './quota/quotaService.js';
import { createReplySetups } from './replySetups.js';
import { createRequestBudget } from './requestBudget.js';
import { createSubmissionQueue } from './submissionQueue.js';

export interface VideoCoreDeps {
  db: Db;
  veo: VeoClient;
  clock: Clock;
  timing: Omit<Timing, 'pollerTickMs' | 'interactionTokenTtlMs' | 'confirmationTtlMs' | 'deliveryRetryMs'>;
  rateLimit: RateLimit;
  quota: QuotaDefaults;
  log: Logger;
}

export type VideoCore = ReturnType<typeof createVideoCore>;

/** The domain services of the generation lifecycle, wired together; no Discord in here. */
export function createVideoCore({ db, veo, clock, timing, rateLimit, quota: defaults, log }: VideoCoreDeps) {
  const quota = createQuotaService({ db, clock, defaults });
  const budget = createRequestBudget({ db, clock, ...rateLimit });
  const generations = createGenerationService({ db, veo, ledger: quota, budget, clock, timing, log: log.child({ part: 'generations' }) });
  const replySetups = createReplySetups();
  const queue = createSubmissionQueue({ db, generations, budget, replySetups, clock, maxWaitMs: timing.queueMaxWaitMs, log: log.child({ part: 'queue' }) });
  const scarcity = () => budgetScarcity(budget.available(), budget.limit);
  const outcomes = createPollOutcomes({ db, ledger: quota, clock, timing, scarcity, log: log.child({ part: 'poll' }) });
  const polls = createPollRunner({
    db,
    veo,
    outcomes,
    budget,
    submitReserve: rateLimit.submitReserve,
    queueLength: queue.length,
    clock,
    timing,
    batchSize: timing.pollBatchSize,
    retryMs: timing.pollIntervalMs,
    log: log.child({ part: 'poll' }),
  });
  /** One poller tick, in order; `deliver` shows the results in Discord. */
  function tickSteps(deliver: () => Promise<unknown>) {
    return [
      { name: 'poll-starved', run: () => polls.pollIfStarved() },
      // Submissions before polls: a waiting member has nothing yet, a running one only waits.
      { name: 'submit', run: () => queue.submitDue() },
      { name: 'poll', run: () => polls.pollDue() },
      // Last, so a video found by this tick's poll reaches Discord in the same tick.
      { name: 'deliver', run: deliver },
    ];
  }

  return { quota, budget, generations, queue, replySetups, outcomes, polls, tickSteps };
}
