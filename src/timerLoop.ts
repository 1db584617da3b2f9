/** Timer functions, injected so tests can drive a loop with fake timers. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface TimerLoop {
  /** Runs now, or after `firstInMs`, then `intervalMs` after each run ends; a second start does nothing. */
  start(firstInMs?: number): void;
  /** Runs no more; a run in flight is its owner's to wait for. */
  stop(): void;
}

/**
 * Runs `run` again and again, each time `intervalMs` after the last one ended, so runs never
 * overlap however long one takes.
 */
export function createTimerLoop({ run, intervalMs, timers = realTimers }: { run: () => Promise<void>; intervalMs: number; timers?: Timers }): TimerLoop {
  let handle: unknown;
  let running = false;

  const runThenWait = () => void run().finally(() => schedule(intervalMs));

  function schedule(delayMs: number): void {
    if (!running) return;
    handle = timers.setTimeout(runThenWait, delayMs);
  }

  return {
    start(firstInMs) {
      if (running) return;
      running = true;
      if (firstInMs === undefined) runThenWait();
      else schedule(firstInMs);
    },
    stop() {
      running = false;
      if (handle !== undefined) timers.clearTimeout(handle);
    },
  };
}
