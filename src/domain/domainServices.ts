import type { Repos } from '../../db/repos.js';
import type { Clock } from '../clock.js';
import type { RateLimit, Timing } from '../config.js';
import type { Logger } from '../log.js';
import type { VeoClient } from '../veo/types.js';
import { createGenerationLifecycle } from './generationLifecycle.js';
import { createGenerationSubmitter } from './generationSubmitter.js';
import { createEmptyAccount } from './operator/emptyAccount.js';
import { createOperatorControls } from './operator/operatorControls.js';
import { createOperatorRules, type OperatorDefaults } from './operator/operatorRules.js';
import { createPollOutcomes } from './pollOutcome.js';
import { createPollRunner } from './pollRunner.js';
import { createCreditLedger } from './quota/creditLedger.js';
import { createQuotaAdmin } from './quota/quotaAdmin.js';
import { createQuotaChecks } from './quota/quotaChecks.js';
import type { QuotaDefaults } from './quota/types.js';
import { createReplySetups } from './replySetups.js';
import { createRequestBudget } from './requestBudget.js';
import { createResultActions } from './resultActions.js';
import { createSubmissionQueue } from './submissionQueue.js';

export interface DomainServicesDeps {
  repos: Repos;
  veo: VeoClient;
  clock: Clock;
  timing: Omit<Timing, 'pollerTickMs' | 'interactionTokenTtlMs' | 'confirmationTtlMs' | 'deliveryRetryMs'>;
  rateLimit: RateLimit;
  quota: QuotaDefaults;
  operator: OperatorDefaults & { emptyAccountRetryMs: number };
  /** Tells the operator the vendor account is empty; the Discord side of it. */
  alertOperator: (alert: { requiredCredits: number | undefined }) => void;
  log: Logger;
}

export type DomainServices = ReturnType<typeof createDomainServices>;

/** The domain services of the generation lifecycle, wired together; no Discord in here. */
export function createDomainServices({ repos, veo, clock, timing, rateLimit, quota: defaults, operator: operatorDefaults, alertOperator, log }: DomainServicesDeps) {
  const { transaction, snapshot, generations: repo } = repos;
  const rules = createOperatorRules(repos.operator, operatorDefaults);
  const quotaDeps = { settingsRepo: repos.quotaSettings, ledgerRepo: repos.ledger, transaction, snapshot, clock, defaults, rules };
  const ledger = createCreditLedger(quotaDeps);
  const checks = createQuotaChecks(quotaDeps);
  const quotaAdmin = createQuotaAdmin(quotaDeps);
  const account = createEmptyAccount({ repo: repos.operator, generations: repo, transaction, clock, retryMs: operatorDefaults.emptyAccountRetryMs });
  const operator = createOperatorControls({ repo: repos.operator, ledgerRepo: repos.ledger, generations: repo, rules, emptyAccount: account, settingsOf: checks.settingsOf, transaction, snapshot, clock });
  const budget = createRequestBudget({ repo: repos.apiBudget, transaction, clock, ...rateLimit });
  const generations = createGenerationLifecycle({ repo, transaction, ledger, clock, log: log.child({ part: 'generations' }) });
  const submitter = createGenerationSubmitter({
    repo,
    transaction,
    veo,
    ledger,
    lifecycle: generations,
    budget,
    clock,
    timing,
    account,
    alertOperator,
    log: log.child({ part: 'generations' }),
  });
  const replySetups = createReplySetups();
  const queue = createSubmissionQueue({ repo, generations, submitter, budget, account, replySetups, clock, maxWaitMs: timing.queueMaxWaitMs, log: log.child({ part: 'queue' }) });
  const outcomes = createPollOutcomes({ repo, transaction, ledger, clock, timing, scarcity: budget.scarcity, log: log.child({ part: 'poll' }) });
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

  const results = createResultActions({ repo, transaction, clock });

  return { ledger, checks, quotaAdmin, operator, budget, generations, submitter, queue, replySetups, outcomes, polls, results };
}
