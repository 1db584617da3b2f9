import type { Repos } from '../../db/repos.js';
import type { Clock } from '../clock.js';
import type { RateLimit, Timing } from '../config.js';
import type { Logger } from '../log.js';
import type { VeoClient } from '../veo/types.js';
import { createGenerationService } from './generationService.js';
import { createPollOutcomes } from './pollOutcome.js';
import { createPollRunner } from './pollRunner.js';
import { createQuotaService, type QuotaDefaults } from './quota/quotaService.js';
import { createReplySetups } from './replySetups.js';
import { createRequestBudget } from './requestBudget.js';
import { createSubmissionQueue } from './submissionQueue.js';

export interface DomainServicesDeps {
  repos: Repos;
  veo: VeoClient;
  clock: Clock;
  timing: Omit<Timing, 'pollerTickMs' | 'interactionTokenTtlMs' | 'confirmationTtlMs' | 'deliveryRetryMs'>;
  rateLimit: RateLimit;
  quota: QuotaDefaults;
  log: Logger;
}

export type DomainServices = ReturnType<typeof createDomainServices>;

/** The domain services of the generation lifecycle, wired together; no Discord in here. */
export function createDomainServices({ repos, veo, clock, timing, rateLimit, quota: defaults, log }: DomainServicesDeps) {
  const { transaction, generations: repo } = repos;
  const quota = createQuotaService({ repo: repos.quota, transaction, snapshot: repos.snapshot, clock, defaults });
  const budget = createRequestBudget({ repo: repos.apiBudget, transaction, clock, ...rateLimit });
  const generations = createGenerationService({ repo, transaction, veo, ledger: quota, budget, clock, timing, log: log.child({ part: 'generations' }) });
  const replySetups = createReplySetups();
  const queue = createSubmissionQueue({ repo, generations, budget, replySetups, clock, maxWaitMs: timing.queueMaxWaitMs, log: log.child({ part: 'queue' }) });
  const outcomes = createPollOutcomes({ repo, transaction, ledger: quota, clock, timing, scarcity: budget.scarcity, log: log.child({ part: 'poll' }) });
  const polls = createPollRunner({
    repo,
    veo,
    outcomes,
    budget,
    queueLength: queue.length,
    clock,
    timing,
    batchSize: timing.pollBatchSize,
    retryMs: timing.pollIntervalMs,
    log: log.child({ part: 'poll' }),
  });

  return { quota, budget, generations, queue, replySetups, outcomes, polls };
}
