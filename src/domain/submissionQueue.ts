import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Clock } from './ports.js';
import type { Logger } from '../log.js';
import type { Generation } from './generation.js';
import type { ReplySetups } from './replySetups.js';
import type { GenerationLifecycle } from './generationLifecycle.js';
import type { GenerationSubmitter } from './generationSubmitter.js';
import type { KeyPool, PoolKey } from './keyPool.js';

export interface SubmissionQueueDeps {
  repo: GenerationRepo;
  generations: Pick<GenerationLifecycle, 'abort'>;
  submitter: Pick<GenerationSubmitter, 'send'>;
  /**
   * The operator's keys: which one has a free submit slot (the least loaded). A key whose account
   * is empty takes one retry now and then; a key paused after unknown outcomes takes nothing.
   */
  pool: KeyPool;
  replySetups: ReplySetups;
  clock: Clock;
  /** A request with images waiting longer is given up with its credits released: its image links expire. */
  maxWaitMs: number;
  log: Logger;
}

export type SubmissionQueue = ReturnType<typeof createSubmissionQueue>;

const SHOWN_POSITIONS = 200;
/** How far into the queue a retry of an empty account looks for a request cheaper than the one refused. */
const RETRY_SCAN = 1000;

/**
 * First come, first served on the operator's keys: a request goes straight out only when nobody
 * is waiting and some key has a slot; otherwise it waits, stored, in order, across restarts.
 */
export function createSubmissionQueue({ repo, generations, submitter, pool, replySetups, clock, maxWaitMs, log }: SubmissionQueueDeps) {
  /**
   * Tells waiting members their place and expected start. The reply is edited only when the place
   * first shows or has halved (or reached the top three): a long queue moving by one must not
   * edit every waiting message each time.
   */
  function refreshPositions(): void {
    repo.queued(SHOWN_POSITIONS).forEach((generation, index) => {
      const position = index + 1;
      const shown = generation.queuePosition;
      if (shown === position) return;
      const worthEditing = shown === null || position <= 3 || position <= shown / 2;
      if (!worthEditing) return;
      repo.placeInQueue(generation.id, position, pool.submitSlotFreeAt(position));
    });
  }

  // Discord's attachment links live about a day and the vendor fetches them only when it starts,
  // so a request with images cannot wait for ever; a text prompt waits its turn however long.
  function dropExpiring(): void {
    const cutoff = new Date(clock.now().getTime() - maxWaitMs);
    for (const generation of repo.queuedWithImagesBefore(cutoff)) generations.abort(generation, 'QUEUE_TIMEOUT');
  }

  /**
   * A key whose account is empty is tried now and then, not with the whole queue: each try spends
   * one of its requests. The first waiting request cheaper than the one the vendor refused goes first
   * (the requests it skips keep their turn), and cheaper ones keep going while the account takes
   * them. With none cheaper, the head is tried once, so a top-up is noticed without a resume.
   */
  async function retryEmptyAccount(key: PoolKey, stopping: AbortSignal | undefined): Promise<void> {
    let tried = false;
    while (key.account.isEmpty() && !stopping?.aborted && !key.unknowns.isPaused()) {
      const refused = key.account.refusedCredits();
      // One being set up is left to its own start(), as in the plain loop.
      const waiting = repo.queued(RETRY_SCAN).filter((generation) => !replySetups.has(generation.id));
      const next = (refused === null ? undefined : waiting.find((generation) => generation.credits < refused)) ?? (tried ? undefined : waiting[0]);
      if (!next || !key.budget.tryTakeForSubmit()) return;
      tried = true;
      log.info({ generationId: next.id, credits: next.credits, refused, keyFingerprint: key.fingerprint }, "the key's vendor account is empty: trying one waiting request");
      const sent = await submitter.send(next, key);
      if (sent.state === 'queued') return;
    }
  }

  return {
    /** Submits a new generation now if it is first in line and some key has a slot, else queues it. */
    async start(generation: Generation): Promise<Generation> {
      const current = repo.get(generation.id)!;
      if (current.state !== 'queued') return current;
      const key = repo.queued(1)[0]?.id === current.id ? pool.takeSubmitSlot() : undefined;
      if (key) return submitter.send(current, key);
      pool.queued();
      refreshPositions();
      log.info({ generationId: current.id, waiting: repo.queueLength() }, 'generation queued for the API key');
      return repo.get(current.id)!;
    },

    /** Sends waiting generations in order while some key has slots. */
    async submitDue(stopping?: AbortSignal): Promise<void> {
      dropExpiring();
      for (const key of pool.retryDue()) {
        await retryEmptyAccount(key, stopping);
        key.account.retried();
      }
      // A key that just refused (429, empty account) is not asked again this round, whatever it said.
      const refused = new Set<string>();
      // A head whose reply is being set up keeps its place: its own start() sends it a moment later.
      for (let next = repo.queued(1)[0]; next && !stopping?.aborted && !replySetups.has(next.id); next = repo.queued(1)[0]) {
        const key = pool.takeSubmitSlot(refused);
        if (!key) break;
        const sent = await submitter.send(next, key);
        if (sent.state === 'queued') refused.add(key.fingerprint);
      }
      refreshPositions();
    },

    /**
     * Generations waiting for a slot. One still being set up is not waiting: its own start() sends
     * it, and polls must keep the submit reserve free for it meanwhile.
     */
    length: () => repo.queueLength() - replySetups.ids().filter((id) => repo.get(id)?.state === 'queued').length,
  };
}
