import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { Generation } from '../../src/domain/generation.js';
import { minute, startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';

/** One bad task or entry in a batched check-status must not take the other generations down with it. */
describe('a poll batch with one bad member', () => {
  let lc: Lifecycle | undefined;
  let vendor: MockAgent | undefined;
  afterEach(async () => {
    await lc?.close();
    await vendor?.close();
    lc = undefined;
    vendor = undefined;
  });

  const submitMany = async (count: number) => {
    const all: Generation[] = [];
    for (let i = 0; i < count; i += 1) all.push(await lc!.submit({ text: `video ${i}` }));
    return all;
  };
  const states = (generations: Generation[]) => generations.map((g) => lc!.generations.get(g.id)!.state);

  it('finds a task the API does not know by halving the batch, not by asking about each generation alone', async () => {
    lc = await startLifecycle();
    const all = await submitMany(16);
    const lost = all[5]!;
    lc.repo.startShot(lost.shots[0]!.id, 'task-that-never-existed');
    lc.clock.advance(3 * minute);
    await lc.polls.pollDue();
    expect(lc.generations.get(lost.id)).toMatchObject({ state: 'failed', errorCode: 'TASK_NOT_FOUND' });
    expect(states(all.filter((g) => g !== lost))).toEqual(Array(15).fill('completed'));
    // The whole batch, then two halves at each of four levels: 9 requests, where one per generation took 17.
    expect(lc.apiCalls('check-status')).toBe(9);
  });

  it('counts the readable entries of an answer and treats an entry without ids as unanswered', async () => {
    lc = await startLifecycle();
    const [garbled, fine] = await submitMany(2);
    lc.clock.advance(3 * minute);
    const entry = (g: Generation) => ({ shotId: g.shots[0]!.id, taskId: g.shots[0]!.taskId, status: 'completed', videoUrl: `https://video.nanophoto.test/veo/${g.id}.mp4` });
    const { shotId: _dropped, ...withoutShotId } = entry(garbled!);
    lc.api.injectFault('check-status', { kind: 'status', status: 200, body: { status: 'completed', shots: [withoutShotId, entry(fine!)] } });
    await lc.polls.pollDue();
    expect(states([garbled!, fine!])).toEqual(['running', 'completed']);
    expect(lc.logs.some((line) => line.includes('count as unanswered'))).toBe(true);

    lc.clock.advance(30_000);
    await lc.polls.pollDue();
    expect(states([garbled!, fine!])).toEqual(['completed', 'completed']);
  });

  /** The vendor answers 500 GENERATION_FAILED to any check-status that names the poisoned task. */
  function poisonVendor(poisonedTaskId: () => string) {
    const agent = new MockAgent({ connections: 4 });
    agent.enableNetConnect(/^127\.0\.0\.1:/);
    return {
      agent,
      arm(url: string) {
        agent
          .get(url)
          .intercept({ path: '/api/veo-3/check-status', method: 'POST', body: (body: string) => body.includes(poisonedTaskId()) })
          .reply(500, { error: 'Video generation failed', errorCode: 'GENERATION_FAILED' })
          .persist();
      },
    };
  }

  it('splits a batch that keeps failing, so one poisoned task cannot hold the others until their deadline', async () => {
    let poisoned = '';
    const poison = poisonVendor(() => poisoned);
    vendor = poison.agent;
    lc = await startLifecycle({ dispatcher: poison.agent });
    poison.arm(lc.api.url);
    const all = await submitMany(8);
    poisoned = all[2]!.shots[0]!.taskId!;
    const healthy = all.filter((g) => g !== all[2]);

    for (let i = 0; i < 2 * 8; i += 1) {
      lc.clock.advance(30_000);
      await lc.tick();
    }
    // Minute 8: every healthy video is finished, a few retries after the first failure at minute 3.
    expect(states(healthy)).toEqual(Array(7).fill('completed'));
    expect(lc.generations.get(all[2]!.id)!.state).toBe('running');

    for (let i = 0; i < 2 * 30; i += 1) {
      lc.clock.advance(30_000);
      await lc.tick();
    }
    expect(lc.generations.get(all[2]!.id)).toMatchObject({ state: 'failed', errorCode: 'timeout' });
    expect(lc.quotaAdmin.usage(lc.member.guildId)).toMatchObject({ used: 70, breakdown: { refunded: 10, open: 0 } });
  });

  it('stops halving when nothing answers at all: an outage costs at most two requests a round', async () => {
    lc = await startLifecycle();
    const all = await submitMany(8);
    lc.clock.advance(3 * minute);
    lc.api.injectFault('check-status', { kind: 'status', status: 500, errorCode: 'INTERNAL_ERROR' }, 1000);
    const perRound: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const before = lc.apiCalls('check-status');
      await lc.polls.pollDue();
      perRound.push(lc.apiCalls('check-status') - before);
      lc.clock.advance(30_000);
    }
    expect(perRound).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(states(all)).toEqual(Array(8).fill('running'));
  });
});
