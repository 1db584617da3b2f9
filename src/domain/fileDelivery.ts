import { isFinished, videoLinks, type FileFallback, type Generation } from './generation.js';
import type { Delivered, Notifier, VideoDownloader, VideoTranscoder } from './ports.js';
import {
  DEFAULT_ATTACHMENT_LIMIT,
  MAX_FILES_PER_MESSAGE,
  MAX_REQUEST_BYTES,
  MAX_SOURCE_BYTES,
  type DownloadedVideo,
  type LocalVideo,
  type VideoFile,
} from './videoFiles.js';

/** What became of one try at sending a finished video as files; only the outbox records it. */
export type FileOutcome =
  | { kind: 'sent'; delivered: Delivered }
  /** What can never work as a file (too large, not an MP4, refused by the vendor or by Discord): the link goes instead. */
  | { kind: 'fall_back'; reason: FileFallback; detail: string }
  /** What may pass later: the vendor unreachable, Discord failing. */
  | { kind: 'retry_later'; detail: string }
  /** Shutting down, or removed by its member while the file was on its way: nothing to record. */
  | { kind: 'abandoned' };

export interface FileDeliveryPorts {
  downloader: VideoDownloader;
  notifier: Pick<Notifier, 'deliverFiles'>;
  /** Makes copies that fit of videos over the upload limit; without it such a video is shown as its link. */
  transcoder?: VideoTranscoder;
  /** Whether the member removed the generation meanwhile: then nothing is shown for it again. */
  removed(): boolean;
}

type Collected = { files: VideoFile[] } | Exclude<FileOutcome, { kind: 'sent' | 'abandoned' }>;

/** A finished video with links and no reason on record to show them instead goes as files. */
export function wantsFiles(generation: Generation): boolean {
  return isFinished(generation) && generation.fileFallback === null && videoLinks(generation).length > 0;
}

const baseName = (generation: Generation, index: number, count: number) =>
  count > 1 && !generation.videoUrl ? `veo-${generation.id}-shot-${index + 1}` : `veo-${generation.id}`;
const fileName = (generation: Generation, index: number, count: number) => `${baseName(generation, index, count)}.mp4`;
const partName = (generation: Generation, index: number, count: number, part: number, parts: number) =>
  parts > 1 ? `${baseName(generation, index, count)}-part-${part}-of-${parts}.mp4` : fileName(generation, index, count);

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Downloads a finished video (within Discord's upload limit where the reply is) and shows the
 * reply with it. The downloads are disposed of whatever happens; the outcome is left to record.
 */
export async function deliverFiles(generation: Generation, ports: FileDeliveryPorts, signal: AbortSignal): Promise<FileOutcome> {
  const held: DownloadedVideo[] = [];
  try {
    return await downloadAndSend(generation, ports, signal, held);
  } finally {
    // Not waited for: what Discord accepted is recorded at once, while the temporary files go.
    void Promise.allSettled(held.map((video) => video.dispose()));
  }
}

async function downloadAndSend(generation: Generation, ports: FileDeliveryPorts, signal: AbortSignal, held: DownloadedVideo[]): Promise<FileOutcome> {
  const { notifier, removed } = ports;
  let collected: Collected;
  try {
    collected = await collect(generation, ports, signal, held);
  } catch (error) {
    // Shutting down: the download is dropped and a restart tries again.
    if (signal.aborted) return { kind: 'abandoned' };
    throw error;
  }
  if (signal.aborted || removed()) return { kind: 'abandoned' };
  if (!('files' in collected)) return collected;
  try {
    const answer = await notifier.deliverFiles(generation, collected.files);
    if ('kind' in answer) return { kind: 'fall_back', reason: answer.reason, detail: `Discord refused the video files: ${answer.reason}` };
    return { kind: 'sent', delivered: answer };
  } catch (error) {
    return { kind: 'retry_later', detail: describe(error) };
  }
}

/**
 * Downloads the videos that fit one message; a video over the upload limit goes as a copy that
 * fits (in parts if need be) when a transcoder is at hand. What it downloaded or made is left in
 * `held` for the caller to dispose of.
 */
async function collect(generation: Generation, { downloader, transcoder }: FileDeliveryPorts, signal: AbortSignal, held: LocalVideo[]): Promise<Collected> {
  const links = videoLinks(generation).slice(0, MAX_FILES_PER_MESSAGE);
  const limit = generation.attachmentSizeLimit ?? DEFAULT_ATTACHMENT_LIMIT;
  let room = Math.max(MAX_REQUEST_BYTES, limit);
  const files: VideoFile[] = [];
  for (const [index, url] of links.entries()) {
    const fits = Math.min(limit, room);
    const slots = MAX_FILES_PER_MESSAGE - files.length;
    if (slots === 0) break;
    // An original over the limit is still fetched whole when a copy can be made of it.
    const result = await downloader.download(url, transcoder ? Math.max(fits, MAX_SOURCE_BYTES) : fits, signal);
    if (!result.ok) {
      if (result.failure === 'unreachable') return { kind: 'retry_later', detail: result.detail };
      if (index === 0) return { kind: 'fall_back', reason: result.failure === 'refused' ? 'unavailable' : result.failure, detail: result.detail };
      // The shots that fit go as files, in order; this one and the rest stay links.
      break;
    }
    held.push(result.video);
    if (result.video.size <= fits) {
      files.push({ name: fileName(generation, index, links.length), size: result.video.size, content: result.video.content });
      room -= result.video.size;
      continue;
    }
    const copy = transcoder ? await copyThatFits(transcoder, result.video, { partBytes: fits, maxParts: slots, totalBytes: room }, signal, held) : { detail: 'no transcoder' };
    if ('detail' in copy) {
      if (index === 0) return { kind: 'fall_back', reason: 'too_large', detail: `${result.video.size} bytes over ${fits}; ${copy.detail}` };
      break;
    }
    copy.parts.forEach((part, at) =>
      files.push({ name: partName(generation, index, links.length, at + 1, copy.parts.length), size: part.size, content: part.content, copy: { part: at + 1, parts: copy.parts.length } }),
    );
    room -= copy.parts.reduce((sum, part) => sum + part.size, 0);
  }
  return { files };
}

/** The copy's parts (held for disposal), or why there is none; shutting down is thrown. */
async function copyThatFits(
  transcoder: VideoTranscoder,
  video: LocalVideo,
  room: Parameters<VideoTranscoder['fit']>[1],
  signal: AbortSignal,
  held: LocalVideo[],
): Promise<{ parts: LocalVideo[] } | { detail: string }> {
  try {
    const parts = await transcoder.fit(video, room, signal);
    if (!parts) return { detail: 'no watchable copy fits one message' };
    held.push(...parts);
    return { parts };
  } catch (error) {
    if (signal.aborted) throw error;
    return { detail: `the copy failed: ${describe(error)}` };
  }
}
