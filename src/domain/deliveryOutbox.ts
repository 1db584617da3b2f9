import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Logger } from '../log.js';
import { deliverFiles, wantsFiles, type FileOutcome } from './fileDelivery.js';
import { isFinished, type FileFallback, type Generation } from './generation.js';
import { isProgressOnOldReply } from './oldMessages.js';
import type { Clock, Delivered, DeliveryObserver, Notifier, TaskPool, VideoDownloader, VideoTranscoder } from './ports.js';
import type { ReplySetups } from './replySetups.js';

/** Finished videos attached as files, in a pool of their own beside the poller's tick. */
export interface OutboxFiles {
  downloader: VideoDownloader;
  /** Copies that fit of videos over the upload limit, made in the pool's time; left out, those are links. */
  transcoder?: VideoTranscoder;
  pool: TaskPool;
  /** Tries again after a network error or 5xx, at most this many times, then shows the link. */
  retries: number;
}

export interface DeliveryOutboxDeps {
  repo: GenerationRepo;
  notifier: Notifier;
  replySetups: ReplySetups;
  clock: Clock;
  retryMs: number;
  log: Logger;
  onDelivered?: DeliveryObserver;
  /** Left out, finished videos are shown as links. */
  files?: OutboxFiles;
}

export type DeliveryOutbox = ReturnType<typeof createDeliveryOutbox>;

const BACKOFF_STEPS = 8;
const BATCH = 25;

/**
 * Every visible change bumps a generation's revision; the outbox tells Discord until the delivered
 * revision catches up. A delivery counts only once Discord accepted it, so a restart resends what
 * was due and nothing else. The outbox alone records how deliveries went, files included.
 */
export function createDeliveryOutbox({ repo, notifier, replySetups, clock, retryMs, log, onDelivered, files }: DeliveryOutboxDeps) {
  const toldToReinvite = new Set<string>();

  function recordDelivered(generation: Generation, { messageId, path }: Delivered): void {
    repo.markDelivered(generation.id, generation.revision, messageId);
    // A DM has no message in the generation's channel; every other path's message carries its buttons.
    if (messageId && path !== 'dm') repo.recordMessage(generation.id, messageId, clock.now());
    const { finishedAt } = generation;
    onDelivered?.(path, isFinished(generation) && finishedAt ? clock.now().getTime() - finishedAt.getTime() : null);
  }

  /** Shows the generation with links only. */
  async function deliverLinks(generation: Generation): Promise<boolean> {
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

  async function fallBackToLink(generation: Generation, reason: FileFallback, detail: string): Promise<void> {
    const fields = { generationId: generation.id, reason, detail };
    if (reason === 'no_permission') {
      if (!toldToReinvite.has(generation.guildId)) {
        toldToReinvite.add(generation.guildId);
        log.warn({ ...fields, guildId: generation.guildId }, 'the bot lacks Attach Files in this server; videos are shown as links there until it is re-invited with the current invite URL');
      }
    } else {
      log.warn(fields, 'video shown as a link instead of a file');
    }
    // Stored with the video, so a restart does not try the file again.
    repo.fallBackToLink(generation.id, reason);
    await deliverLinks({ ...generation, fileFallback: reason });
  }

  async function retryFileLater(generation: Generation, retries: number, detail: string): Promise<void> {
    const attempts = generation.fileAttempts + 1;
    if (attempts > retries) return fallBackToLink(generation, 'unavailable', `gave up after ${retries} retries: ${detail}`);
    const delay = retryMs * 2 ** (attempts - 1);
    log.info({ generationId: generation.id, attempts, retryInMs: delay, detail }, 'could not deliver the video file; will retry');
    repo.retryFileLater(generation.id, attempts, new Date(clock.now().getTime() + delay));
  }

  async function recordFiles(generation: Generation, outcome: FileOutcome, retries: number): Promise<void> {
    switch (outcome.kind) {
      case 'sent':
        return recordDelivered(generation, outcome.delivered);
      case 'fall_back':
        return fallBackToLink(generation, outcome.reason, outcome.detail);
      case 'retry_later':
        return retryFileLater(generation, retries, outcome.detail);
      case 'abandoned':
        return;
    }
  }

  /** Queues the file delivery; it runs in the pool, never in the caller's time. */
  function startFiles({ downloader, transcoder, pool, retries }: OutboxFiles, id: number): void {
    pool.add(id, async (signal) => {
      // Read again: the pool may have held it back while the tick went on.
      const generation = repo.get(id);
      if (!generation || generation.deliveredRevision >= generation.revision || !wantsFiles(generation)) return;
      const removed = () => Boolean(repo.get(id)?.removedAt);
      await recordFiles(generation, await deliverFiles(generation, { downloader, notifier, removed, ...(transcoder ? { transcoder } : {}) }, signal), retries);
    });
  }

  const filesFor = (generation: Generation) => (files && wantsFiles(generation) ? files : undefined);

  return {
    /** Shows the generation now; a finished video's file is left to the file pool. */
    async deliver(generation: Generation): Promise<boolean> {
      const withFiles = filesFor(generation);
      if (!withFiles) return deliverLinks(generation);
      startFiles(withFiles, generation.id);
      return false;
    },
    /** Delivers what is due; finished videos are handed to the file pool, so a slow download holds back nothing here. */
    async deliverDue(stopping?: AbortSignal): Promise<number> {
      const due = repo.pendingDeliveries(clock.now(), BATCH, [...replySetups.ids(), ...(files?.pool.keys() ?? [])]);
      let delivered = 0;
      for (const generation of due) {
        if (stopping?.aborted) break;
        const withFiles = filesFor(generation);
        if (withFiles) startFiles(withFiles, generation.id);
        else if (await deliverLinks(generation)) delivered += 1;
      }
      return delivered;
    },
  };
}
