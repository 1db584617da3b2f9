import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/log.js';
import { createPoller } from '../src/poller.js';

describe('poller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const quietLog = (lines: string[] = []) => createLogger({ write: (line) => lines.push(line) });

  it('runs its steps at once and then every interval', async () => {
    const runs: string[] = [];
    const poller = createPoller({ steps: [{ name: 'a', run: async () => runs.push('a') }], intervalMs: 1000, log: quietLog() });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toHaveLength(4);
    await poller.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toHaveLength(4);
  });

  it('never overlaps a tick, and stop() waits for the one in flight', async () => {
    let release!: () => void;
    let active = 0;
    let maxActive = 0;
    let finished = 0;
    const poller = createPoller({
      steps: [
        {
          name: 'slow',
          run: async () => {
            active += 1;
            maxActive = Math.max(maxActive, active);
            await new Promise<void>((resolve) => (release = resolve));
            active -= 1;
            finished += 1;
          },
        },
      ],
      intervalMs: 10,
      log: quietLog(),
    });
    poller.start();
    const extra = poller.tick();
    await vi.advanceTimersByTimeAsync(100);
    expect(maxActive).toBe(1);
    const stopped = poller.stop();
    let stoppedYet = false;
    void stopped.then(() => (stoppedYet = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stoppedYet).toBe(false);
    release();
    await stopped;
    await extra;
    expect(finished).toBe(1);
  });

  it('logs a failing step and still runs the next one', async () => {
    const lines: string[] = [];
    const runs: string[] = [];
    const poller = createPoller({
      steps: [
        { name: 'broken', run: async () => Promise.reject(new Error('boom')) },
        { name: 'fine', run: async () => runs.push('fine') },
      ],
      intervalMs: 1000,
      log: quietLog(lines),
    });
    await poller.tick();
    expect(runs).toEqual(['fine']);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', step: 'broken', msg: 'poller step failed' });
  });

  it('on stop, lets the step in flight finish and starts no other: the step is told through its signal', async () => {
    let release!: () => void;
    const runs: string[] = [];
    let signalSeen: AbortSignal | undefined;
    const poller = createPoller({
      steps: [
        {
          name: 'submit',
          run: async (stopping) => {
            signalSeen = stopping;
            await new Promise<void>((resolve) => (release = resolve));
            runs.push(stopping?.aborted ? 'submit, then stopped' : 'submit');
          },
        },
        { name: 'poll', run: async () => runs.push('poll') },
      ],
      intervalMs: 1000,
      log: quietLog(),
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    const stopped = poller.stop();
    expect(signalSeen?.aborted).toBe(true);
    release();
    await stopped;
    expect(runs).toEqual(['submit, then stopped']);
  });
});
