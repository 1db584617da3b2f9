import { afterEach, describe, expect, it } from 'vitest';
import { videoLinks, type Generation } from '../../src/domain/generation.js';
import { minute, startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';
import { renderGeneration } from '../../src/discord/render/generationMessage.js';

/** A finished video must never show as ready without a link to watch it. */
describe('a finished video without a link', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  const completedShots = (generation: Generation, videoUrl?: string) =>
    generation.shots.map((shot) => ({ shotId: shot.id, taskId: shot.taskId, status: 'completed', ...(videoUrl ? { videoUrl } : {}) }));
  /** The vendor's answer, given once instead of the fake's own. */
  const answerOnce = (body: unknown) => lc!.api.injectFault('check-status', { kind: 'status', status: 200, body });
  const askedShots = (request: number) =>
    (lc!.api.requests.filter((r) => r.endpoint === 'check-status')[request]!.body as { taskIds: { shotId: string }[] }).taskIds.map((t) => t.shotId);
  const get = (generation: Generation) => lc!.generations.get(generation.id)!;

  it('is not finished on a completed shot with a garbled link, and the next poll, alone, gets the link', async () => {
    lc = await startLifecycle();
    const generation = await lc.submit();
    lc.clock.advance(3 * minute);
    answerOnce({ status: 'completed', shots: completedShots(generation, 'not a link') });
    await lc.polls.pollDue();
    expect(get(generation)).toMatchObject({ state: 'running', videoUrl: null });

    lc.clock.advance(30_000);
    await lc.polls.pollDue();
    const done = get(generation);
    expect(done.state).toBe('completed');
    expect(videoLinks(done)).toEqual([expect.stringMatching(/\/videos\/task_\w+\.mp4$/)]);
    expect(lc.apiCalls('check-status')).toBe(2);
  });

  it('keeps every shot’s link when the last shot, asked about alone, comes back with a top-level link', async () => {
    lc = await startLifecycle();
    const multi = await lc.submit({ text: 'one || two || three' });
    lc.clock.advance(9 * minute);
    // Shots one and two are done with their links; the vendor still works on three.
    const [one, two, three] = multi.shots;
    answerOnce({
      status: 'processing',
      shots: [
        { shotId: one!.id, taskId: one!.taskId, status: 'completed', videoUrl: 'https://video.nanophoto.test/veo/one.mp4' },
        { shotId: two!.id, taskId: two!.taskId, status: 'completed', videoUrl: 'https://video.nanophoto.test/veo/two.mp4' },
        { shotId: three!.id, taskId: three!.taskId, status: 'processing' },
      ],
    });
    await lc.polls.pollDue();
    lc.clock.advance(6 * minute);
    // Asked about shot three only, the vendor puts that shot's link at the top as well.
    answerOnce({
      status: 'completed',
      shots: [{ shotId: three!.id, taskId: three!.taskId, status: 'completed', videoUrl: 'https://video.nanophoto.test/veo/three.mp4' }],
      videoUrl: 'https://video.nanophoto.test/veo/three.mp4',
    });
    await lc.polls.pollDue();
    expect(askedShots(1)).toEqual([three!.id]);
    const done = get(multi);
    expect(done).toMatchObject({ state: 'completed', videoUrl: null });
    expect(videoLinks(done)).toEqual(['one', 'two', 'three'].map((n) => `https://video.nanophoto.test/veo/${n}.mp4`));
  });

  it('asks alone about a multi-shot video whose link was only top-level in a shared answer, and takes that link', async () => {
    lc = await startLifecycle();
    const multi = await lc.submit({ text: 'one || two' });
    const single = await lc.submit();
    lc.clock.advance(5 * minute);
    const bystander = await lc.submit();
    answerOnce({
      status: 'completed',
      shots: [...completedShots(multi), ...completedShots(single, 'https://video.nanophoto.test/veo/single.mp4')],
      videoUrl: 'https://video.nanophoto.test/veo/req_1-full.mp4',
    });
    await lc.polls.pollDue();
    // One answer covered two generations: its top-level link cannot be told to be the multi-shot's.
    expect(get(single).state).toBe('completed');
    expect(get(multi)).toMatchObject({ state: 'running', videoUrl: null });

    // The bystander could ride along by now, but the request for the multi-shot video goes alone, asking every shot.
    lc.clock.advance(2.5 * minute);
    answerOnce({ status: 'completed', shots: completedShots(multi), videoUrl: 'https://video.nanophoto.test/veo/req_1-full.mp4' });
    await lc.polls.pollDue();
    expect(askedShots(1)).toEqual(multi.shots.map((shot) => shot.id));
    expect(get(multi)).toMatchObject({ state: 'completed', videoUrl: 'https://video.nanophoto.test/veo/req_1-full.mp4' });
    expect(get(bystander).state).toBe('running');
  });

  it('fails with its credits given back when the poll alone still brings no link', async () => {
    lc = await startLifecycle();
    const generation = await lc.submit({ text: 'one || two' });
    lc.clock.advance(5 * minute);
    answerOnce({ status: 'completed', shots: completedShots(generation) });
    await lc.polls.pollDue();
    lc.clock.advance(30_000);
    answerOnce({ status: 'completed', shots: completedShots(generation, 'ftp://nowhere/video.mp4') });
    await lc.polls.pollDue();

    const failed = get(generation);
    expect(failed).toMatchObject({ state: 'failed', errorCode: 'NO_VIDEO_URL', videoUrl: null });
    expect(failed.shots.map((shot) => shot.error)).toEqual(failed.shots.map(() => 'NO_VIDEO_URL'));
    expect(renderGeneration(failed).embeds[0]!.description).toContain('The video service finished this video but gave no link to it. Your credits were given back; try again.');
    expect(lc.quotaAdmin.usage(lc.member.guildId)).toMatchObject({ used: 0, breakdown: { settled: 20, refunded: 20, open: 0 } });
    expect(lc.apiCalls('check-status')).toBe(2);
  });

  it('is never finished as completed without a link when the API keeps failing until the deadline', async () => {
    lc = await startLifecycle();
    const generation = await lc.submit();
    lc.clock.advance(3 * minute);
    answerOnce({ status: 'completed', shots: completedShots(generation) });
    await lc.polls.pollDue();
    lc.api.injectFault('check-status', { kind: 'status', status: 500, errorCode: 'INTERNAL_ERROR' }, 1000);
    for (let i = 0; i < 40; i += 1) {
      lc.clock.advance(minute);
      await lc.polls.pollDue();
    }
    expect(get(generation)).toMatchObject({ state: 'failed', errorCode: 'timeout' });
    expect(lc.quotaAdmin.usage(lc.member.guildId)).toMatchObject({ used: 0, breakdown: { refunded: 10 } });
  });
});
