import { request } from 'undici';
import type { ImageLinks } from '../domain/ports.js';
import type { Logger } from '../log.js';

/** Short: the check runs before a button's first answer, which Discord wants within 3 seconds. */
export const IMAGE_CHECK_TIMEOUT_MS = 1500;

/**
 * Asks each link with a HEAD (a one-byte GET where HEAD is not allowed); only a 2xx counts as
 * answering. A link that errs, times out or redirects is treated as expired: the member is then
 * asked for new images instead of the API being sent a link it cannot fetch.
 */
export function createImageLinkChecker({ log, timeoutMs = IMAGE_CHECK_TIMEOUT_MS }: { log: Logger; timeoutMs?: number }): ImageLinks {
  async function status(url: string, method: 'HEAD' | 'GET'): Promise<number> {
    const response = await request(url, {
      method,
      headers: method === 'GET' ? { range: 'bytes=0-0' } : {},
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.dump();
    return response.statusCode;
  }

  async function answers(url: string): Promise<boolean> {
    try {
      let code = await status(url, 'HEAD');
      if (code === 405 || code === 501) code = await status(url, 'GET');
      if (code >= 200 && code < 300) return true;
      log.debug({ status: code }, 'an image link no longer answers');
      return false;
    } catch (error) {
      log.debug({ err: error }, 'an image link could not be checked');
      return false;
    }
  }

  return {
    async allAnswer(urls) {
      const results = await Promise.all(urls.map(answers));
      return results.every(Boolean);
    },
  };
}
