import type { Dispatcher } from 'undici';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { createRepos } from '../../db/repos.js';
import { ManualClock } from '../../src/clock.js';
import type { QuotaDefaults } from '../../src/domain/quota/types.js';
import { createDomainServices } from '../../src/domain/domainServices.js';
import type { OperatorAlert, ServerAlert } from '../../src/domain/ports.js';
import type { ServerKeyMode } from '../../src/domain/serverKeys/serverKeys.js';
import { createKeyCipher } from '../../src/secrets/keyCipher.js';
import { noOperatorLimits, type OperatorPolicy } from '../../src/domain/operator/operatorRules.js';
import type { Origin } from '../../src/domain/generation.js';
import { parseVideoRequest, type VideoRequestInput } from '../../src/domain/videoRequest.js';
import type { Notifier } from '../../src/domain/ports.js';
import type { RateLimit } from '../../src/domain/requestBudget.js';
import { tickSteps } from '../../src/domain/tickSteps.js';
import { createLogger } from '../../src/log.js';
import { createTaskPool } from '../../src/taskPool.js';
import { createVeoClient } from '../../src/veo/client.js';
import { createVendorKeys } from '../../src/veo/vendorKeys.js';
import { startFakeNanophoto, type FakeNanophoto, type FakeNanophotoOptions } from './fakeNanophoto.js';

export const minute = 60_000;
export const timing = {
  shotMinMs: 2 * minute,
  shotMaxMs: 5 * minute,
  pollIntervalMs: 30_000,
  pollMaxIntervalMs: 5 * minute,
  generationGraceMs: 30 * minute,
  queueMaxWaitMs: 6 * 60 * minute,
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
  quota?: Partial<QuotaDefaults>;
  batchSize?: number;
  rateLimit?: Partial<RateLimit>;
  operator?: Partial<OperatorPolicy>;
  /** Reopen this database file instead of a fresh in-memory one (restart tests). */
  databasePath?: string;
  /** The HTTP dispatcher for the API client, e.g. an undici MockAgent that answers some requests itself and passes the rest to the fake. */
  dispatcher?: Dispatcher;
  /** Servers' own keys: SERVER_KEYS and the secrets (32 bytes each); off when left out. */
  serverKeys?: { mode: ServerKeyMode; secret?: Buffer; previousSecret?: Buffer };
}

export async function startLifecycle(options: LifecycleOptions = {}) {
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 12));
  const api: FakeNanophoto = await startFakeNanophoto({ now: () => clock.now().getTime(), shotDurationMs: 150_000, ...options.api });
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', write: (line) => logs.push(line), secrets: ['test-key'] });
  const keys = createVendorKeys(['test-key'], (apiKey) =>
    createVeoClient({ baseUrl: api.url, apiKey, timeoutMs: 500, log, ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}) }),
  );
  const db: Db = openDb(options.databasePath ?? ':memory:');
  const repos = createRepos(db);
  const alerts: OperatorAlert[] = [];
  const serverAlerts: ServerAlert[] = [];
  const keySettings = options.serverKeys;
  const { ledger, checks, quotaAdmin, operator, budget, generations, submitter, queue, replySetups, outcomes, polls, results, serverKeys, startGeneration } = createDomainServices({
    repos,
    keys,
    notifier: noDiscord,
    downloader: { download: () => Promise.reject(new Error('the lifecycle harness downloads no video')) },
    imageLinks: { allAnswer: () => Promise.reject(new Error('the lifecycle harness checks no image link')) },
    createTaskPool,
    clock,
    timing: { ...timing, pollBatchSize: options.batchSize ?? 50 },
    rateLimit: { limit: 100, windowMs: 60 * minute, pollReserve: 12, submitReserve: 5, burst: options.rateLimit?.limit ?? 100, ...options.rateLimit },
    quota: { budget: 1000, period: 'week', memberCap: null, confirmThreshold: 30, ...options.quota },
    operator: { ...noOperatorLimits, emptyAccountRetryMs: 15 * minute, unknownOutcomePause: 3, ...options.operator },
    videoFiles: { enabled: false, concurrency: 1, retries: 0 },
    alertOperator: (alert) => alerts.push(alert),
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
  });
  serverKeys.open();
  const repo = repos.generations;
  const steps = tickSteps({ polls, queue, outbox: { deliverDue: async () => 0 } });

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
    startGeneration,
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
    budget,
    queue,
    replySetups,
    results,
    submit: (overrides: Partial<VideoRequestInput> = {}, userId?: string) =>
      queue.start(generations.create(origin(userId), member.roleIds, request(overrides))),
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
