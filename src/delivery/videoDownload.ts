import { Agent, errors, interceptors, request } from 'undici';
import type { DownloadResult, VideoDownloader } from '../domain/videoFiles.js';
import { isWholeMp4 } from './mp4.js';

export interface VideoDownloaderOptions {
  /** From the request to the last byte. */
  timeoutMs: number;
}

const isWebUrl = (url: string) => {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * Streams a video from the vendor through undici, stopping as soon as it passes the size it may
 * take, so memory never holds more than one file's limit per download.
 */
export function createVideoDownloader({ timeoutMs }: VideoDownloaderOptions): VideoDownloader & { close(): Promise<void> } {
  const agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: 8 });
  // Video services commonly answer with a redirect to their CDN.
  const dispatcher = agent.compose(interceptors.redirect({ maxRedirections: 3 }));

  async function download(url: string, maxBytes: number, signal: AbortSignal): Promise<DownloadResult> {
    if (!isWebUrl(url)) return { ok: false, failure: 'refused', detail: 'not an http(s) link' };
    const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
    try {
      const response = await request(url, { dispatcher, signal: deadline });
      const { statusCode, headers, body } = response;
      if (statusCode !== 200) {
        await body.dump().catch(() => undefined);
        return { ok: false, failure: statusCode >= 500 ? 'unreachable' : 'refused', detail: `status ${statusCode}` };
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        body.destroy();
        return { ok: false, failure: 'too_large', detail: `content-length ${declared} over ${maxBytes}` };
      }
      const chunks: Buffer[] = [];
      let received = 0;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (received > maxBytes) {
          body.destroy();
          return { ok: false, failure: 'too_large', detail: `more than ${maxBytes} bytes` };
        }
        chunks.push(chunk);
      }
      const data = new Uint8Array(Buffer.concat(chunks, received));
      if (!isWholeMp4(data)) return { ok: false, failure: 'not_mp4', detail: `${received} bytes that are not a whole MP4` };
      return { ok: true, data };
    } catch (error) {
      if (signal.aborted) throw error;
      return { ok: false, failure: 'unreachable', detail: describe(error) };
    }
  }

  return { download, close: () => agent.close() };
}

function describe(error: unknown): string {
  if (error instanceof errors.UndiciError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
