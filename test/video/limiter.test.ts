import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/video/limiter.js';

describe('the transcode limiter', () => {
  it('never runs more than its limit, even when a caller arrives between two jobs ending and their waiters resuming', async () => {
    const limit = createLimiter(2);
    let active = 0;
    let most = 0;
    const track = (body: () => Promise<unknown>) => async () => {
      active += 1;
      most = Math.max(most, active);
      try {
        await body();
      } finally {
        active -= 1;
      }
    };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const later = () => new Promise<void>((resolve) => setImmediate(resolve));
    const all: Promise<unknown>[] = [];
    all.push(
      limit(() => {
        const held = track(() => gate)();
        // Called just after the limiter sees this job end, before the waiters it woke resume.
        void held.then(() => queueMicrotask(() => all.push(limit(track(later)))));
        return held;
      }),
    );
    all.push(limit(track(() => gate)), limit(track(later)), limit(track(later)));
    release();
    while (all.length < 5) await later();
    await Promise.all(all);
    expect(most).toBe(2);
  });

  it('runs the waiting jobs in the order they came', async () => {
    const limit = createLimiter(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => limit(async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });
});
