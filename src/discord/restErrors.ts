import { DiscordAPIError, HTTPError, type REST } from 'discord.js';

/** Discord's JSON error code (`10008`), `http_<status>` for an error without one, or `network`. */
export type DiscordErrorObserver = (code: string) => void;

/** Discord's JSON error code of a refused request, if it gave one. */
export const jsonErrorCode = (error: unknown): number | undefined => (error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined);

export function discordErrorCode(error: unknown): string {
  if (error instanceof DiscordAPIError) return typeof error.code === 'number' ? String(error.code) : `http_${error.status}`;
  if (error instanceof HTTPError) return `http_${error.status}`;
  return 'network';
}

/**
 * Tells `onError` of every REST request Discord refused, wherever it was made (commands, the
 * notifier, registration). discord.js has no error event, and the body of the response it does
 * announce cannot be read without taking it from discord.js, so the one method every call goes
 * through is wrapped instead.
 */
export function observeDiscordErrors(rest: REST, onError: DiscordErrorObserver): void {
  const request = rest.request.bind(rest);
  rest.request = async (options) => {
    try {
      return await request(options);
    } catch (error) {
      onError(discordErrorCode(error));
      throw error;
    }
  };
}
