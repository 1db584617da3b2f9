import type { Store } from './store.js';

const POLL_MS = 20;

function describeRequests(store: Store): string {
  const lines = store.requests.slice(-15).map((r) => `  ${r.method} ${r.path} → ${r.status}${r.unmatched ? ' (no such route in the fake)' : ''}`);
  return lines.length > 0 ? lines.join('\n') : '  (none)';
}

/**
 * Re-checks on every change to the fake's state, and on a short poll too, because a predicate may
 * also read state the fake does not own (the bot's database, another fake).
 */
export function createWaiter(store: Store) {
  const cancels = new Set<(reason: Error) => void>();

  function waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let lastError: unknown;
      const cleanups: (() => void)[] = [];
      const finish = () => cleanups.forEach((cleanup) => cleanup());
      const check = () => {
        try {
          const value = predicate();
          if (value) {
            finish();
            resolve(value);
          }
        } catch (error) {
          lastError = error;
        }
      };
      const cancel = (reason: Error) => {
        finish();
        reject(reason);
      };
      const timer = setTimeout(() => {
        const cause = lastError === undefined ? '' : `\nThe predicate last threw: ${String(lastError)}`;
        cancel(new Error(`fakeDiscord.waitFor timed out after ${timeoutMs} ms.${cause}\nRecent requests:\n${describeRequests(store)}`));
      }, timeoutMs);
      const poll = setInterval(check, POLL_MS);
      const unsubscribe = store.onChange(check);
      cancels.add(cancel);
      cleanups.push(() => clearTimeout(timer), () => clearInterval(poll), () => void unsubscribe(), () => void cancels.delete(cancel));
      check();
    });
  }

  return {
    waitFor,
    cancelAll(reason: Error) {
      for (const cancel of [...cancels]) cancel(reason);
    },
  };
}
