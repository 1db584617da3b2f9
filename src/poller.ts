import { systemClock, type Clock } from './clock.js';
import type { TickStep } from './domain/tickSteps.js';
import type { Logger } from './log.js';
import { createTimerLoop, type Timers } from './timerLoop.js';

export interface Poller {
  start(): void;
  /** Runs one tick now, or waits for the one in flight: ticks never overlap. */
  tick(): Promise<void>;
  /** Stops the timer, lets the tick in flight finish its current request, and waits for it. */
  stop(): Promise<void>;
  /** When a tick last started or finished: a health check's sign that the poller is alive. */
  lastProgressAt(): Date | undefined;
}

/** Runs the domain's tick steps, in their order, every `intervalMs`. */
export function createPoller(options: { steps: readonly TickStep[]; intervalMs: number; log: Logger; timers?: Timers; clock?: Clock }): Poller {
  const { steps, intervalMs, log, clock = systemClock } = options;
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

  const loop = createTimerLoop({ run: tick, intervalMs, ...(options.timers ? { timers: options.timers } : {}) });

  return {
    start: () => loop.start(),
    tick,
    async stop() {
      loop.stop();
      stopping.abort();
      await inFlight;
    },
    lastProgressAt: () => progressAt,
  };
}
