import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderGeneration } from '../../src/discord/render/generationMessage.js';
import { minute, startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';

/** Every window of `windowMs` holds at most `limit` of these send times. */
function maxInAnyWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while (times[i]! - times[j]! >= windowMs) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('the submission queue and the request budget', () => {
  let lc: Lifecycle | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('queues a request when the key has no slot, shows its place, and sends it when a slot frees', async () => {
    lc = await startLifecycle({ rateLimit: { limit: 3, pollReserve: 1, submitReserve: 0 } });
    const sent = [await lc.submit(), await lc.submit()];
    const waiting = await lc.submit();
    expect(sent.map((g) => g.state)).toEqual(['running', 'running']);
    expect(waiting).toMatchObject({ state: 'queued', queuePosition: 1, creditsUsed: null });
    expect(waiting.expectedAt!.getTime()).toBe(lc.clock.now().getTime() + 60 * minute);
    expect(lc.quotaAdmin.usage(lc.member.guildId).breakdown.open).toBe(10);

    lc.clock.advance(61 * minute);
    await lc.tick();
    expect(lc.generations.get(waiting.id)!.state).toBe('running');
    expect(lc.apiCalls('generate')).toBe(3);
  });

  it('sends queued requests in order, across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veo-queue-'));
    dirs.push(dir);
    const databasePath = join(dir, 'bot.db');
    const rateLimit = { limit: 3, windowMs: 10 * minute, pollReserve: 0, submitReserve: 0 };
    lc = await startLifecycle({ databasePath, rateLimit });
    const ids: number[] = [];
    for (let i = 0; i < 6; i += 1) ids.push((await lc.submit({ text: `video ${i}` })).id);
    expect(lc.queue.length()).toBe(3);
    const restartAt = lc.clock.now().getTime() + 11 * minute;
    await lc.close();

    lc = await startLifecycle({ databasePath, rateLimit });
    lc.clock.set(restartAt);
    expect(lc.submitter.recoverInterruptedSubmissions()).toBe(0);
    await lc.tick();
    const generateOrder = lc.api.requests
      .filter((r) => r.endpoint === 'generate')
      .map((r) => (r.body as { shots: { prompt: string }[] }).shots[0]!.prompt);
    expect(generateOrder).toEqual(['video 3', 'video 4', 'video 5']);
    expect(ids.map((id) => lc!.generations.get(id)!.state)).toEqual(Array(6).fill('running'));
  });

  it('gives a submission the last slot before a poll that is due', async () => {
    lc = await startLifecycle({ rateLimit: { limit: 3, windowMs: 10 * minute, pollReserve: 0, submitReserve: 0 } });
    const running = await lc.submit();
    lc.clock.advance(minute);
    await lc.submit();
    await lc.submit();
    lc.clock.advance(2 * minute);
    const queued = await lc.submit({ text: 'waiting its turn' });
    expect(queued.state).toBe('queued');
    lc.clock.advance(7 * minute + 1);
    // One slot freed (the first generate left the window); the poll of `running` is long due.
    await lc.tick();
    expect(lc.generations.get(queued.id)!.state).toBe('running');
    expect(lc.apiCalls('check-status')).toBe(0);
    expect(lc.generations.get(running.id)!.state).toBe('running');
  });

  it('never exceeds the limit on its own, even when the vendor answers 429', async () => {
    lc = await startLifecycle({ rateLimit: { limit: 20, pollReserve: 4, submitReserve: 2 }, api: { rateLimit: 20 } });
    lc.api.injectFault('check-status', { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED' }, 2);
    lc.api.injectFault('generate', { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED', retryAfterSeconds: 90 });
    const all = [];
    for (let step = 0; step < 360; step += 1) {
      if (step % 9 === 0) all.push(await lc.submit({ text: `video ${step}` }));
      await lc.tick();
      lc.clock.advance(30_000);
    }
    for (let step = 0; step < 400 && lc.queue.length() + lc.repo.inState('running').length > 0; step += 1) {
      await lc.tick();
      lc.clock.advance(30_000);
    }
    const times = lc.api.requests.map((r) => r.at);
    expect(maxInAnyWindow(times, 60 * minute)).toBeLessThanOrEqual(20);
    expect(lc.api.requests.filter((r) => r.status === 429)).toHaveLength(3);
    const states = all.map((g) => lc!.generations.get(g.id)!);
    expect(states.filter((g) => g.state !== 'completed').map((g) => [g.id, g.state, g.errorCode])).toEqual([]);
    const usage = lc.quotaAdmin.usage(lc.member.guildId);
    expect(usage.breakdown.open).toBe(0);
    expect(usage.used).toBe(all.length * 10);
  });

  it('leaves a generation whose reply is being set up to its own start, keeping its place', async () => {
    lc = await startLifecycle({ rateLimit: { limit: 5, pollReserve: 0, submitReserve: 0 } });
    const settingUp = lc.generations.create(lc.origin(), lc.member.roleIds, lc.request({ text: 'first in line' }));
    const release = lc.replySetups.hold(settingUp.id);
    const behind = lc.generations.create(lc.origin(), lc.member.roleIds, lc.request({ text: 'second in line' }));
    await lc.tick();
    expect(lc.apiCalls('generate')).toBe(0);

    expect((await lc.queue.start(settingUp)).state).toBe('running');
    await lc.tick();
    expect(lc.generations.get(behind.id)!.state).toBe('running');
    release();
    const order = lc.api.requests.map((r) => (r.body as { shots: { prompt: string }[] }).shots[0]!.prompt);
    expect(order).toEqual(['first in line', 'second in line']);
  });

  it('does not count a generation being set up as waiting, so polls keep the submit reserve free for it', async () => {
    lc = await startLifecycle({ rateLimit: { limit: 5, pollReserve: 0, submitReserve: 0 } });
    const settingUp = lc.generations.create(lc.origin(), lc.member.roleIds, lc.request());
    const release = lc.replySetups.hold(settingUp.id);
    expect(lc.queue.length()).toBe(0);
    release();
    expect(lc.queue.length()).toBe(1);
  });

  it('drops a request with images that waited too long and gives its credits back', async () => {
    lc = await startLifecycle({ rateLimit: { limit: 1, pollReserve: 0, submitReserve: 0 } });
    await lc.submit();
    lc.budget.rateLimited(7 * 60 * minute, 0);
    const image = { name: 'first.png', url: 'https://cdn.discordapp.test/first.png', contentType: 'image/png', size: 1000 };
    const waiting = await lc.submit({ images: [image] });
    lc.clock.advance(6 * 60 * minute + 1);
    await lc.tick();
    expect(lc.generations.get(waiting.id)).toMatchObject({ state: 'failed', errorCode: 'QUEUE_TIMEOUT', creditsUsed: null });
    expect(lc.quotaAdmin.usage(lc.member.guildId)).toMatchObject({ releases: 1, breakdown: { open: 0 } });
  });

  it('drops an expiring request with images even behind hundreds of text-only ones', async () => {
    lc = await startLifecycle({ rateLimit: { limit: 1, pollReserve: 0, submitReserve: 0 }, quota: { budget: 100_000 } });
    await lc.submit();
    lc.budget.rateLimited(7 * 60 * minute, 0);
    for (let i = 0; i < 210; i += 1) lc.generations.create(lc.origin(), lc.member.roleIds, lc.request({ text: `text ${i}` }));
    const image = { name: 'first.png', url: 'https://cdn.discordapp.test/first.png', contentType: 'image/png', size: 1000 };
    const behind = lc.generations.create(lc.origin(), lc.member.roleIds, lc.request({ images: [image] }));
    lc.clock.advance(6 * 60 * minute + 1);
    await lc.tick();
    expect(lc.generations.get(behind.id)).toMatchObject({ state: 'failed', errorCode: 'QUEUE_TIMEOUT' });
    expect(lc.queue.length()).toBe(210);
  });

  it('gives up a text-only request after QUEUE_MAX_TEXT_WAIT_MS, releasing its credits and saying why', async () => {
    lc = await startLifecycle({ rateLimit: { limit: 1, pollReserve: 0, submitReserve: 0 } });
    await lc.submit();
    lc.budget.rateLimited(25 * 60 * minute, 0);
    const waiting = await lc.submit({ text: 'a very patient snail' });
    lc.clock.advance(24 * 60 * minute);
    await lc.tick();
    expect(lc.generations.get(waiting.id)!.state).toBe('queued');
    lc.clock.advance(1);
    await lc.tick();
    const given = lc.generations.get(waiting.id)!;
    expect(given).toMatchObject({ state: 'failed', errorCode: 'QUEUE_TEXT_TIMEOUT', creditsUsed: null });
    expect(lc.quotaAdmin.usage(lc.member.guildId)).toMatchObject({ releases: 1, breakdown: { open: 0 } });
    expect(renderGeneration(given).embeds[0]!.description).toContain('waited past the longest wait the bot allows');
  });

  it('keeps a text-only request waiting longer than one with images, and sends it in its turn', async () => {
    lc = await startLifecycle({ rateLimit: { limit: 1, pollReserve: 0, submitReserve: 0 } });
    await lc.submit();
    lc.budget.rateLimited(7 * 60 * minute, 0);
    const waiting = await lc.submit({ text: 'a patient snail' });
    lc.clock.advance(6 * 60 * minute + 1);
    await lc.tick();
    expect(lc.generations.get(waiting.id)!.state).toBe('queued');
    lc.clock.advance(61 * minute);
    await lc.tick();
    expect(lc.generations.get(waiting.id)!.state).toBe('running');
  });
});

describe('submissions before polls, at the default pace (burst 20, poll reserve 12, submit reserve 5)', () => {
  it('sends a new prompt after a run of polls, and when it must queue, shows when the pace lets it go', async () => {
    // Long shots of three resolutions: three polls a round (one per resolution), every 30 s and more.
    const lc = await startLifecycle({ rateLimit: { burst: 20, pollReserve: 12, submitReserve: 5 }, api: { shotDurationMs: 30 * minute } });
    try {
      for (const resolution of ['720p', '1080p', '4k'] as const) await lc.submit({ resolution });
      for (let step = 0; step < 16; step += 1) {
        lc.clock.advance(30_000);
        await lc.tick();
      }
      // Minute 8: polls emptied their share of the bucket (as deep as the window is free, less the
      // submit reserve's 1 of 20), each refill (one each 36 s) taken by the next due poll.
      expect(lc.apiCalls('check-status')).toBe(22);
      const sent = await lc.submit({ text: 'new prompt' });
      expect(sent.state).toBe('running');

      // New prompts have the whole bucket, not the polls' shallower share: five more go at once. Then
      // the pace is spent, though 69 of the hour's 100 requests are free: the next one waits for the
      // bucket's next refill, at most 36 s away, not for the hour.
      let more = 0;
      while (more < 20 && (await lc.submit({ text: `next prompt ${more}` })).state === 'running') more += 1;
      expect(more).toBe(5);
      expect(lc.budget.available()).toBe(69);
      const queued = lc.repo.inState('queued')[0]!;
      expect(queued.queuePosition).toBe(1);
      const now = lc.clock.now().getTime();
      const expectedAt = queued.expectedAt!.getTime();
      expect(expectedAt).toBeGreaterThan(now);
      expect(expectedAt).toBeLessThanOrEqual(now + 36_000);

      lc.clock.set(expectedAt - 1);
      await lc.queue.submitDue();
      expect(lc.generations.get(queued.id)!.state).toBe('queued');
      lc.clock.set(expectedAt);
      await lc.queue.submitDue();
      expect(lc.generations.get(queued.id)!.state).toBe('running');
    } finally {
      await lc.close();
    }
  });
});

describe('polls under a long queue', () => {
  it('still poll at the polls’ share of the window while submissions wait', async () => {
    const lc = await startLifecycle({ rateLimit: { limit: 20, pollReserve: 4, submitReserve: 0 } });
    try {
      for (let i = 0; i < 40; i += 1) await lc.submit({ text: `video ${i}` });
      const firstBatch = lc.repo.inState('running').map((g) => g.id);
      expect(firstBatch).toHaveLength(16);
      for (let step = 0; step < 120; step += 1) {
        lc.clock.advance(30_000);
        await lc.tick();
      }
      // One hour later the first sixteen are delivered, though the queue never emptied.
      expect(lc.queue.length()).toBeGreaterThan(0);
      expect(firstBatch.map((id) => lc.generations.get(id)!.state)).toEqual(Array(16).fill('completed'));
      expect(lc.apiCalls('check-status')).toBeGreaterThanOrEqual(1);
    } finally {
      await lc.close();
    }
  });
});
