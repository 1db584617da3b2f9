import type { Repos } from '../../db/repos.js';
import type { Generation } from './generation.js';
import type { Logger } from '../log.js';
import { createBlocklists } from './blocklist/blocklists.js';
import { createDeliveryOutbox } from './deliveryOutbox.js';
import { createGenerationLifecycle } from './generationLifecycle.js';
import { createGenerationStarter } from './generationStarter.js';
import { createGenerationSubmitter } from './generationSubmitter.js';
import { createApprovals } from './moderation/approvals.js';
import type { ModerationPosts } from './moderation/moderationPorts.js';
import { createModerationLog } from './moderation/moderationLog.js';
import { createModerationSettings } from './moderation/moderationSettings.js';
import { createOperatorControls } from './operator/operatorControls.js';
import { createMemberRules } from './members/memberRules.js';
import type { MemberPolicy } from './members/memberPolicy.js';
import { createWithdrawals } from './members/withdrawal.js';
import { createOperatorRules, type OperatorPolicy } from './operator/operatorRules.js';
import { createKeyPool } from './keyPool.js';
import { createServerLaneKeys, laneKeySources, laneOfPayer } from './laneKeys.js';
import { createPollOutcomes } from './pollOutcome.js';
import { createKeyedPolls } from './pollKeys.js';
import { createResultErasure } from './privacy/resultErasure.js';
import type { AlertOperator, AlertServer, Clock, DeliveryObserver, ImageLinks, Notifier, SecretBox, TaskPoolFactory, VendorKeys, VideoDownloader, VideoTranscoder } from './ports.js';
import { createCreditLedger } from './quota/creditLedger.js';
import { createQuotaAdmin } from './quota/quotaAdmin.js';
import { createQuotaChecks } from './quota/quotaChecks.js';
import type { QuotaDefaults } from './quota/types.js';
import { createReplySetups } from './replySetups.js';
import type { RateLimit } from './requestBudget.js';
import { createResultActions } from './resultActions.js';
import { createServerKeys, type ServerKeyMode } from './serverKeys/serverKeys.js';
import { createSubmissionQueue } from './submissionQueue.js';
import { createVideoActions } from './videoActions.js';
import { tickSteps } from './tickSteps.js';
import type { LaneOf } from './turns/lanes.js';
import type { Timing } from './timing.js';
import type { VideoFileSettings } from './videoFiles.js';

