import { openDb } from '../db/client.js';
import { createGenerationRepo } from '../db/generationRepo.js';
import { createDeliveryOutbox, type Notifier } from '../src/domain/deliveryOutbox.js';
import { isFinished } from '../src/domain/generation.js';
import { createGenerationService } from '../src/domain/generationService.js';
import { createPollOutcomes } from '../src/domain/pollOutcome.js';
import { createPollRunner } from '../src/domain/pollRunner.js';
import { budgetScarcity } from '../src/domain/pollSchedule.js';
import { createQuotaService } from '../src/domain/quota/quotaService.js';
import { createRequestBudget } from '../src/domain/requestBudget.js';
import { createSubmissionQueue } from '../src/domain/submissionQueue.js';
import { parseVideoRequest } from '../src/domain/videoRequest.js';
import { createLogger } from '../src/log.js';
import { createVeoClient } from '../src/veo/client.js';
import type { Observed, StrategyFactory } from './simulation.js';

/**
 * The bot's own domain, wired as src/app.ts does (and test/support/lifecycleHarness.ts), with a
 * credit budget that never refuses and a Discord notifier that accepts every edit at once.
 * A tick runs the poller's steps in the bot's order: deliver, submit, poll.
 */
export const oursStrategy: StrategyFactory = async ({ clock, api, config, apiKey }) => {
  const { timing } = config;
  const rate = config.nanophoto.rateLimit;
  const veo = createVeoClient({ baseUrl: api.url, apiKey, timeoutMs: config.nanophoto.timeoutMs, now: () => clock.now().getTime() });
  const db = openDb(':memory:');
  let warnings = 0;
  const log = createLogger({ level: 'warn', write: () => void (warnings += 1), secrets: [apiKey] });
  const quota = createQuotaService({ db, clock, defaults: { ...config.quota, budget: null } });
  const budget = createRequestBudget({ db, clock, limit: rate.limit, windowMs: rate.windowMs, pollReserve: rate.pollReserve });
  const generations = createGenerationService({ db, veo, ledger: quota, budget, clock, timing, log });
  const queue = createSubmissionQueue({ db, generations, budget, clock, maxWaitMs: timing.queueMaxWaitMs, log });
  const scarcity = () => budgetScarcity(budget.available(), budget.limit);
  const outcomes = createPollOutcomes({ db, ledger: quota, clock, timing, scarcity, log });
  const polls = createPollRunner({
    db,
    veo,
    outcomes,
    budget,
    submitReserve: rate.submitReserve,
    queueLength: queue.length,
    clock,
    batchSize: timing.pollBatchSize,
    retryMs: timing.pollIntervalMs,
    log,
  });

  const indexOf = new Map<number, number>();
  const edited = new Map<number, { at: number; state: 'completed' | 'partial' | 'failed' }>();
  let discordEdits = 0;
  const notifier: Notifier = {
    async deliver(generation) {
      discordEdits += 1;
      if (isFinished(generation) && !edited.has(generation.id)) {
        edited.set(generation.id, { at: clock.now().getTime(), state: generation.state as 'completed' | 'partial' | 'failed' });
      }
      return { messageId: `9000000000000${String(generation.id).padStart(5, '0')}` };
    },
  };
  const outbox = createDeliveryOutbox({ db, notifier, clock, retryMs: timing.deliveryRetryMs, log });
  const repo = createGenerationRepo(db);
  const origin = (index: number) => ({
    guildId: '100000000000000001',
    channelId: '300000000000000001',
    userId: `2000000000000000${String(index % 40).padStart(2, '0')}`,
    interactionId: null,
  });

  return {
    async submit(submission) {
      const request = parseVideoRequest({ text: submission.prompt, images: [], mode: null, aspect: null, resolution: null });
      const generation = await queue.start(generations.create(origin(submission.index), [], request));
      indexOf.set(generation.id, submission.index);
    },
    async tick() {
      await outbox.deliverDue();
      await queue.submitDue();
      await polls.pollDue();
    },
    settled: () => edited.size === indexOf.size,
    observe(): Observed[] {
      return [...indexOf].map(([id, index]) => {
        const seen = edited.get(id);
        return { index, acceptedAt: repo.get(id)?.submittedAt?.getTime(), editedAt: seen?.at, outcome: seen?.state };
      });
    },
    extras() {
      const finishedInDb = [...indexOf.keys()].map((id) => repo.get(id)).filter((g) => g && isFinished(g)).length;
      return { discordEdits, warnings, finishedInDb };
    },
    async close() {
      await veo.close();
      if (db.$client.open) db.$client.close();
    },
  };
};
