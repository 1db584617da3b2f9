import { randomBytes } from 'node:crypto';
import { closeDb, openDb } from '../db/client.js';
import { createRepos } from '../db/repos.js';
import type { ManualClock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import { createDomainServices } from '../src/domain/domainServices.js';
import type { Generation } from '../src/domain/generation.js';
import { noOperatorLimits } from '../src/domain/operator/operatorRules.js';
import type { Notifier } from '../src/domain/ports.js';
import { createLogger } from '../src/log.js';
import { createKeyCipher } from '../src/secrets/keyCipher.js';
import { createTaskPool } from '../src/taskPool.js';
import { createVeoClient } from '../src/veo/client.js';
import { createVendorKeys } from '../src/veo/vendorKeys.js';
import type { FakeNanophoto } from '../test/support/fakeNanophoto.js';

export interface BenchBotOptions {
  clock: ManualClock;
  api: FakeNanophoto;
  config: Config;
  /** The operator's keys (NANOPHOTO_API_KEYS). */
  apiKeys: readonly string[];
  /** Every reply edit the outbox hands to (an instant) Discord. */
  onEdit?: (generation: Generation) => void;
  /** Servers' own keys are on (SERVER_KEYS=allowed with a fresh KEY_ENCRYPTION_SECRET); off when false. */
  serverKeys?: boolean;
}

/**
 * The bot's own domain, wired by the same createDomainServices as src/app.ts, over in-memory
 * SQLite, with a credit budget that never refuses and a Discord notifier that accepts every edit
 * at once. A tick runs the poller's steps in the bot's order (src/domain/tickSteps.ts).
 */
export function startBenchBot({ clock, api, config, apiKeys, onEdit, serverKeys: withServerKeys = false }: BenchBotOptions) {
  const { timing } = config;
  const keys = createVendorKeys([...apiKeys], (key) => createVeoClient({ baseUrl: api.url, apiKey: key, timeoutMs: config.nanophoto.timeoutMs, now: () => clock.now().getTime() }));
  const db = openDb(':memory:');
  const repos = createRepos(db);
  let warnings = 0;
  const log = createLogger({ level: 'warn', write: () => void (warnings += 1), secrets: [...apiKeys] });
  const show: Notifier['deliver'] = async (generation) => {
    onEdit?.(generation);
    return { messageId: `9000000000000${String(generation.id).padStart(5, '0')}`, path: 'webhook' as const };
  };
  const notifier: Notifier = { deliver: show, deliverFiles: (generation) => show(generation) };
  const { generations, queue, steps, serverKeys, recoverAtStart } = createDomainServices({
    repos,
    keys,
    notifier,
    downloader: { download: () => Promise.reject(new Error('the benchmark sends videos as links')) },
    imageLinks: { allAnswer: () => Promise.reject(new Error('the benchmark keeps no images')) },
    createTaskPool,
    clock,
    timing,
    rateLimit: config.nanophoto.rateLimit,
    quota: { ...config.quota, budget: null },
    operator: { ...noOperatorLimits, emptyAccountRetryMs: config.operator.emptyAccountRetryMs, unknownOutcomePause: config.operator.unknownOutcomePause },
    members: config.members,
    promptRetentionDays: null,
    // The benchmark's servers never turn approval or the log on.
    moderationPosts: { showApproval: () => Promise.reject(new Error('no approval in the benchmark')), showLog: () => Promise.reject(new Error('no log in the benchmark')) },
    approvalTtlMs: 24 * 60 * 60_000,
    videoFiles: { ...config.videoFiles, enabled: false },
    alertOperator: () => undefined,
    ...(withServerKeys ? { serverKeys: { mode: 'allowed' as const, box: createKeyCipher(randomBytes(32)), previousBox: undefined }, alertServer: () => undefined } : {}),
    log,
  });
  recoverAtStart();
  return {
    repos,
    generations,
    queue,
    serverKeys,
    async tick(): Promise<void> {
      for (const step of steps) await step.run();
    },
    warnings: () => warnings,
    async close(): Promise<void> {
      await keys.close();
      closeDb(db);
    },
  };
}
