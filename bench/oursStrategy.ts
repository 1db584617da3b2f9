import { closeDb, openDb } from '../db/client.js';
import { createRepos } from '../db/repos.js';
import { createDomainServices } from '../src/domain/domainServices.js';
import { noOperatorLimits } from '../src/domain/operator/operatorRules.js';
import { isFinished } from '../src/domain/generation.js';
import type { Notifier } from '../src/domain/ports.js';
import { parseVideoRequest } from '../src/domain/videoRequest.js';
import { createLogger } from '../src/log.js';
import { createTaskPool } from '../src/taskPool.js';
import { createVeoClient } from '../src/veo/client.js';
import { createVendorKeys } from '../src/veo/vendorKeys.js';
import type { Observed, StrategyFactory } from './simulation.js';

/**
 * The bot's own domain, wired by the same createDomainServices as src/app.ts, with a credit budget
 * that never refuses and a Discord notifier that accepts every edit at once. A tick runs the
 * poller's steps in the bot's order (src/domain/tickSteps.ts).
 */
export const oursStrategy: StrategyFactory = async ({ clock, api, config, apiKeys }) => {
  const { timing } = config;
  const keys = createVendorKeys(apiKeys, (key) => createVeoClient({ baseUrl: api.url, apiKey: key, timeoutMs: config.nanophoto.timeoutMs, now: () => clock.now().getTime() }));
  const db = openDb(':memory:');
  const repos = createRepos(db);
  let warnings = 0;
  const log = createLogger({ level: 'warn', write: () => void (warnings += 1), secrets: apiKeys });
  const indexOf = new Map<number, number>();
  const edited = new Map<number, { at: number; state: 'completed' | 'partial' | 'failed' }>();
  let discordEdits = 0;
  const show: Notifier['deliver'] = async (generation) => {
    discordEdits += 1;
    if (isFinished(generation) && !edited.has(generation.id)) {
      edited.set(generation.id, { at: clock.now().getTime(), state: generation.state as 'completed' | 'partial' | 'failed' });
    }
    return { messageId: `9000000000000${String(generation.id).padStart(5, '0')}`, path: 'webhook' as const };
  };
  const notifier: Notifier = { deliver: show, deliverFiles: (generation) => show(generation) };
  const { generations, queue, steps } = createDomainServices({
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
    videoFiles: { ...config.videoFiles, enabled: false },
    alertOperator: () => undefined,
    log,
  });
  const origin = (index: number) => ({
    guildId: '100000000000000001',
    channelId: '300000000000000001',
    userId: `2000000000000000${String(index % 40).padStart(2, '0')}`,
    interactionId: null,
    locale: null,
    guildLocale: null,
    attachmentSizeLimit: null,
  });

  return {
    async submit(submission) {
      const request = parseVideoRequest({ text: submission.shotPrompts.join(' || '), images: [], mode: null, aspect: null, resolution: null });
      const generation = await queue.start(generations.create(origin(submission.index), [], request));
      indexOf.set(generation.id, submission.index);
    },
    async tick() {
      for (const step of steps) await step.run();
    },
    settled: () => edited.size === indexOf.size,
    observe(): Observed[] {
      return [...indexOf].map(([id, index]) => {
        const seen = edited.get(id);
        return { index, acceptedAt: repos.generations.get(id)?.submittedAt?.getTime(), editedAt: seen?.at, outcome: seen?.state };
      });
    },
    extras: () => ({ discordEdits, warnings }),
    async close() {
      await keys.close();
      closeDb(db);
    },
  };
};
