import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minute, startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';
import { renderGeneration } from '../../src/discord/render/generationMessage.js';

describe('generation lifecycle against the fake API', () => {
  let lc: Lifecycle;
  beforeEach(async () => {
    lc = await startLifecycle();
  });
  afterEach(() => lc.close());

  it('stores, submits and settles a generation, then polls first a third of the spread past the shortest shot time', async () => {
    await lc.close();
    lc = await startLifecycle({ api: { shotDurationMs: 200_000 } });
    const generation = await lc.submit();
    expect(generation).toMatchObject({ state: 'running', creditsUsed: 10, revision: 1 });
    expect(generation.shots[0]).toMatchObject({ id: `veo-${generation.id}-1`, state: 'processing' });
    expect(generation.shots[0]!.taskId).toBeTruthy();
    expect(generation.nextPollAt).toEqual(new Date(lc.clock.now().getTime() + 3 * minute));

    lc.clock.advance(2 * minute);
    await lc.polls.pollDue();
    expect(lc.apiCalls('check-status')).toBe(0);

    lc.clock.advance(minute);
    await lc.polls.pollDue();
    expect(lc.apiCalls('check-status')).toBe(1);
    expect(lc.generations.get(generation.id)).toMatchObject({ state: 'running', pollCount: 1, revision: 1 });

    lc.clock.advance(30_000);
    await lc.polls.pollDue();
    const done = lc.generations.get(generation.id)!;
    expect(done).toMatchObject({ state: 'completed', revision: 2, nextPollAt: null });
    expect(done.shots[0]!.videoUrl).toMatch(/^https?:\/\/.+\.mp4$/);
    expect(lc.apiCalls('check-status')).toBe(2);
    expect(lc.apiCalls('generate')).toBe(1);
  });

  it('lets running generations that could be ready ride along in a poll that goes out anyway', async () => {
    const early = await lc.submit();
    lc.clock.advance(150_000);
    const late = await lc.submit();
    // `early` is due (3 min); `late` is past its 2-minute minimum but not due yet.
    lc.clock.advance(150_000);
    await lc.polls.pollDue();
    const polls = lc.api.requests.filter((r) => r.endpoint === 'check-status');
    expect(polls).toHaveLength(1);
    expect((polls[0]!.body as { taskIds: unknown[] }).taskIds).toHaveLength(2);
    expect(lc.generations.get(early.id)!.state).toBe('completed');
    expect(lc.generations.get(late.id)!.state).toBe('completed');
  });

  it('asks about all due shots of one resolution in one request', async () => {
    await lc.submit();
    await lc.submit({ text: 'a || b' });
    await lc.submit({ resolution: '1080p' });
    await lc.submit({ resolution: '1080p' });
    lc.clock.advance(4 * minute);
    await lc.polls.pollDue();
    const polls = lc.api.requests.filter((r) => r.endpoint === 'check-status');
    expect(polls).toHaveLength(2);
    const sizes = polls.map((r) => (r.body as { taskIds: unknown[] }).taskIds.length).sort();
    expect(sizes).toEqual([2, 3]);
  });

  it('records each shot of a multi-shot video as it finishes and ends partial when one fails', async () => {
    await lc.close();
    lc = await startLifecycle({
      api: { outcome: (shot) => (shot.index === 1 ? { status: 'failed', error: 'unsafe content' } : { status: 'completed' }) },
    });
    const generation = await lc.submit({ text: 'one || two || three' });
    for (let i = 0; i < 40 && lc.generations.get(generation.id)!.state === 'running'; i += 1) {
      lc.clock.advance(30_000);
      await lc.polls.pollDue();
    }
    const done = lc.generations.get(generation.id)!;
    expect(done.state).toBe('partial');
    expect(done.shots.map((s) => s.state)).toEqual(['completed', 'failed', 'completed']);
    expect(done.errorCode).toBe('GENERATION_FAILED');
    expect(done.shots[1]!.error).toBe('failed');
    expect(renderGeneration(done).embeds[0]!.description).toContain('1 of 3 shots could not be made');
    expect(lc.logs.join('\n')).not.toContain('unsafe content"'.repeat(2));
  });

  it('shows what the ledger charged when the API accepted only some shots, never "refunded" for a shot it did not take', async () => {
    lc.api.injectFault('generate', {
      kind: 'status',
      status: 200,
      body: {
        status: 'processing',
        shots: [
          { shotId: 'veo-1-1', taskId: 'task_only', status: 'processing' },
          { shotId: 'veo-1-2', taskId: 'task_refused', status: 'failed' },
        ],
        creditsUsed: 10,
      },
    });
    const generation = await lc.submit({ text: 'one || two' });
    expect(generation).toMatchObject({ id: 1, state: 'running', credits: 20, creditsUsed: 10, creditsRefunded: 0 });
    expect(generation.shots.map((shot) => [shot.state, shot.error])).toEqual([['processing', null], ['failed', 'not_accepted']]);
    expect(lc.quotaAdmin.usage(lc.member.guildId)).toMatchObject({ used: 10, breakdown: { settled: 10, refunded: 0, open: 0 } });
    const cost = (g: typeof generation) => renderGeneration(g).embeds[0]!.fields!.find((field) => field.name === 'Cost')!.value;
    expect(cost(generation)).toBe('10 credits');

    lc.api.injectFault('check-status', {
      kind: 'status',
      status: 200,
      body: { status: 'completed', shots: [{ shotId: 'veo-1-1', taskId: 'task_only', status: 'completed', videoUrl: 'https://video.example/1.mp4' }] },
    });
    lc.clock.advance(10 * minute);
    await lc.polls.pollDue();
    const done = lc.generations.get(generation.id)!;
    expect(done).toMatchObject({ state: 'partial', creditsUsed: 10, creditsRefunded: 0 });
    expect(cost(done)).toBe('10 credits');
    expect(lc.quotaAdmin.usage(lc.member.guildId)).toMatchObject({ used: 10, breakdown: { settled: 10, refunded: 0 } });
  });

  it('fails and releases a request the API rejects, with a message that says what to do', async () => {
    lc.api.injectFault('generate', { kind: 'status', status: 500, errorCode: 'GENERATION_FAILED' });
    const failed = await lc.submit();
    expect(failed).toMatchObject({ state: 'failed', errorCode: 'GENERATION_FAILED', creditsUsed: null });
    expect(renderGeneration(failed).embeds[0]!.description).toMatch(/could not make this video/);
  });

  it('holds every request while the vendor account is empty, tells the operator once, and retries one at a time', async () => {
    await lc.close();
    lc = await startLifecycle({ api: { credits: 5 }, operator: { emptyAccountRetryMs: 10 * minute } });
    const first = await lc.submit();
    expect(first).toMatchObject({ state: 'queued', waitReason: 'account_empty', errorCode: null, creditsUsed: null });
    expect(renderGeneration(first).embeds[0]!.description).toMatch(/video account is out of credits, so your request waits/);
    const second = await lc.submit();
    expect(second).toMatchObject({ state: 'queued', waitReason: 'account_empty', queuePosition: 2 });
    // Its place is shown, but no expected start: nobody can say when the account is topped up.
    const fields = renderGeneration(second).embeds[0]!.fields?.map((f) => f.name);
    expect(fields).toContain('Queue position');
    expect(fields).not.toContain('Expected start');
    expect(lc.apiCalls('generate')).toBe(1);
    expect(lc.alerts).toHaveLength(1);
    expect(lc.logs.filter((line) => line.includes('"level":"error"') && line.includes('out of credits'))).toHaveLength(1);

    await lc.queue.submitDue();
    expect(lc.apiCalls('generate')).toBe(1);
    lc.clock.advance(10 * minute);
    await lc.queue.submitDue();
    // One retry, still empty: held again, nobody told twice.
    expect(lc.apiCalls('generate')).toBe(2);
    expect(lc.alerts).toHaveLength(1);

    lc.api.topUp(100);
    lc.clock.advance(10 * minute);
    await lc.queue.submitDue();
    expect(lc.generations.get(first.id)).toMatchObject({ state: 'running', waitReason: null });
    expect(lc.generations.get(second.id)).toMatchObject({ state: 'running', waitReason: null });
    expect(lc.quotaAdmin.usage(lc.member.guildId).used).toBe(20);
  });

  it('never re-sends a generate whose outcome is unknown, and says so in the log', async () => {
    lc.api.injectFault('generate', { kind: 'hang' });
    const generation = await lc.submit();
    expect(generation).toMatchObject({ state: 'failed', errorCode: 'OUTCOME_UNKNOWN' });
    expect(lc.apiCalls('generate')).toBe(1);
    expect(lc.logs.some((line) => line.includes('outcome unknown'))).toBe(true);
  });

  it('isolates a task the API does not know, without losing the others in its batch', async () => {
    const known = await lc.submit();
    const lost = await lc.submit();
    lc.repo.startShot(lost.shots[0]!.id, 'task-that-never-existed');
    lc.clock.advance(3 * minute);
    await lc.polls.pollDue();
    expect(lc.generations.get(known.id)!.state).toBe('completed');
    expect(lc.generations.get(lost.id)).toMatchObject({ state: 'failed', errorCode: 'TASK_NOT_FOUND' });
  });

  it('pauses polls after a 429 until Retry-After has passed', async () => {
    const generation = await lc.submit();
    lc.clock.advance(3 * minute);
    lc.api.injectFault('check-status', { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED', retryAfterSeconds: 120 });
    await lc.polls.pollDue();
    expect(lc.apiCalls('check-status')).toBe(1);
    lc.clock.advance(60_000);
    await lc.polls.pollDue();
    expect(lc.apiCalls('check-status')).toBe(1);
    lc.clock.advance(61_000);
    await lc.polls.pollDue();
    expect(lc.apiCalls('check-status')).toBe(2);
    expect(lc.generations.get(generation.id)!.state).toBe('completed');
  });

  it('retries after a server error and gives up with a refund after the deadline', async () => {
    const generation = await lc.submit();
    lc.api.injectFault('check-status', { kind: 'status', status: 500, errorCode: 'INTERNAL_ERROR' }, 1000);
    for (let i = 0; i < 30; i += 1) {
      lc.clock.advance(2 * minute);
      await lc.polls.pollDue();
    }
    expect(lc.generations.get(generation.id)).toMatchObject({ state: 'failed', errorCode: 'timeout' });
  });

  it('releases a submission cut off by a restart instead of re-sending it', async () => {
    const stuck = lc.generations.create(lc.origin(), [], lc.request());
    lc.repo.markSubmitting(stuck.id, lc.pool.keys[0]!.fingerprint);
    expect(lc.submitter.recoverInterruptedSubmissions()).toBe(1);
    expect(lc.generations.get(stuck.id)).toMatchObject({ state: 'failed', errorCode: 'OUTCOME_UNKNOWN' });
    expect(lc.apiCalls('generate')).toBe(0);
  });
});
