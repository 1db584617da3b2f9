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
