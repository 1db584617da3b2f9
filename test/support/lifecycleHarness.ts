import type { Dispatcher } from 'undici';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { createRepos } from '../../db/repos.js';
import { ManualClock } from '../../src/clock.js';
import type { QuotaDefaults } from '../../src/domain/quota/types.js';
import { createDomainServices } from '../../src/domain/domainServices.js';
import type { ImageLinks, OperatorAlert, ServerAlert } from '../../src/domain/ports.js';
import type { MemberPolicy } from '../../src/domain/members/memberPolicy.js';
import type { ServerKeyMode } from '../../src/domain/serverKeys/serverKeys.js';
import { createKeyCipher } from '../../src/secrets/keyCipher.js';
import { noOperatorLimits, type OperatorPolicy } from '../../src/domain/operator/operatorRules.js';
import type { Origin } from '../../src/domain/generation.js';
import { parseVideoRequest, type VideoRequestInput } from '../../src/domain/videoRequest.js';
import type { Notifier } from '../../src/domain/ports.js';
import type { LaneOf } from '../../src/domain/turns/lanes.js';
import type { RateLimit } from '../../src/domain/requestBudget.js';
import { tickSteps } from '../../src/domain/tickSteps.js';
import { createLogger } from '../../src/log.js';
import { createTaskPool } from '../../src/taskPool.js';
import { createVeoClient } from '../../src/veo/client.js';
import { createVendorKeys } from '../../src/veo/vendorKeys.js';
import { startFakeNanophoto, type FakeNanophoto, type FakeNanophotoOptions } from './fakeNanophoto.js';
import { createFakeModerationPosts } from './fakeModerationPosts.js';

export const minute = 60_000;
export const timing = {
  shotMinMs: 2 * minute,
  shotMaxMs: 5 * minute,
  pollIntervalMs: 30_000,
  pollMaxIntervalMs: 5 * minute,
  generationGraceMs: 30 * minute,
  queueMaxWaitMs: 6 * 60 * minute,
  queueMaxTextWaitMs: 24 * 60 * minute,
  deliveryRetryMs: 30_000,
};

// Delivery is left to the tests that need it: they build their own outbox over `repo`.
const noDiscord: Notifier = {
  deliver: () => Promise.reject(new Error('the lifecycle harness has no Discord; build an outbox with a notifier')),
  deliverFiles: () => Promise.reject(new Error('the lifecycle harness has no Discord; build an outbox with a notifier')),
};

/** The domain wired as in the bot, over the fake API and in-memory SQLite, with a manual clock. */
export interface LifecycleOptions {
  api?: FakeNanophotoOptions;
  /** The operator's keys, in the settings' order (default one, `test-key`); the fake accepts them unless `api.apiKeys` says otherwise. */
  apiKeys?: string[];
  quota?: Partial<QuotaDefaults>;
  batchSize?: number;
  rateLimit?: Partial<RateLimit>;
  operator?: Partial<OperatorPolicy>;
  members?: Partial<MemberPolicy>;
  /** PROMPT_RETENTION_DAYS; kept for good without it. */
  promptRetentionDays?: number;
  /** Reopen this database file instead of a fresh in-memory one (restart tests). */
  databasePath?: string;
  /** Whether kept image links still answer; left out, checking one fails the test. */
  imageLinks?: ImageLinks;
  /** How long a request waits for a moderator (APPROVAL_TTL_MS); default 24 h. */
  approvalTtlMs?: number;
  /** The HTTP dispatcher for the API client, e.g. an undici MockAgent that answers some requests itself and passes the rest to the fake. */
  dispatcher?: Dispatcher;
  /** Which lane each waiting request goes out on (the domain's default: all on the operator's key). */
  laneOf?: LaneOf;
  /** Servers' own keys: SERVER_KEYS and the secrets (32 bytes each); off when left out. */
  serverKeys?: { mode: ServerKeyMode; secret?: Buffer; previousSecret?: Buffer };
}