export interface DomainServicesDeps {
  repos: Repos;
  /** The vendor's API keys, by fingerprint. */
  keys: VendorKeys;
  notifier: Notifier;
  downloader: VideoDownloader;
  /** ffmpeg, when the bot found one: copies that fit, Extend and Join. */
  transcoder?: VideoTranscoder;
  /** Whether kept images' links still answer, before they are sent again. */
  imageLinks: ImageLinks;
  createTaskPool: TaskPoolFactory;
  clock: Clock;
  timing: Timing;
  rateLimit: RateLimit;
  quota: QuotaDefaults;
  operator: OperatorPolicy;
  /** Each member's limit of active requests, the double-press window and the cooldown after refusals. */
  members: MemberPolicy;
  videoFiles: Pick<VideoFileSettings, 'enabled' | 'concurrency' | 'retries'>;
  /** PROMPT_RETENTION_DAYS: results older than this are blanked; null keeps them. */
  promptRetentionDays: number | null;
  /** The approval messages and the moderators' log posts; the Discord side of them. */
  moderationPosts: ModerationPosts;
  /** How long a request waits for a moderator at most (APPROVAL_TTL_MS). */
  approvalTtlMs: number;
  /** Tells the operator the vendor account is empty or the key paused; the Discord side of it. */
  alertOperator: AlertOperator;
  /** Which lane each waiting request goes out on; by its reservation's payer when left out (a server's own key, or the operator's pool). */
  laneOf?: LaneOf;
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
    budgets: repos.apiBudget,
    transaction,
    clock,
    mode: deps.serverKeys?.mode ?? 'off',
    box: deps.serverKeys?.box,
    previousBox: deps.serverKeys?.previousBox,
    keys,
    rateLimit,
    alertServer: deps.alertServer ?? (() => {}),
    // Called only once an admin stores a key, long after the lanes below exist.
    onStored: (fingerprint) => serverLanes.lift(fingerprint),
    log: log.child({ part: 'server-keys' }),
  });
  const quotaDeps = { settingsRepo: repos.quotaSettings, ledgerRepo: repos.ledger, transaction, snapshot, clock, defaults, rules, payerOf: serverKeys.payerOf };
  const ledger = createCreditLedger(quotaDeps);
  const checks = createQuotaChecks(quotaDeps);
  const quotaAdmin = createQuotaAdmin(quotaDeps);

  // The operator's keys, each with its own request budget, back-off, empty account and pause.
  const pool = createKeyPool({
    keys,
    budgets: repos.apiBudget,
    operatorRepo: repos.operator,
    generations: repo,
    transaction,
    clock,
    rateLimit,
    emptyAccountRetryMs: operatorDefaults.emptyAccountRetryMs,
    unknownOutcomePause: operatorDefaults.unknownOutcomePause,
    log: log.child({ part: 'keys' }),
  });
  const operator = createOperatorControls({ repo: repos.operator, ledgerRepo: repos.ledger, generations: repo, rules, pool, settingsOf: checks.settingsOf, transaction, snapshot, clock });

  // Each server with its own key is a lane of its own, sent on that key only.
  const serverLanes = createServerLaneKeys({
    serverKeys,
    keys,
    generations: repo,
    operatorRepo: repos.operator,
    transaction,
    clock,
    emptyAccountRetryMs: operatorDefaults.emptyAccountRetryMs,
    unknownOutcomePause: operatorDefaults.unknownOutcomePause,
  });

  const generations = createGenerationLifecycle({ repo, transaction, ledger, clock, log: log.child({ part: 'generations' }) });
  const submitter = createGenerationSubmitter({
    repo,
    transaction,
    ledger,
    lifecycle: generations,
    pool,
    clock,
    timing,
    alertOperator,
    serverKeys,
    serverKeyOf: serverLanes.sentOn,
    log: log.child({ part: 'generations' }),
  });
  const replySetups = createReplySetups();
  const queue = createSubmissionQueue({
    repo,
    turns: repos.queueTurns,
    transaction,
    generations,
    submitter,
    pool,
    replySetups,
    clock,
    maxWaitMs: timing.queueMaxWaitMs,
    maxTextWaitMs: timing.queueMaxTextWaitMs,
    laneOf: deps.laneOf ?? laneOfPayer,
    keysOf: laneKeySources(pool, serverLanes),
    log: log.child({ part: 'queue' }),
  });
  // Poll intervals stretch with how hard the keys are pressed together: a key's own polls wait for
  // its own slots anyway, and a generation's next poll is placed before it is known which key frees first.
  // A server's own key is pressed by its server alone: its generations' polls stretch with its budget only.
  const poolScarcity = () => Math.min(...pool.keys.map((key) => key.budget.scarcity()));
  const scarcity = ({ keyFingerprint }: Generation) =>
    keyFingerprint !== null && !pool.get(keyFingerprint) && serverKeys.canPoll(keyFingerprint) ? serverKeys.budgetFor(keyFingerprint).scarcity() : poolScarcity();
  const outcomes = createPollOutcomes({ repo, transaction, ledger, clock, timing, scarcity, log: log.child({ part: 'poll' }) });
  const polls = createKeyedPolls({
    repo,
    pool,
    outcomes,
    servers: { keys, serverKeys },
    waitingLanes: queue.waitingLanes,
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
    ...(videoFiles.enabled ? { files: { downloader: deps.downloader, pool: filePool, retries: videoFiles.retries, ...(deps.transcoder ? { transcoder: deps.transcoder } : {}) } } : {}),
  });
  const moderationLog = log.child({ part: 'moderation' });
  const moderation = createModerationSettings({ repo: repos.moderation, clock });
  const approvals = createApprovals({
    repo: repos.moderation,
    generations: repo,
    lifecycle: generations,
    settings: moderation,
    outbox,
    posts: deps.moderationPosts,
    replySetups,
    transaction,
    clock,
    ttlMs: deps.approvalTtlMs,
    imageWindowMs: timing.queueMaxWaitMs,
    retryMs: timing.deliveryRetryMs,
    log: moderationLog,
  });
  const modLog = createModerationLog({ repo: repos.moderation, generations: repo, posts: deps.moderationPosts, clock, log: moderationLog });
  const members = createMemberRules({ repo: repos.members, generations: repo, transaction, snapshot, clock, policy: deps.members });
  const withdrawals = createWithdrawals({ repo: repos.members, generations: repo, ledger, approvals, transaction, clock });
  const blocklists = createBlocklists({ repo: repos.blocklists, transaction, clock });
  const startGeneration = createGenerationStarter({ generations, queue, replySetups, outbox, checks, members, blocklist: blocklists, imageLinks: deps.imageLinks, approvals, serverKeyGate: serverKeys.refusal, log: log.child({ part: 'commands' }) });
  const results = createResultActions({ repo, transaction, clock });
  // Whatever removes a result, its approval message and log post say so at the next tick, without its prompt or images.
  results.onRemoved(({ id }) => modLog.resultRemoved(id));
  const erasure = createResultErasure({ repo, dailyRuns: repos.dailyRuns, transaction, clock, retentionDays: deps.promptRetentionDays, log: log.child({ part: 'privacy' }) });
  // Without ffmpeg there is no Extend and no Join.
  const videos = deps.transcoder && createVideoActions({ repo, downloader: deps.downloader, transcoder: deps.transcoder, checks, log: log.child({ part: 'videos' }) });

  return {
    ledger,
    checks,
    quotaAdmin,
    operator,
    pool,
    /**
     * Servers' own keys. `keyOfGuild(guildId)` names the key a server's requests go out on (null =
     * the operator's pool); the lane calls `accountEmpty`, `accountTookRequest` and `refused` when
     * the vendor answers so, and `purgeRemoved` once a removed key's videos ended.
     */
    serverKeys,
    generations,
    submitter,
    queue,
    replySetups,
    outcomes,
    polls,
    results,
    members,
    withdrawals,
    blocklists,
    erasure,
    /** Extend's frame and Join; undefined without ffmpeg. */
    videos,
    outbox,
    /** Finished videos' file deliveries; stopping it aborts the downloads in flight (a restart does them again). */
    filePool,
    startGeneration,
    /** A server's approval and log settings. */
    moderation,
    /** Requests waiting for a moderator; `release` is the one way to end one unapproved (a Cancel too). */
    approvals,
    /** The moderators' log; told when a result is removed. */
    moderationLog: modLog,
    /** What each poller tick runs, in order. */
    steps: tickSteps({ polls, queue, outbox, erasure, moderation: { runDue: async (stopping) => {
      await approvals.runDue(stopping);
      await modLog.runDue(stopping);
    } } }),
    /**
     * Names the key of rows from before the key pool, then releases the submissions a crash cut
     * off between storing them and the API's answer; once, before anything runs.
     */
    recoverAtStart(): number {
      // Reads the servers' keys first: a recovered submission's payer depends on them.
      serverKeys.open();
      pool.claimUnnamedRows();
      const interrupted = submitter.recoverInterruptedSubmissions();
      if (interrupted > 0) log.warn({ count: interrupted }, 'released submissions cut off by the last shutdown');
      return interrupted;
    },
  };
}
