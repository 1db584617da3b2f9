import { randomUUID } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent, errors, interceptors, request } from 'undici';
import type { VideoDownloader } from '../domain/ports.js';
import type { DownloadResult } from '../domain/videoFiles.js';
import { isWholeMp4 } from './mp4.js';

export interface VideoDownloaderOptions {
  /** From the request to the last byte. */
  timeoutMs: number;
  /** Where videos wait for Discord; the bot's own, emptied at start of whatever a crash left. */
  directory: string;
}

/** One folder per database, as the instance lock is: bots on other databases in the same folder never touch it. */
export const videosInFlightDirectory = (databasePath: string) => `${databasePath}.videos-in-flight`;

const isWebUrl = (url: string) => {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * Streams a video from the vendor through undici into a temporary file, stopping as soon as it
 * passes the size it may take. The file goes to Discord straight from disk (a file-backed Blob),
 * so the bot never holds a whole video in memory, however many are delivered at once.
 */
export function createVideoDownloader({ timeoutMs, directory }: VideoDownloaderOptions): VideoDownloader & { close(): Promise<void> } {
  const agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: 8 });
  // Video services commonly answer with a redirect to their CDN.
  const dispatcher = agent.compose(interceptors.redirect({ maxRedirections: 3 }));
  let ready: Promise<unknown> | undefined;

  async function fetchTo(path: string, url: string, maxBytes: number, signal: AbortSignal): Promise<DownloadResult> {
    const { statusCode, headers, body } = await request(url, { dispatcher, signal });
    if (statusCode !== 200) {
      await body.dump().catch(() => undefined);
      return { ok: false, failure: statusCode >= 500 ? 'unreachable' : 'refused', detail: `status ${statusCode}` };
    }
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      body.destroy();
      return { ok: false, failure: 'too_large', detail: `content-length ${declared} over ${maxBytes}` };
    }
    const file = await open(path, 'w+', 0o600);
    let size = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) {
          body.destroy();
          return { ok: false, failure: 'too_large', detail: `more than ${maxBytes} bytes` };
        }
        await file.write(chunk);
      }
      const read = async (offset: number, length: number) => {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await file.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      };
      if (!(await isWholeMp4(size, read))) return { ok: false, failure: 'not_mp4', detail: `${size} bytes that are not a whole MP4` };
    } finally {
      await file.close();
    }
    const content = await openAsBlob(path, { type: 'video/mp4' });
    return { ok: true, video: { size, content, dispose: () => rm(path, { force: true }) } };
  }

  async function download(url: string, maxBytes: number, signal: AbortSignal): Promise<DownloadResult> {
    if (!isWebUrl(url)) return { ok: false, failure: 'refused', detail: 'not an http(s) link' };
    ready ??= rm(directory, { recursive: true, force: true }).then(() => mkdir(directory, { recursive: true, mode: 0o700 }));
    await ready;
    const path = join(directory, `${randomUUID()}.mp4`);
    const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
    let result: DownloadResult | undefined;
    try {
      result = await fetchTo(path, url, maxBytes, deadline);
      return result;
    } catch (error) {
      if (signal.aborted) throw error;
      result = { ok: false, failure: 'unreachable', detail: describe(error) };
      return result;
    } finally {
      if (!result?.ok) await rm(path, { force: true });
    }
  }

  return {
    download,
    async close() {
      await agent.close();
      if (ready) await rm(directory, { recursive: true, force: true });
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof errors.UndiciError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
