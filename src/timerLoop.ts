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
  // Each start is a new chain: a run still in flight from before a stop never schedules into it.
  let chain = 0;

  const runThenWait = (mine: number) => void run().finally(() => schedule(mine, intervalMs));

  function schedule(mine: number, delayMs: number): void {
    if (!running || mine !== chain) return;
    handle = timers.setTimeout(() => runThenWait(mine), delayMs);
  }

  return {
    start(firstInMs) {
      if (running) return;
      running = true;
      chain += 1;
      if (firstInMs === undefined) runThenWait(chain);
      else schedule(chain, firstInMs);
    },
    stop() {
      running = false;
      if (handle !== undefined) timers.clearTimeout(handle);
    },
  };
}
