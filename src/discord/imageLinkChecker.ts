import type { ImageLinks } from '../domain/ports.js';
import type { Logger } from '../log.js';
import { createPublicAgent, refusalIn, requestPublic, type LinkRules } from '../net/publicLinks.js';

/** Short: the check runs before a button's first answer, which Discord wants within 3 seconds. */
export const IMAGE_CHECK_TIMEOUT_MS = 1500;

/**
 * Asks each link with a HEAD (a one-byte GET where HEAD is not allowed); only a 2xx counts as
 * answering. A link that errs, times out or redirects is treated as expired: the member is then
 * asked for new images instead of the API being sent a link it cannot fetch. A link to an address
 * the bot may not reach (the same rules as video downloads, without VIDEO_HOSTS) is never asked.
 */
export function createImageLinkChecker({
  log,
  timeoutMs = IMAGE_CHECK_TIMEOUT_MS,
  links,
}: {
  log: Logger;
  timeoutMs?: number;
  links: Pick<LinkRules, 'allowPrivate'>;
}): ImageLinks & { close(): Promise<void> } {
  const rules: LinkRules = { allowPrivate: links.allowPrivate, hosts: [] };
  const agent = createPublicAgent(rules);

  async function status(url: string, method: 'HEAD' | 'GET'): Promise<number> {
    const response = await requestPublic(url, {
      dispatcher: agent,
      rules,
      maxRedirections: 0,
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
      const refusal = refusalIn(error);
      if (refusal) log.warn({ host: refusal.host, reason: refusal.reason }, 'refused to check an image link');
      else log.debug({ err: error }, 'an image link could not be checked');
      return false;
    }
  }

  return {
    async allAnswer(urls) {
      const results = await Promise.all(urls.map(answers));
      return results.every(Boolean);
    },
    close: () => agent.close(),
  };
}
