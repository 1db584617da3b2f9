import type { Repos } from '../../db/repos.js';
import type { Logger } from '../log.js';
import { createDeliveryOutbox } from './deliveryOutbox.js';
import { createGenerationLifecycle } from './generationLifecycle.js';
import { createGenerationStarter } from './generationStarter.js';
import { createGenerationSubmitter } from './generationSubmitter.js';
import { createEmptyAccount } from './operator/emptyAccount.js';
import { createOperatorControls } from './operator/operatorControls.js';
import { createOperatorRules, type OperatorPolicy } from './operator/operatorRules.js';
import { createUnknownOutcomes } from './operator/unknownOutcomes.js';
import { createPollOutcomes } from './pollOutcome.js';
import { createPollRunner } from './pollRunner.js';
import type { AlertOperator, AlertServer, Clock, DeliveryObserver, ImageLinks, Notifier, SecretBox, TaskPoolFactory, VendorKeys, VideoDownloader } from './ports.js';
import { createCreditLedger } from './quota/creditLedger.js';
import { createQuotaAdmin } from './quota/quotaAdmin.js';
import { createQuotaChecks } from './quota/quotaChecks.js';
import type { QuotaDefaults } from './quota/types.js';
import { createReplySetups } from './replySetups.js';
import { createRequestBudget, type RateLimit, type RequestBudget } from './requestBudget.js';
import { createResultActions } from './resultActions.js';
import { createServerKeys, type ServerKeyMode } from './serverKeys/serverKeys.js';
import { createSubmissionQueue } from './submissionQueue.js';
import { tickSteps } from './tickSteps.js';
import type { Timing } from './timing.js';
import type { VideoFileSettings } from './videoFiles.js';

export interface DomainServicesDeps {
  repos: Repos;
  /** The vendor's API keys, by fingerprint. */
  keys: VendorKeys;
  notifier: Notifier;
  downloader: VideoDownloader;
  /** Whether kept images' links still answer, before they are sent again. */
  imageLinks: ImageLinks;
  createTaskPool: TaskPoolFactory;
  clock: Clock;
  timing: Timing;
  rateLimit: RateLimit;
  quota: QuotaDefaults;
  operator: OperatorPolicy;
  videoFiles: Pick<VideoFileSettings, 'enabled' | 'concurrency' | 'retries'>;
  /** Tells the operator the vendor account is empty or the key paused; the Discord side of it. */
  alertOperator: AlertOperator;
  /** Told of every delivery Discord accepted (the metrics). */
  onDelivered?: DeliveryObserver;
  /** Servers' own keys: SERVER_KEYS and the secrets they are sealed under; off when left out. */
  serverKeys?: { mode: ServerKeyMode; box: SecretBox | undefined; previousBox: SecretBox | undefined };
  /** Tells a server's owner about its own key; the Discord side of it. */
  alertServer?: AlertServer;
  log: Logger;
}

/**
 * The one place the domain is wired: it takes the ports and the settings, and returns everything
 * the app runs (the start call, the tick steps in their order, the budget, the reports). No Discord in here.
 */
