import { randomUUID } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errors } from 'undici';
import type { VideoDownloader } from '../domain/ports.js';
import type { DownloadResult } from '../domain/videoFiles.js';
import type { Logger } from '../log.js';
import { checkLink, createPublicAgent, refusalIn, requestPublic, type LinkRules, type RefusedLinkError } from '../net/publicLinks.js';
import { isWholeMp4 } from './mp4.js';

export interface VideoDownloaderOptions {
  /** From the request to the last byte. */
  timeoutMs: number;
  /** Where videos wait for Discord; the bot's own, emptied at start of whatever a crash left. */
  directory: string;
  /** Which links it may fetch: https to public addresses (and VIDEO_HOSTS), redirects included. */
  links: LinkRules;
  /** Told of each refused link, naming its host. */
  log: Logger;
}

/** One folder per database, as the instance lock is: bots on other databases in the same folder never touch it. */
export const videosInFlightDirectory = (databasePath: string) => `${databasePath}.videos-in-flight`;
/** What ffmpeg writes (copies, frames, joins), beside it and likewise the bot's alone. */
export const transcodingDirectory = (databasePath: string) => `${databasePath}.transcoding`;

/**
 * Streams a video from the vendor through undici into a temporary file, stopping as soon as it
 * passes the size it may take. The file goes to Discord straight from disk (a file-backed Blob),
 * so the bot never holds a whole video in memory, however many are delivered at once.
 */
export function createVideoDownloader({ timeoutMs, directory, links, log }: VideoDownloaderOptions): VideoDownloader & { close(): Promise<void> } {
  const agent = createPublicAgent(links, { headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: 8 });
  let ready: Promise<unknown> | undefined;

  async function fetchTo(path: string, url: string, maxBytes: number, signal: AbortSignal): Promise<DownloadResult> {
    // Video services commonly answer with a redirect to their CDN; each hop is checked like the link.
    const { statusCode, headers, body } = await requestPublic(url, { dispatcher: agent, rules: links, maxRedirections: 3, signal });
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
    return { ok: true, video: { path, size, content, dispose: () => rm(path, { force: true }) } };
  }

  /** A link the bot may not fetch is shown as a link, like any video the vendor refused. */
  function refused(error: RefusedLinkError): DownloadResult {
    log.warn({ host: error.host, reason: error.reason }, 'refused to download a video link');
    return { ok: false, failure: 'refused', detail: error.message };
  }

  async function download(url: string, maxBytes: number, signal: AbortSignal): Promise<DownloadResult> {
    const checked = checkLink(url, links);
    if (!checked.ok) return refused(checked.error);
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
      const refusal = refusalIn(error);
      result = refusal ? refused(refusal) : { ok: false, failure: 'unreachable', detail: describe(error) };
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
