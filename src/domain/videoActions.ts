import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Logger } from '../log.js';
import { refuse } from './errors.js';
import { videoLinks, type Generation } from './generation.js';
import { admit, type Asker } from './generationStarter.js';
import type { VideoDownloader, VideoTranscoder } from './ports.js';
import { priceOf } from './pricing.js';
import type { QuotaChecks } from './quota/quotaChecks.js';
import {
  DEFAULT_ATTACHMENT_LIMIT,
  MAX_FILES_PER_MESSAGE,
  MAX_REQUEST_BYTES,
  MAX_SOURCE_BYTES,
  type LocalFile,
  type LocalVideo,
  type VideoFile,
} from './videoFiles.js';

export interface VideoActionsDeps {
  repo: Pick<GenerationRepo, 'get'>;
  downloader: VideoDownloader;
  transcoder: VideoTranscoder;
  checks: Pick<QuotaChecks, 'check'>;
  log: Logger;
}

/** Files to send, held on disk until `dispose`. */
export interface HeldFiles {
  files: VideoFile[];
  dispose(): Promise<void>;
}

export type VideoActions = ReturnType<typeof createVideoActions>;

/**
 * What a finished result's Extend and Join do with its video on the bot's own disk: the last
 * frame an extension starts from, and the original and its extension joined. Neither costs a
 * credit or an API request; the extension itself starts as every other request does.
 */
export function createVideoActions({ repo, downloader, transcoder, checks, log }: VideoActionsDeps) {
  /** The video as a whole file; the last link of a story made in shots is its last shot. */
  async function fetchVideo(generation: Generation, signal: AbortSignal): Promise<LocalVideo> {
    const url = videoLinks(generation).at(-1);
    if (!url) return refuse('result_video_gone', { id: generation.id });
    const result = await downloader.download(url, MAX_SOURCE_BYTES, signal);
    if (result.ok) return result.video;
    if (result.failure === 'unreachable') return refuse('video_work_failed', { id: generation.id });
    return refuse('result_video_gone', { id: generation.id });
  }

  /** ffmpeg's failures are the member's to hear about in one sentence, the operator's in the log. */
  async function working<T>(id: number, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (signal.aborted) throw error;
      log.warn({ generationId: id, err: error }, 'ffmpeg failed on a video');
      return refuse('video_work_failed', { id });
    }
  }

  /** Whatever the video is now, under the upload limit where it is shown: itself, or a copy that fits. */
  async function copyThatFits(video: LocalVideo, limit: number, id: number, signal: AbortSignal): Promise<LocalVideo[]> {
    const room = { partBytes: limit, maxParts: MAX_FILES_PER_MESSAGE, totalBytes: Math.max(MAX_REQUEST_BYTES, limit) };
    const parts = await working(id, signal, () => transcoder.fit(video, room, signal));
    return parts ?? refuse('video_work_failed', { id });
  }

  return {
    /**
     * Extend's first step: the member may pay for one more shot at the original's resolution
     * (the start admits it again), then the original's last frame, as a PNG.
     */
    async extensionFrame(asker: Asker, original: Generation, signal: AbortSignal): Promise<LocalFile> {
      admit(checks, asker, priceOf(original.resolution, 1));
      const video = await fetchVideo(original, signal);
      try {
        return await working(original.id, signal, () => transcoder.lastFrame(video, signal));
      } finally {
        await video.dispose();
      }
    },

    /** Join: the original followed by its extension, as files that fit where the extension is shown. */
    async joined(extension: Generation, signal: AbortSignal): Promise<HeldFiles> {
      const originalId = extension.extendsGenerationId;
      const original = originalId === null ? undefined : repo.get(originalId);
      if (!original || original.removedAt) return refuse('result_video_gone', { id: originalId ?? extension.id });
      const held: LocalVideo[] = [];
      const dispose = async () => void (await Promise.allSettled(held.map((file) => file.dispose())));
      try {
        const first = await fetchVideo(original, signal);
        held.push(first);
        const second = await fetchVideo(extension, signal);
        held.push(second);
        const both = await working(extension.id, signal, () => transcoder.join(first, second, signal));
        held.push(both);
        const limit = extension.attachmentSizeLimit ?? DEFAULT_ATTACHMENT_LIMIT;
        const name = `veo-${original.id}-${extension.id}`;
        if (both.size <= limit) return { files: [{ name: `${name}.mp4`, size: both.size, content: both.content }], dispose };
        const parts = await copyThatFits(both, limit, extension.id, signal);
        held.push(...parts);
        const files = parts.map((part, index) => ({
          name: parts.length > 1 ? `${name}-part-${index + 1}-of-${parts.length}.mp4` : `${name}.mp4`,
          size: part.size,
          content: part.content,
          copy: { part: index + 1, parts: parts.length },
        }));
        return { files, dispose };
      } catch (error) {
        await dispose();
        throw error;
      }
    },
  };
}
