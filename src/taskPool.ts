import type { PoolTask, TaskPool } from './domain/ports.js';

/**
 * At most `concurrency` tasks at once, apart from the poller's tick: a slow task holds back only
 * the tasks queued behind it. A task's failure is its own to handle; the pool only isolates it.
 */
export function createTaskPool(concurrency: number, onError: (key: number, error: unknown) => void): TaskPool {
  const queued = new Map<number, PoolTask>();
  const active = new Map<number, Promise<void>>();
  const controller = new AbortController();

  function next(): void {
    while (!controller.signal.aborted && active.size < concurrency) {
      const first = queued.entries().next();
      if (first.done) return;
      const [key, task] = first.value;
      queued.delete(key);
      const done = Promise.resolve()
        .then(() => task(controller.signal))
        .catch((error: unknown) => onError(key, error))
        .finally(() => {
          active.delete(key);
          next();
        });
      active.set(key, done);
    }
  }

  return {
    add(key, task) {
      if (controller.signal.aborted || queued.has(key) || active.has(key)) return false;
      queued.set(key, task);
      next();
      return true;
    },
    keys: () => [...queued.keys(), ...active.keys()],
    running: () => active.size,
    async stop() {
      queued.clear();
      controller.abort();
      await Promise.allSettled([...active.values()]);
    },
  };
}
