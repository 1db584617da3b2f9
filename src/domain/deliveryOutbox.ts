import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { isFinished, type Generation } from './generation.js';
import type { ReplySetups } from './replySetups.js';

/** How a generation reached its member: the order the notifier tries them in. */
export type DeliveryPath = 'webhook' | 'channel_edit' | 'new_message' | 'dm';

/** Shows a generation's current state to its member; throws when it should be tried again later. */
export interface Notifier {
  /** Resolves with the id of the message that now shows the generation (null for a DM) and the path taken. */
  deliver(generation: Generation): Promise<{ messageId: string | null; path: DeliveryPath }>;
}

/** Told of every delivery Discord accepted; `shownAfterMs` (ready → shown) only for a finished generation. */
export type DeliveryObserver = (path: DeliveryPath, shownAfterMs: number | null) => void;

export interface DeliveryOutboxDeps {
  repo: GenerationRepo;
  notifier: Notifier;
  replySetups: ReplySetups;
  clock: Clock;
  retryMs: number;
  log: Logger;
  onDelivered?: DeliveryObserver;
}

export type DeliveryOutbox = ReturnType<typeof createDeliveryOutbox>;

const BACKOFF_STEPS = 8;
const BATCH = 25;

/**
 * Every visible change bumps a generation's revision; the outbox tells Discord until the delivered
 * revision catches up. A delivery counts only once Discord accepted it, so a restart resends what
 * was due and nothing else.
 */
export function createDeliveryOutbox({ repo, notifier, replySetups, clock, retryMs, log, onDelivered }: DeliveryOutboxDeps) {
  async function deliver(generation: Generation): Promise<boolean> {
    const revision = generation.revision;
    try {
      const { messageId, path } = await notifier.deliver(generation);
      repo.update(
        generation.id,
        {
          deliveredRevision: revision,
          deliveryAttempts: 0,
          nextDeliveryAt: null,
          ...(messageId ? { replyMessageId: messageId } : {}),
        },
        false,
      );
      const { finishedAt } = generation;
      onDelivered?.(path, isFinished(generation) && finishedAt ? clock.now().getTime() - finishedAt.getTime() : null);
      return true;
    } catch (error) {
      const attempts = generation.deliveryAttempts + 1;
      // Never recorded as delivered: the member may only see it once Discord answers again, so
      // the back-off stops growing and the operator hears about it once.
      const delay = retryMs * 2 ** (Math.min(attempts, BACKOFF_STEPS) - 1);
      const fields = { generationId: generation.id, revision, attempts, retryInMs: delay, err: error };
      if (attempts === BACKOFF_STEPS) log.error(fields, 'still cannot tell Discord about a generation; retrying at the longest interval');
      else log.warn(fields, 'could not tell Discord about a generation; will retry');
      repo.update(generation.id, { deliveryAttempts: attempts, nextDeliveryAt: new Date(clock.now().getTime() + delay) }, false);
      return false;
    }
  }

  return {
    deliver,
    async deliverDue(stopping?: AbortSignal): Promise<number> {
      const due = repo.pendingDeliveries(clock.now(), BATCH).filter((g) => !replySetups.has(g.id));
      let delivered = 0;
      for (const generation of due) {
        if (stopping?.aborted) break;
        if (await deliver(generation)) delivered += 1;
      }
      return delivered;
    },
  };
}
