import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Delivered, Notifier } from './deliveryOutbox.js';
import { isFinished, videoLinks, type FileFallback, type Generation } from './generation.js';
import type { TaskPool } from './taskPool.js';
import {
  DEFAULT_ATTACHMENT_LIMIT,
  FilesRefused,
  MAX_FILES_PER_MESSAGE,
  MAX_REQUEST_BYTES,
  type DownloadedVideo,
  type VideoDownloader,
  type VideoFile,
} from './videoFiles.js';

export interface FileDeliveryDeps {
  repo: GenerationRepo;
  notifier: Notifier;
  downloader: VideoDownloader;
  pool: TaskPool;
  clock: Clock;
  /** Tries again after a network error or 5xx, at most this many times, then shows the link. */
  retries: number;
  retryMs: number;
  log: Logger;
  /** The outbox's record of what Discord accepted. */
  recordDelivered(generation: Generation, delivered: Delivered): void;
  /** The outbox's delivery of a generation as links. */
  deliverLinks(generation: Generation): Promise<boolean>;
}

export type FileDeliveries = ReturnType<typeof createFileDeliveries>;

type Collected = { files: VideoFile[] } | { fallback: FileFallback; detail: string } | { retry: string };

const fileName = (generation: Generation, index: number, count: number) =>
  count > 1 && !generation.videoUrl ? `veo-${generation.id}-shot-${index + 1}.mp4` : `veo-${generation.id}.mp4`;

/**
 * Finished videos go to Discord as files, in a pool of their own beside the poller's tick: the
 * bytes are downloaded (within Discord's upload limit where the reply is), then the reply is
 * edited with them. What can never work (too large, not an MP4, refused by the vendor or by
 * Discord) shows the link at once; what may pass later is retried a few times, then the link.
 */
export function createFileDeliveries(deps: FileDeliveryDeps) {
  const { repo, notifier, downloader, pool, clock, retries, retryMs, log } = deps;
  const toldToReinvite = new Set<string>();

  /** Downloads the videos that fit one message; what it downloaded is left in `held` for the caller to dispose of. */
  async function collect(generation: Generation, signal: AbortSignal, held: DownloadedVideo[]): Promise<Collected> {
    const links = videoLinks(generation).slice(0, MAX_FILES_PER_MESSAGE);
    const limit = generation.attachmentSizeLimit ?? DEFAULT_ATTACHMENT_LIMIT;
    let room = Math.max(MAX_REQUEST_BYTES, limit);
    const files: VideoFile[] = [];
    for (const [index, url] of links.entries()) {
      const result = await downloader.download(url, Math.min(limit, room), signal);
      if (result.ok) {
        held.push(result.video);
        files.push({ name: fileName(generation, index, links.length), size: result.video.size, content: result.video.content });
        room -= result.video.size;
        continue;
      }
      if (result.failure === 'unreachable') return { retry: result.detail };
      if (index === 0) return { fallback: result.failure === 'refused' ? 'unavailable' : result.failure, detail: result.detail };
      // The shots that fit go as files, in order; this one and the rest stay links.
      break;
    }
    return { files };
  }

  async function fallBack(generation: Generation, reason: FileFallback, detail: string): Promise<void> {
    const fields = { generationId: generation.id, reason, detail };
    if (reason === 'no_permission') {
      if (!toldToReinvite.has(generation.guildId)) {
        toldToReinvite.add(generation.guildId);
        log.warn({ ...fields, guildId: generation.guildId }, 'the bot lacks Attach Files in this server; videos are shown as links there until it is re-invited with the current invite URL');
      }
    } else {
      log.warn(fields, 'video shown as a link instead of a file');
    }
    repo.fallBackToLink(generation.id, reason);
    await deps.deliverLinks({ ...generation, fileFallback: reason });
  }

  async function retryLater(generation: Generation, detail: string): Promise<void> {
    const attempts = generation.fileAttempts + 1;
    if (attempts > retries) return fallBack(generation, 'unavailable', `gave up after ${retries} retries: ${detail}`);
    const delay = retryMs * 2 ** (attempts - 1);
    log.info({ generationId: generation.id, attempts, retryInMs: delay, detail }, 'could not deliver the video file; will retry');
    repo.retryFileLater(generation.id, attempts, new Date(clock.now().getTime() + delay));
  }

  async function run(id: number, signal: AbortSignal): Promise<void> {
    const held: DownloadedVideo[] = [];
    try {
      await deliverFiles(id, signal, held);
    } finally {
      await Promise.allSettled(held.map((video) => video.dispose()));
    }
  }

  async function deliverFiles(id: number, signal: AbortSignal, held: DownloadedVideo[]): Promise<void> {
    const generation = repo.get(id);
    if (!generation || generation.deliveredRevision >= generation.revision || !wants(generation)) return;
    let collected: Collected;
    try {
      collected = await collect(generation, signal, held);
    } catch (error) {
      // Shutting down: the download is dropped and a restart tries again.
      if (signal.aborted) return;
      throw error;
    }
    if (signal.aborted) return;
    // Removed by its member while the file was on its way: nothing is shown for it again.
    if (repo.get(id)?.removedAt) return;
    if ('retry' in collected) return retryLater(generation, collected.retry);
    if ('fallback' in collected) return fallBack(generation, collected.fallback, collected.detail);
    try {
      deps.recordDelivered(generation, await notifier.deliver(generation, collected.files));
    } catch (error) {
      if (error instanceof FilesRefused) return fallBack(generation, error.reason, error.message);
      return retryLater(generation, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  function wants(generation: Generation): boolean {
    return isFinished(generation) && generation.fileFallback === null && videoLinks(generation).length > 0;
  }

  return {
    wants,
    busyIds: () => pool.keys(),
    /** Queues the file delivery; it runs in the pool, never in the caller's time. */
    start: (generation: Generation) => void pool.add(generation.id, (signal) => run(generation.id, signal)),
  };
}
