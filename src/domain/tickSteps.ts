import type { DeliveryOutbox } from './deliveryOutbox.js';
import type { PollRunner } from './pollRunner.js';
import type { ResultErasure } from './privacy/resultErasure.js';
import type { SubmissionQueue } from './submissionQueue.js';

/**
 * One step of work the poller runs each tick; a failing step never stops the others. `stopping`
 * aborts when the bot shuts down: a step finishes the request it is in, and starts no other.
 */
export interface TickStep {
  name: string;
  run(stopping?: AbortSignal): Promise<unknown>;
}

export interface TickParts {
  polls: Pick<PollRunner, 'pollIfStarved' | 'pollDue'>;
  queue: Pick<SubmissionQueue, 'submitDue'>;
  /** Shows the tick's results in Discord. */
  outbox: Pick<DeliveryOutbox, 'deliverDue'>;
  /** Blanks removed results that finished, and results past the retention. */
  erasure: Pick<ResultErasure, 'run'>;
  /** Expires requests no moderator decided, and shows approval messages and log posts. */
  moderation?: { runDue(stopping?: AbortSignal): Promise<void> };
}

/** One poller tick, in order. Once the bot stops, each step finishes its request and sends no other. */
export function tickSteps({ polls, queue, outbox, erasure, moderation }: TickParts): TickStep[] {
  return [
    // First: an expired approval releases its credits before the queue looks at budgets.
    ...(moderation ? [{ name: 'moderation', run: (stopping?: AbortSignal) => moderation.runDue(stopping) }] : []),
    // Only while submissions have taken every slot for the polls' share of the window.
    { name: 'poll-starved', run: (stopping) => polls.pollIfStarved(stopping) },
    // Submissions before polls: a waiting member has nothing yet, a running one only waits.
    { name: 'submit', run: (stopping) => queue.submitDue(stopping) },
    { name: 'poll', run: (stopping) => polls.pollDue(stopping) },
    // Last, so a video found by this tick's poll reaches Discord in the same tick.
    { name: 'deliver', run: (stopping) => outbox.deliverDue(stopping) },
    // After the poll: a removed result that finished in this tick is blanked in it.
    { name: 'erase', run: async () => erasure.run() },
  ];
}
