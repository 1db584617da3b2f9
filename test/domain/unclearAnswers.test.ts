import { afterEach, describe, expect, it } from 'vitest';
import { startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';

const accepted = (generationId: number, creditsUsed: number) => ({
  kind: 'status' as const,
  status: 200,
  body: { status: 'processing', shots: [{ shotId: `veo-${generationId}-1`, taskId: 'task_paid', status: 'processing' }], creditsUsed },
});

describe('an accepted request is recorded whatever else goes wrong', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  it('counts a fractional creditsUsed rounded up, logs it, and keeps the request running', async () => {
    lc = await startLifecycle();
    lc.api.injectFault('generate', accepted(1, 10.5));
    const generation = await lc.submit();
    expect(generation).toMatchObject({ id: 1, state: 'running', creditsUsed: 11, errorCode: null });
    expect(generation.shots[0]).toMatchObject({ taskId: 'task_paid', state: 'processing' });
    expect(lc.quotaAdmin.usage(lc.member.guildId)).toMatchObject({ used: 11, breakdown: { settled: 11, open: 0 } });
    expect(lc.logs.filter((line) => line.includes('fraction of a credit') && line.includes('"reported":10.5'))).toHaveLength(1);
  });

  it('stores the task ids and throws loudly when the database refuses the settlement, never failing it as refunded', async () => {
    lc = await startLifecycle();
    lc.db.$client.exec(`create trigger no_settle before insert on credit_ledger when new.kind = 'settle' begin select raise(abort, 'disk on fire'); end`);
    lc.api.injectFault('generate', accepted(1, 10));
    await expect(lc.submit()).rejects.toThrow(/disk on fire/);
    const generation = lc.generations.get(1)!;
    expect(generation).toMatchObject({ state: 'running', errorCode: null, creditsUsed: 10 });
    expect(generation.shots[0]).toMatchObject({ taskId: 'task_paid', state: 'processing' });
    // The reservation stays open, so the credits still count against every limit.
    expect(lc.quotaAdmin.usage(lc.member.guildId)).toMatchObject({ used: 10, breakdown: { open: 10 }, releases: 0 });
    expect(lc.logs.filter((line) => line.includes('"level":"error"') && line.includes('could not record'))).toHaveLength(1);
  });
});

