import { describe, expect, it } from 'vitest';
import { createTaskPool } from '../src/taskPool.js';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('the task pool', () => {
  it('runs at most its concurrency at once, each key once, the rest in order as slots free', async () => {
    const errors: unknown[] = [];
    const pool = createTaskPool(2, (_key, error) => errors.push(error));
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    gates.forEach((g, key) =>
      pool.add(key, async () => {
        started.push(key);
        await g.opened;
      }),
    );
    expect(pool.add(0, async () => undefined)).toBe(false);
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(pool.running()).toBe(2);
    expect(pool.keys().sort()).toEqual([0, 1, 2]);
    gates[0]!.open();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.open();
    gates[2]!.open();
    await pool.stop();
    expect(errors).toEqual([]);
  });

  it('keeps a failing task to itself', async () => {
    const errors: number[] = [];
    const pool = createTaskPool(1, (key) => errors.push(key));
    let ran = false;
    pool.add(1, async () => {
      throw new Error('boom');
    });
    pool.add(2, async () => void (ran = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toEqual([1]);
    expect(ran).toBe(true);
  });

  it('on stop drops what waits, aborts what runs and waits for it, then takes nothing more', async () => {
    const pool = createTaskPool(1, () => undefined);
    let aborted = false;
    let finished = false;
    let queuedRan = false;
    pool.add(1, (signal) =>
      new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          setTimeout(() => {
            finished = true;
            resolve();
          }, 10);
        });
      }),
    );
    pool.add(2, async () => void (queuedRan = true));
    await Promise.resolve();
    await pool.stop();
    expect({ aborted, finished, queuedRan }).toEqual({ aborted: true, finished: true, queuedRan: false });
    expect(pool.add(3, async () => undefined)).toBe(false);
  });
});
