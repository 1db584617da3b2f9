import { afterEach, describe, expect, it } from 'vitest';
import { minute, startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';

/**
 * Shots of one request run one after another, so a multi-shot video takes N × (2-5 min). Polls
 * must follow what each answer shows rather than tick through that whole window.
 */
describe('polls of a multi-shot generation', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  /** Runs one generation alone on the poller's 5 s tick; counts its polls and the delay from ready to finished. */
  async function runAlone(shotCount: number, shotMs: (index: number) => number) {
    lc = await startLifecycle({ api: { shotDurationMs: (shot) => shotMs(shot.index) } });
    const text = Array.from({ length: shotCount }, (_, i) => `scene ${i + 1}`).join(' || ');
    const generation = await lc.submit({ text });
    for (let i = 0; i < 3000 && lc.generations.get(generation.id)!.state === 'running'; i += 1) {
      lc.clock.advance(5_000);
      await lc.tick();
    }
    const done = lc.generations.get(generation.id)!;
    const readyAt = Math.max(...lc.api.tasks().map((task) => task.endsAt));
    return { state: done.state, polls: lc.apiCalls('check-status'), delayMs: done.finishedAt!.getTime() - readyAt };
  }

  const steady = () => 3.5 * minute;
  const alternating = (index: number) => (index % 2 === 0 ? 2 * minute : 5 * minute);
  const slowing = (index: number) => 2 * minute + (index * 3 * minute) / 20;

  // Before polls followed the answers, 3 steady shots cost 8 polls and 21 cost 61.
  it.each([
    [1, 'steady 3.5 min', 2, steady],
    [3, 'steady 3.5 min', 4, steady],
    [3, 'all 2 min', 3, () => 2 * minute],
    [3, 'all 5 min', 8, () => 5 * minute],
    [3, '2 and 5 min alternating', 4, alternating],
    [21, 'steady 3.5 min', 8, steady],
    [21, 'all 2 min', 3, () => 2 * minute],
    [21, 'all 5 min', 12, () => 5 * minute],
    [21, '2 and 5 min alternating', 7, alternating],
    [21, 'slowing from 2 to 5 min', 12, slowing],
  ])('%i shots, %s: at most %i polls, finished within a minute of ready', async (shotCount, _case, maxPolls, shotMs) => {
    const { state, polls, delayMs } = await runAlone(shotCount, shotMs);
    expect(state).toBe('completed');
    expect(polls).toBeLessThanOrEqual(maxPolls);
    expect(delayMs).toBeLessThanOrEqual(minute);
  });
});
