import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { createFileDeliveries, type FileDeliveryDeps } from './fileDelivery.js';
import { isFinished, type Generation } from './generation.js';
import { isProgressOnOldReply } from './oldMessages.js';
import type { ReplySetups } from './replySetups.js';
import type { VideoFile } from './videoFiles.js';

/** How a generation reached its member: the order the notifier tries them in. */
export type DeliveryPath = 'webhook' | 'channel_edit' | 'new_message' | 'dm';

/** What Discord accepted: the message that now shows the generation (null for a DM) and the path taken. */
export interface Delivered {
  messageId: string | null;
  path: DeliveryPath;
}

/** Shows a generation's current state to its member; throws when it should be tried again later. */
export interface Notifier {
  /**
   * Resolves with the id of the message that now shows the generation, or null for a DM. With
   * files, they replace whatever the message held; throws FilesRefused when Discord will not take them.
   */
  deliver(generation: Generation, files?: readonly VideoFile[]): Promise<Delivered>;
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
  /** Finished videos attached as files; left out, they are shown as links. */
  files?: Pick<FileDeliveryDeps, 'downloader' | 'pool' | 'retries'>;
}

export type DeliveryOutbox = ReturnType<typeof createDeliveryOutbox>;

const BACKOFF_STEPS = 8;
const BATCH = 25;

/**
 * Every visible change bumps a generation's revision; the outbox tells Discord until the delivered
 * revision catches up. A delivery counts only once Discord accepted it, so a restart resends what
 * was due and nothing else.
 */
export function createDeliveryOutbox({ repo, notifier, replySetups, clock, retryMs, log, onDelivered, files }: DeliveryOutboxDeps) {
  function recordDelivered(generation: Generation, { messageId, path }: Delivered): void {
    repo.markDelivered(generation.id, generation.revision, messageId);
    const { finishedAt } = generation;
    onDelivered?.(path, isFinished(generation) && finishedAt ? clock.now().getTime() - finishedAt.getTime() : null);
  }

  async function deliver(generation: Generation): Promise<boolean> {
    const revision = generation.revision;
    if (isProgressOnOldReply(generation, clock.now())) {
      // Not shown, on purpose: the result will be.
      repo.markDelivered(generation.id, revision);
      return true;
    }
    try {
      recordDelivered(generation, await notifier.deliver(generation));
      return true;
    } catch (error) {
      const attempts = generation.deliveryAttempts + 1;
      // Never recorded as delivered: the member may only see it once Discord answers again, so
      // the back-off stops growing and the operator hears about it once.
      const delay = retryMs * 2 ** (Math.min(attempts, BACKOFF_STEPS) - 1);
      const fields = { generationId: generation.id, revision, attempts, retryInMs: delay, err: error };
      if (attempts === BACKOFF_STEPS) log.error(fields, 'still cannot tell Discord about a generation; retrying at the longest interval');
      else log.warn(fields, 'could not tell Discord about a generation; will retry');
      repo.retryDeliveryLater(generation.id, attempts, new Date(clock.now().getTime() + delay));
      return false;
    }
  }

  const fileDeliveries = files
    ? createFileDeliveries({ ...files, repo, notifier, clock, retryMs, log, recordDelivered, deliverLinks: deliver })
    : undefined;

  return {
    /** Shows the generation now; a finished video's file is left to the file pool. */
    async deliver(generation: Generation): Promise<boolean> {
      if (!fileDeliveries?.wants(generation)) return deliver(generation);
      fileDeliveries.start(generation);
      return false;
    },
    /** Delivers what is due; finished videos are handed to the file pool, so a slow download holds back nothing here. */
    async deliverDue(stopping?: AbortSignal): Promise<number> {
      const due = repo.pendingDeliveries(clock.now(), BATCH, [...replySetups.ids(), ...(fileDeliveries?.busyIds() ?? [])]);
      let delivered = 0;
      for (const generation of due) {
        if (stopping?.aborted) break;
        if (fileDeliveries?.wants(generation)) fileDeliveries.start(generation);
        else if (await deliver(generation)) delivered += 1;
      }
      return delivered;
    },
  };
}