export async function startLifecycle(options: LifecycleOptions = {}) {
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 12));
  const apiKeys = options.apiKeys ?? ['test-key'];
  const api: FakeNanophoto = await startFakeNanophoto({ now: () => clock.now().getTime(), shotDurationMs: 150_000, apiKeys, ...options.api });
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', write: (line) => logs.push(line), secrets: apiKeys });
  const keys = createVendorKeys(apiKeys, (apiKey) =>
    createVeoClient({ baseUrl: api.url, apiKey, timeoutMs: 500, log, ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}) }),
  );
  const db: Db = openDb(options.databasePath ?? ':memory:');
  const repos = createRepos(db);
  const alerts: OperatorAlert[] = [];
  const moderationPosts = createFakeModerationPosts();
  const serverAlerts: ServerAlert[] = [];
  const keySettings = options.serverKeys;
  const { ledger, checks, quotaAdmin, operator, pool, generations, submitter, queue, replySetups, outcomes, polls, results, members, withdrawals, blocklists, erasure, startGeneration, moderation, approvals, moderationLog, recoverAtStart, serverKeys } = createDomainServices({
    repos,
    keys,
    notifier: noDiscord,
    downloader: { download: () => Promise.reject(new Error('the lifecycle harness downloads no video')) },
    imageLinks: options.imageLinks ?? { allAnswer: () => Promise.reject(new Error('the lifecycle harness checks no image link')) },
    createTaskPool,
    clock,
    timing: { ...timing, pollBatchSize: options.batchSize ?? 50 },
    rateLimit: { limit: 100, windowMs: 60 * minute, pollReserve: 12, submitReserve: 5, burst: options.rateLimit?.limit ?? 100, ...options.rateLimit },
    quota: { budget: 1000, period: 'week', memberCap: null, confirmThreshold: 30, ...options.quota },
    operator: { ...noOperatorLimits, emptyAccountRetryMs: 15 * minute, unknownOutcomePause: 3, ...options.operator },
    members: { activeLimit: 3, duplicateWindowMs: 10_000, failureLimit: 5, ...options.members },
    videoFiles: { enabled: false, concurrency: 1, retries: 0 },
    promptRetentionDays: options.promptRetentionDays ?? null,
    alertOperator: (alert) => alerts.push(alert),
    moderationPosts: moderationPosts.port,
    approvalTtlMs: options.approvalTtlMs ?? 24 * 60 * minute,
    ...(keySettings
      ? {
          serverKeys: {
            mode: keySettings.mode,
            box: keySettings.secret && createKeyCipher(keySettings.secret),
            previousBox: keySettings.previousSecret && createKeyCipher(keySettings.previousSecret),
          },
          alertServer: (alert: ServerAlert) => serverAlerts.push(alert),
        }
      : {}),
    log,
    ...(options.laneOf ? { laneOf: options.laneOf } : {}),
  });
  serverKeys.open();
  const repo = repos.generations;
  const steps = tickSteps({ polls, queue, outbox: { deliverDue: async () => 0 }, erasure });

  const member = { guildId: '100000000000000001', userId: '200000000000000001', roleIds: [] as string[] };
  const origin = (userId = member.userId): Origin => ({ guildId: member.guildId, channelId: '300000000000000001', userId, interactionId: null, locale: null, guildLocale: null, attachmentSizeLimit: null });
  const request = (overrides: Partial<VideoRequestInput> = {}) =>
    parseVideoRequest({ text: 'a fox in the snow', images: [], mode: null, aspect: null, resolution: null, ...overrides });

  return {
    clock,
    api,
    db,
    logs,
    log,
    alerts,
    serverAlerts,
    serverKeys,
    repos,
    ledger,
    checks,
    quotaAdmin,
    operator,
    generations,
    submitter,
    outcomes,
    polls,
    repo,
    member,
    origin,
    request,
    pool,
    /** The first key's request budget (the only one unless `apiKeys` says otherwise). */
    budget: pool.keys[0]!.budget,
    queue,
    replySetups,
    results,
    members,
    withdrawals,
    blocklists,
    erasure,
    startGeneration,
    moderation,
    approvals,
    moderationLog,
    moderationPosts,
    recoverAtStart,
    submit: (overrides: Partial<VideoRequestInput> = {}, userId?: string) =>
      queue.start(generations.create(origin(userId), member.roleIds, request(overrides))),
    /** A request from a member of another server (its quota is that server's). */
    submitIn: (guildId: string, userId: string, overrides: Partial<VideoRequestInput> = {}) =>
      queue.start(generations.create({ ...origin(userId), guildId }, member.roleIds, request(overrides))),
    /** One poller tick, in the bot's order. */
    async tick() {
      for (const step of steps) await step.run();
    },
    apiCalls: (endpoint: 'generate' | 'check-status') => api.requests.filter((r) => r.endpoint === endpoint).length,
    async close() {
      await keys.close();
      await api.close();
      closeDb(db);
    },
  };
}

export type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
