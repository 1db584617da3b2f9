import { describe, expect, it } from 'vitest';
import { createTimerLoop, type Timers } from '../src/timerLoop.js';

/** Timers that fire only when the test says so, on a clock the test moves. */
function manualTimers() {
  let now = 0;
  let nextHandle = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    setTimeout(callback, ms) {
      nextHandle += 1;
      pending.set(nextHandle, { at: now + ms, callback });
      return nextHandle;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  /** Moves time on by `ms`, firing every timer due on the way. */
  function advance(ms: number): void {
    now += ms;
    for (const [handle, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > now) continue;
      pending.delete(handle);
      timer.callback();
    }
  }
  return { timers, advance, pending: () => [...pending.values()].map((timer) => timer.at - now), now: () => now };
}

/** A run the test finishes by hand. */
function gatedRuns(clock: () => number) {
  const startedAt: number[] = [];
  const finish: (() => void)[] = [];
  const run = () => {
    startedAt.push(clock());
    return new Promise<void>((resolve) => finish.push(resolve));
  };
  return { run, startedAt, finishRun: () => finish.shift()!() };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the timer loop', () => {
  it('runs at once, then an interval after each run ended, never overlapping a slow run', async () => {
    const clock = manualTimers();
    const runs = gatedRuns(clock.now);
    const loop = createTimerLoop({ run: runs.run, intervalMs: 1000, timers: clock.timers });

    loop.start();
    expect(runs.startedAt).toEqual([0]);
    // The run takes 5 s: nothing else starts meanwhile.
    clock.advance(5000);
    expect(runs.startedAt).toEqual([0]);
    expect(clock.pending()).toEqual([]);

    runs.finishRun();
    await settle();
    expect(clock.pending()).toEqual([1000]);
    clock.advance(1000);
    expect(runs.startedAt).toEqual([0, 6000]);
  });

  it('waits for the first run when told to, and a second start changes nothing', async () => {
    const clock = manualTimers();
    const runs = gatedRuns(clock.now);
    const loop = createTimerLoop({ run: runs.run, intervalMs: 1000, timers: clock.timers });

    loop.start(300);
    loop.start();
    expect(runs.startedAt).toEqual([]);
    expect(clock.pending()).toEqual([300]);
    clock.advance(300);
    expect(runs.startedAt).toEqual([300]);
  });

  it('runs no more once stopped, even when the run in flight ends afterwards', async () => {
    const clock = manualTimers();
    const runs = gatedRuns(clock.now);
    const loop = createTimerLoop({ run: runs.run, intervalMs: 1000, timers: clock.timers });

    loop.start();
    runs.finishRun();
    await settle();
    expect(clock.pending()).toEqual([1000]);
    loop.stop();
    expect(clock.pending()).toEqual([]);

    const again = createTimerLoop({ run: runs.run, intervalMs: 1000, timers: clock.timers });
    again.start();
    again.stop();
    runs.finishRun();
    await settle();
    expect(clock.pending()).toEqual([]);
    clock.advance(10_000);
    expect(runs.startedAt).toEqual([0, 0]);
  });

  it('started again while a run from before the stop is still in flight, keeps one chain of runs', async () => {
    const clock = manualTimers();
    const runs = gatedRuns(clock.now);
    const loop = createTimerLoop({ run: runs.run, intervalMs: 1000, timers: clock.timers });

    loop.start();
    loop.stop();
    loop.start(500);
    runs.finishRun();
    await settle();
    // Only the new start's timer: the old run's end schedules nothing.
    expect(clock.pending()).toEqual([500]);
  });
});