export function createDomainServices(deps: DomainServicesDeps) {
  const { repos, keys, notifier, clock, timing, rateLimit, quota: defaults, operator: operatorDefaults, alertOperator, log } = deps;
  const { transaction, snapshot, generations: repo } = repos;
  const rules = createOperatorRules(repos.operator, operatorDefaults);
  const serverKeys = createServerKeys({
    repo: repos.serverKeys,
    transaction,
    clock,
    mode: deps.serverKeys?.mode ?? 'off',
    box: deps.serverKeys?.box,
    previousBox: deps.serverKeys?.previousBox,
    keys,
    rateLimit,
    alertServer: deps.alertServer ?? (() => {}),
    log: log.child({ part: 'server-keys' }),
  });
  const quotaDeps = { settingsRepo: repos.quotaSettings, ledgerRepo: repos.ledger, transaction, snapshot, clock, defaults, rules, payerOf: serverKeys.payerOf };
  const ledger = createCreditLedger(quotaDeps);
  const checks = createQuotaChecks(quotaDeps);
  const quotaAdmin = createQuotaAdmin(quotaDeps);

  // One request budget per key, found by its fingerprint. The api_requests table counts requests
  // without naming the key: that is right while there is one key, which makes every request.
  const budgets = new Map(keys.fingerprints().map((fingerprint) => [fingerprint, createRequestBudget({ repo: repos.apiBudget, transaction, clock, ...rateLimit })]));
  const budgetFor = (fingerprint: string): RequestBudget => {
    const found = budgets.get(fingerprint);
    if (!found) throw new Error(`no vendor key with fingerprint ${fingerprint}`);
    return found;
  };
  const [key] = keys.fingerprints();
  if (key === undefined) throw new Error('no vendor API key');
  const veo = keys.clientFor(key);
  const budget = budgetFor(key);
  const account = createEmptyAccount({ repo: repos.operator, generations: repo, transaction, clock, retryMs: operatorDefaults.emptyAccountRetryMs, key });
  const unknowns = createUnknownOutcomes({ repo: repos.operator, transaction, clock, key, pauseAfter: operatorDefaults.unknownOutcomePause });
  const operator = createOperatorControls({ repo: repos.operator, ledgerRepo: repos.ledger, generations: repo, rules, emptyAccount: account, unknowns, settingsOf: checks.settingsOf, transaction, snapshot, clock });

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
    unknowns,
    alertOperator,
    log: log.child({ part: 'generations' }),
  });
  const replySetups = createReplySetups();
  const queue = createSubmissionQueue({ repo, generations, submitter, budget, account, unknowns, replySetups, clock, maxWaitMs: timing.queueMaxWaitMs, log: log.child({ part: 'queue' }) });
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

  const outboxLog = log.child({ part: 'outbox' });
  const { videoFiles } = deps;
  const filePool = deps.createTaskPool(videoFiles.concurrency, (generationId, error) =>
    outboxLog.error({ generationId, err: error }, 'video file delivery crashed'),
  );
  const outbox = createDeliveryOutbox({
    repo,
    notifier,
    replySetups,
    clock,
    retryMs: timing.deliveryRetryMs,
    log: outboxLog,
    ...(deps.onDelivered ? { onDelivered: deps.onDelivered } : {}),
    ...(videoFiles.enabled ? { files: { downloader: deps.downloader, pool: filePool, retries: videoFiles.retries } } : {}),
  });
  const startGeneration = createGenerationStarter({
    generations,
    queue,
    replySetups,
    outbox,
    checks,
    imageLinks: deps.imageLinks,
    serverKeyGate: serverKeys.admit,
    log: log.child({ part: 'commands' }),
  });
  const results = createResultActions({ repo, transaction, clock });

  return {
    ledger,
    checks,
    quotaAdmin,
    operator,
    /**
     * Servers' own keys. `keyOfGuild(guildId)` names the key a server's requests go out on (null =
     * the operator's), `budgetFor` that key's budget; the lane calls `accountEmpty`, `accountTookRequest`
     * and `refused` when the vendor answers so, and `purgeRemoved` once a removed key's videos ended.
     */
    serverKeys,
    budget,
    budgetFor,
    generations,
    submitter,
    queue,
    replySetups,
    outcomes,
    polls,
    results,
    outbox,
    /** Finished videos' file deliveries; stopping it aborts the downloads in flight (a restart does them again). */
    filePool,
    startGeneration,
    /** What each poller tick runs, in order. */
    steps: tickSteps({ polls, queue, outbox }),
    /** Releases the submissions a crash cut off between storing them and the API's answer; once, before anything runs. */
    recoverAtStart(): number {
      // Reads the servers' keys first: a recovered submission's payer depends on them.
      serverKeys.open();
      const interrupted = submitter.recoverInterruptedSubmissions();
      if (interrupted > 0) log.warn({ count: interrupted }, 'released submissions cut off by the last shutdown');
      return interrupted;
    },
  };
}
