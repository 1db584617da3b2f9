import { Agent } from 'undici';
import { VeoApiError } from '../src/veo/errors.js';
import type { TaskRef } from '../src/veo/types.js';
import { createVeoClient } from '../src/veo/client.js';
import type { Observed, StrategyFactory, Submission } from './simulation.js';

const RETRY_MS = 5_000;
const POLL_MS = 5_000;

interface Job {
  submission: Submission;
  phase: 'generating' | 'polling' | 'done';
  nextAt: number;
  tasks: TaskRef[];
  acceptedAt: number | undefined;
  editedAt: number | undefined;
  outcome: Observed['outcome'];
}

/**
 * The vendor's example client, one per submission: generate at once (on 429 try again every
 * 5 s), then ask about its own tasks every 5 s until they are done (on 429, again in 5 s).
 * It edits the member's reply the moment it sees the result.
 */
export const vendorStrategy: StrategyFactory = async ({ clock, api, config, apiKey }) => {
  // Many independent clients: more sockets than the bot's client keeps, so the wall clock stays short.
  const dispatcher = new Agent({ connections: 16 });
  const veo = createVeoClient({ baseUrl: api.url, apiKey, timeoutMs: config.nanophoto.timeoutMs, dispatcher, now: () => clock.now().getTime() });
  const jobs: Job[] = [];
  const now = () => clock.now().getTime();
  const rateLimited = (error: unknown) => error instanceof VeoApiError && error.code === 'API_KEY_RATE_LIMIT_EXCEEDED';

  function finish(job: Job, outcome: Job['outcome']): void {
    job.phase = 'done';
    job.editedAt = now();
    job.outcome = outcome;
  }

  async function generate(job: Job): Promise<void> {
    try {
      const result = await veo.generate({
        resolution: '720p',
        shots: job.submission.shotPrompts.map((prompt, shot) => ({
          id: `vendor-${job.submission.index}-${shot + 1}`,
          prompt,
          generationType: 'TEXT_2_VIDEO' as const,
          aspectRatio: '16:9' as const,
          imageUrls: [],
        })),
      });
      if (result.shots.length === 0) return finish(job, 'failed');
      job.tasks = result.shots.map(({ shotId, taskId }) => ({ shotId, taskId }));
      job.acceptedAt = now();
      job.phase = 'polling';
      job.nextAt = now() + POLL_MS;
    } catch (error) {
      if (!rateLimited(error)) return finish(job, 'failed');
      job.nextAt = now() + RETRY_MS;
    }
  }

  async function poll(job: Job): Promise<void> {
    try {
      const result = await veo.checkStatus(job.tasks, '720p');
      if (result.status === 'completed') return finish(job, 'completed');
      if (result.status === 'failed') return finish(job, 'failed');
      job.nextAt = now() + POLL_MS;
    } catch (error) {
      if (!rateLimited(error)) return finish(job, 'failed');
      job.nextAt = now() + RETRY_MS;
    }
  }

  return {
    async submit(submission) {
      const job: Job = { submission, phase: 'generating', nextAt: now(), tasks: [], acceptedAt: undefined, editedAt: undefined, outcome: undefined };
      jobs.push(job);
      await generate(job);
    },
    async tick() {
      const due = jobs.filter((job) => job.phase !== 'done' && job.nextAt <= now());
      await Promise.all(due.map((job) => (job.phase === 'polling' ? poll(job) : generate(job))));
    },
    settled: () => jobs.every((job) => job.phase === 'done'),
    observe: () => jobs.map((job) => ({ index: job.submission.index, acceptedAt: job.acceptedAt, editedAt: job.editedAt, outcome: job.outcome })),
    extras: () => ({}),
    async close() {
      await veo.close();
      await dispatcher.close();
    },
  };
};