describe('a submit whose outcome is unknown', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  const unreadable = { kind: 'malformed' as const };

  it("is not charged to the member or the server, but counts against the operator's ceiling and global budget, and the books balance", async () => {
    lc = await startLifecycle({
      quota: { memberCap: 10 },
      operator: { ceiling: { amount: 25, period: 'week' }, globalBudget: { amount: 1000, period: 'month' } },
    });
    lc.api.injectFault('generate', unreadable);
    const unknown = await lc.submit();
    expect(unknown).toMatchObject({ state: 'failed', errorCode: 'OUTCOME_UNKNOWN' });

    // The member: not charged, no cap used.
    const summary = lc.checks.summary(lc.member);
    expect(summary.member.used).toBe(0);
    expect(summary.server.used).toBe(0);
    expect(lc.quotaAdmin.usage(lc.member.guildId)).toMatchObject({ used: 0, releases: 1 });
    // The operator: possibly spent.
    expect(summary.ceiling).toMatchObject({ used: 10, remaining: 15 });
    expect(lc.operator.usage()).toMatchObject({ total: 10, unknowns: 1, unknownCredits: 10 });
    expect(lc.operator.usage().servers[0]).toMatchObject({ charged: 10, unknowns: 1, unknownCredits: 10 });
    // reserve + release + unknown: every row still adds up to what the ceiling counts.
    const rows = lc.db.$client.prepare('select kind, credits from credit_ledger order by id').all();
    expect(rows).toEqual([{ kind: 'reserve', credits: 10 }, { kind: 'release', credits: -10 }, { kind: 'unknown', credits: 10 }]);
    // Final and once: a second record changes nothing, and the schema refuses a non-positive one.
    expect(lc.ledger.unknown(unknown.id, 'again')).toBe(0);
    const insert = lc.db.$client.prepare(
      `insert into credit_ledger (guild_id, user_id, generation_id, kind, credits, period_key, counts_at, created_at) values ('g', 'u', ?, 'unknown', ?, 'week:x', 0, 0)`,
    );
    expect(() => insert.run(unknown.id, 10)).toThrow(/UNIQUE/);
    expect(() => insert.run(unknown.id, -10)).toThrow(/CHECK/);

    // The member may still use the full cap; the ceiling now has 15 left, so a second 10 fits and a third does not.
    expect(lc.checks.check(lc.member, 10)).toMatchObject({ ok: true });
    await lc.submit();
    expect(lc.checks.check(lc.member, 10)).toMatchObject({ ok: false });
    expect(lc.checks.summary(lc.member).ceiling).toMatchObject({ used: 20 });
  });

  it('pauses the key after UNKNOWN_OUTCOME_PAUSE in a row (429s neither count nor reset), tells the operator once, and resume lifts it', async () => {
    lc = await startLifecycle({ operator: { unknownOutcomePause: 3 } });
    lc.api.injectFault('generate', unreadable, 2);
    await lc.submit();
    await lc.submit();
    lc.api.injectFault('generate', { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED', retryAfterSeconds: 60 });
    const limited = await lc.submit();
    expect(limited.state).toBe('queued');
    lc.api.injectFault('generate', unreadable);
    lc.clock.advance(61_000);
    await lc.tick();
    expect(lc.generations.get(limited.id)).toMatchObject({ state: 'failed', errorCode: 'OUTCOME_UNKNOWN' });
    expect(lc.alerts).toEqual([{ kind: 'unknown_outcomes', count: 3 }]);
    expect(lc.logs.filter((line) => line.includes('paused after unknown outcomes'))).toHaveLength(1);

    // Paused: nothing more goes out on the key, across ticks.
    const calls = lc.apiCalls('generate');
    const waiting = await lc.submit();
    expect(waiting.state).toBe('queued');
    lc.clock.advance(60 * 60_000);
    await lc.tick();
    expect(lc.apiCalls('generate')).toBe(calls);
    expect(lc.operator.unknownPaused()).toBe(true);

    expect(lc.operator.resume('200000000000000999')).toEqual({ wasPaused: false, wasEmpty: false, wasUnknownPaused: true });
    await lc.tick();
    expect(lc.generations.get(waiting.id)!.state).toBe('running');
    expect(lc.alerts).toHaveLength(1);
  });

  it('starts counting again after an accepted submit', async () => {
    lc = await startLifecycle({ operator: { unknownOutcomePause: 3 } });
    lc.api.injectFault('generate', unreadable, 2);
    await lc.submit();
    await lc.submit();
    expect((await lc.submit()).state).toBe('running');
    lc.api.injectFault('generate', unreadable, 2);
    await lc.submit();
    await lc.submit();
    expect(lc.operator.unknownPaused()).toBe(false);
    expect((await lc.submit()).state).toBe('running');
    expect(lc.alerts).toEqual([]);
  });
});

describe('an empty account, retried', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  it('tries the waiting requests cheaper than the refused one, which keeps its turn, and tells the operator what the queue needs', async () => {
    lc = await startLifecycle({ api: { credits: 25 }, operator: { emptyAccountRetryMs: 10 * 60_000 } });
    // Queued together, as behind a busy key: a 4k shot (30 credits), then two 720p ones (10 each).
    const big = lc.generations.create(lc.origin(), [], lc.request({ resolution: '4k' }));
    const small = [lc.generations.create(lc.origin(), [], lc.request()), lc.generations.create(lc.origin(), [], lc.request())];
    await lc.queue.submitDue();
    expect(lc.generations.get(big.id)).toMatchObject({ state: 'queued', waitReason: 'account_empty' });
    expect(lc.alerts).toEqual([{ kind: 'account_empty', requiredCredits: 30, waitingCredits: 50 }]);
    expect(lc.apiCalls('generate')).toBe(1);

    await lc.queue.submitDue();
    expect(lc.apiCalls('generate')).toBe(1);

    lc.clock.advance(10 * 60_000);
    await lc.queue.submitDue();
    // Both smaller requests fit in the 25 credits left; the refused one was not tried again.
    expect(small.map((g) => lc!.generations.get(g.id)!.state)).toEqual(['running', 'running']);
    expect(lc.apiCalls('generate')).toBe(3);
    expect(lc.generations.get(big.id)).toMatchObject({ state: 'queued', queuePosition: 1, waitReason: 'account_empty' });
    expect(lc.api.creditsLeft()).toBe(5);
    expect(lc.alerts).toHaveLength(1);

    // A round that ended without a refusal still waits its interval before the next.
    lc.clock.advance(5_000);
    await lc.queue.submitDue();
    expect(lc.apiCalls('generate')).toBe(3);

    lc.api.topUp(100);
    lc.clock.advance(10 * 60_000);
    await lc.queue.submitDue();
    expect(lc.generations.get(big.id)).toMatchObject({ state: 'running', waitReason: null });
    expect(lc.apiCalls('generate')).toBe(4);
    expect(lc.alerts).toHaveLength(1);
  });

  it('tries nothing cheaper than what the vendor refused; with nothing cheaper waiting, the head once per retry', async () => {
    lc = await startLifecycle({ api: { credits: 5 }, operator: { emptyAccountRetryMs: 10 * 60_000 } });
    const first = lc.generations.create(lc.origin(), [], lc.request());
    const second = lc.generations.create(lc.origin(), [], lc.request());
    await lc.queue.submitDue();
    expect(lc.apiCalls('generate')).toBe(1);
    lc.clock.advance(10 * 60_000);
    await lc.queue.submitDue();
    expect(lc.apiCalls('generate')).toBe(2);
    const prompts = lc.api.requests.filter((r) => r.endpoint === 'generate').map((r) => (r.body as { shots: { id: string }[] }).shots[0]!.id);
    expect(prompts).toEqual([`veo-${first.id}-1`, `veo-${first.id}-1`]);
    expect(lc.generations.get(second.id)!.state).toBe('queued');
  });
});
