import { systemClock, type Clock } from './clock.js';
import type { Logger } from './log.js';

/** Timer functions, injected so tests can drive the poller with fake timers. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * One step of work the poller runs each tick; a failing step never stops the others. `stopping`
 * aborts when the bot shuts down: a step finishes the request it is in, and starts no other.
 */
export interface PollerStep {
  name: string;
  run(stopping?: AbortSignal): Promise<unknown>;
}

export interface Poller {
  start(): void;
  /** Runs one tick now, or waits for the one in flight: ticks never overlap. */
  tick(): Promise<void>;
  /** Stops the timer, lets the tick in flight finish its current request, and waits for it. */
  stop(): Promise<void>;
  /** When a tick last started or finished: a health check's sign that the poller is alive. */
  lastProgressAt(): Date | undefined;
}

export function createPoller(options: { steps: PollerStep[]; intervalMs: number; log: Logger; timers?: Timers; clock?: Clock }): Poller {
  const { steps, intervalMs, log, clock = systemClock } = options;
  const timers = options.timers ?? realTimers;
  let handle: unknown;
  let running = false;
  let inFlight: Promise<void> | undefined;
  const stopping = new AbortController();
  let progressAt: Date | undefined;

  async function runSteps(): Promise<void> {
    progressAt = clock.now();
    for (const step of steps) {
      if (stopping.signal.aborted) break;
      try {
        await step.run(stopping.signal);
      } catch (error) {
        log.error({ step: step.name, err: error }, 'poller step failed');
      }
    }
    progressAt = clock.now();
    log.debug({}, 'poller tick done');
  }

  function tick(): Promise<void> {
    inFlight ??= runSteps().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function schedule(): void {
    if (!running) return;
    handle = timers.setTimeout(() => {
      void tick().finally(schedule);
    }, intervalMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      void tick().finally(schedule);
    },
    tick,
    async stop() {
      running = false;
      stopping.abort();
      if (handle !== undefined) timers.clearTimeout(handle);
      await inFlight;
    },
    lastProgressAt: () => progressAt,
  };
}
