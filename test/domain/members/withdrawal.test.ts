import { afterEach, describe, expect, it } from 'vitest';
import type { Generation } from '../../../src/domain/generation.js';
import { minute, startLifecycle, type Lifecycle } from '../../support/lifecycleHarness.js';

const bob = '200000000000000002';

describe('Cancel on a waiting request', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  /** One submit an hour: the first request is sent, the next two wait. */
  async function withWaiting(): Promise<{ lc: Lifecycle; sent: Generation; waiting: Generation[] }> {
    lc = await startLifecycle({ rateLimit: { limit: 13, pollReserve: 12, submitReserve: 0, burst: 13 } });
    const sent = await lc.submit({ text: 'sent first' });
    const waiting = [await lc.submit({ text: 'waits one' }), await lc.submit({ text: 'waits two' })];
    expect(sent.state).toBe('running');
    expect(waiting.map((g) => g.state)).toEqual(['queued', 'queued']);
    return { lc, sent, waiting };
  }
  const used = (world: Lifecycle) => world.checks.summary(world.member).member.used;

  it('releases its credits at once with the state change, shows who cancelled it, and never sends it', async () => {
    const { lc, waiting } = await withWaiting();
    const [target] = waiting;
    const usedBefore = used(lc);
    const cancelled = await lc.withdrawals.withdraw(target!.id, { guildId: lc.member.guildId, userId: lc.member.userId, canManageMessages: false });
    expect(cancelled).toMatchObject({ state: 'failed', errorCode: 'CANCELLED', cancelledBy: lc.member.userId, queuePosition: null });
    expect(cancelled.revision).toBeGreaterThan(target!.revision);
    expect(used(lc)).toBe(usedBefore - target!.credits);
    const rows = lc.db.$client.prepare('select kind, credits from credit_ledger where generation_id = ? order by id').all(target!.id);
    expect(rows).toEqual([{ kind: 'reserve', credits: 10 }, { kind: 'release', credits: -10 }]);
    // The key frees up: the other waiting request goes, the cancelled one never does.
    lc.clock.advance(61 * minute);
    const generatesBefore = lc.apiCalls('generate');
    await lc.tick();
    expect(lc.apiCalls('generate')).toBe(generatesBefore + 1);
    expect(lc.repo.get(waiting[1]!.id)!.state).toBe('running');
    expect(lc.repo.get(target!.id)!.state).toBe('failed');
  });

  it('is for its member and members with Manage Messages only', async () => {
    const { lc, waiting } = await withWaiting();
    const usedBefore = used(lc);
    await expect(lc.withdrawals.withdraw(waiting[0]!.id, { guildId: lc.member.guildId, userId: bob, canManageMessages: false })).rejects.toThrow(
      expect.objectContaining({ code: 'withdraw_not_allowed' }),
    );
    expect(lc.repo.get(waiting[0]!.id)!.state).toBe('queued');
    expect(used(lc)).toBe(usedBefore);
    const byModerator = await lc.withdrawals.withdraw(waiting[0]!.id, { guildId: lc.member.guildId, userId: bob, canManageMessages: true });
    expect(byModerator).toMatchObject({ errorCode: 'CANCELLED', cancelledBy: bob });
    await expect(lc.withdrawals.withdraw(waiting[1]!.id, { guildId: 'another server', userId: lc.member.userId, canManageMessages: true })).rejects.toThrow(
      expect.objectContaining({ code: 'result_other_server' }),
    );
  });

  it('says truthfully when it comes too late: a second press, or after the request was sent', async () => {
    const { lc, sent, waiting } = await withWaiting();
    const by = { guildId: lc.member.guildId, userId: lc.member.userId, canManageMessages: false };
    await lc.withdrawals.withdraw(waiting[0]!.id, by);
    const usedAfterFirst = used(lc);
    await expect(lc.withdrawals.withdraw(waiting[0]!.id, { ...by, userId: bob, canManageMessages: true })).rejects.toThrow(
      expect.objectContaining({ code: 'withdraw_already', details: { id: waiting[0]!.id, by: lc.member.userId } }),
    );
    await expect(lc.withdrawals.withdraw(sent.id, by)).rejects.toThrow(expect.objectContaining({ code: 'withdraw_too_late', details: { id: sent.id, sent: true } }));
    expect(used(lc)).toBe(usedAfterFirst);
    expect(lc.repo.get(sent.id)!.state).toBe('running');
  });

  it('cannot cancel a request the submitter has taken, even while the vendor has not answered yet', async () => {
    const { lc, waiting } = await withWaiting();
    lc.repo.markSubmitting(waiting[0]!.id, lc.pool.keys[0]!.fingerprint);
    await expect(lc.withdrawals.withdraw(waiting[0]!.id, { guildId: lc.member.guildId, userId: lc.member.userId, canManageMessages: false })).rejects.toThrow(
      expect.objectContaining({ code: 'withdraw_too_late', details: { id: waiting[0]!.id, sent: true } }),
    );
    expect(lc.repo.get(waiting[0]!.id)!.state).toBe('submitting');
  });

  it('lists the member’s waiting requests first in line first, and counts them for the admins', async () => {
    const { lc, waiting } = await withWaiting();
    expect(lc.members.waitingFor(lc.member.guildId, lc.member.userId).map((g) => g.id)).toEqual(waiting.map((g) => g.id));
    expect(lc.members.waitingFor(lc.member.guildId, bob)).toEqual([]);
    expect(lc.members.view(lc.member.guildId)).toMatchObject({ waiting: 2, activeLimit: 3, limitSetHere: false, cooldowns: [] });
  });
});
