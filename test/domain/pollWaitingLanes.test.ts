import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fingerprintOf } from '../../src/veo/vendorKeys.js';
import { minute, startLifecycle, type Lifecycle, type LifecycleOptions } from '../support/lifecycleHarness.js';

const SERVER_KEY = 'np-server-key-0123456789';
const guildId = '100000000000000001';
const otherGuild = '100000000000000002';
const adminId = '200000000000000009';
const SUBMIT_RESERVE = 5;

describe('polls and the requests waiting in their key’s lane', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  async function world(options: LifecycleOptions = {}): Promise<Lifecycle> {
    lc = await startLifecycle({
      serverKeys: { mode: 'allowed', secret: randomBytes(32) },
      rateLimit: { submitReserve: SUBMIT_RESERVE },
      ...options,
      api: { apiKeys: ['test-key', 'second-key', 'third-key', SERVER_KEY], ...options.api },
    });
    await lc.serverKeys.set(guildId, SERVER_KEY, adminId);
    return lc;
  }
  const statusCalls = (w: Lifecycle, key: string) => w.api.requests.filter((r) => r.endpoint === 'check-status' && r.key === key).length;
  /** Spends the operator's key down to its submit reserve: a poll may take the next slot only if a request waits for it. */
  function downToReserve(w: Lifecycle): void {
    while (w.budget.available() > SUBMIT_RESERVE) w.budget.tryTakeForPoll({ queueWaiting: true });
  }

  it('reads the queue at most once per poll step, however many keys and batches poll in it', async () => {
    const w = await world({ apiKeys: ['test-key', 'second-key', 'third-key'], batchSize: 1 });
    for (let i = 0; i < 6; i += 1) expect((await w.submitIn(otherGuild, `20000000000000001${i}`)).state).toBe('running');
    expect((await w.submit()).keyFingerprint).toBe(fingerprintOf(SERVER_KEY));
    // Requests waiting in both kinds of lane, so that every runner asks.
    w.generations.create({ ...w.origin('200000000000000020'), guildId: otherGuild }, [], w.request());
    w.generations.create(w.origin('200000000000000021'), [], w.request());
    w.clock.advance(4 * minute);
    const reads = vi.spyOn(w.repo, 'waiting');
    const before = w.apiCalls('check-status');
    await w.polls.pollDue();
    // Seven videos on four keys, one per batch: seven polls, one read of the queue.
    expect(w.apiCalls('check-status') - before).toBe(7);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("keeps the operator's submit reserve while only a server's lane waits and its own request is still being set up", async () => {
    const w = await world({ api: { accounts: { [SERVER_KEY]: 0 } } });
    const running = await w.submitIn(otherGuild, '200000000000000002');
    expect(running).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf('test-key') });
    expect((await w.submit()).state).toBe('queued');
    const settingUp = w.generations.create({ ...w.origin('200000000000000003'), guildId: otherGuild }, [], w.request());
    const release = w.replySetups.hold(settingUp.id);
    downToReserve(w);
    const before = statusCalls(w, 'test-key');
    w.clock.advance(4 * minute);
    await w.polls.pollDue();
    expect(statusCalls(w, 'test-key')).toBe(before);
    expect(w.budget.available()).toBe(SUBMIT_RESERVE);
    release();
  });

  it.each([
    ["by its payer (the operator's books)", {}, otherGuild],
    ["by the queue's laneOf (every request on the operator's keys)", { laneOf: () => 'operator' as const }, guildId],
  ])("lets the operator's polls take the submit reserve's slots once a request waits in its own lane, %s", async (_, options: LifecycleOptions, waitingIn) => {
    const w = await world(options);
    const running = await w.submitIn(otherGuild, '200000000000000002');
    expect(running.keyFingerprint).toBe(fingerprintOf('test-key'));
    // Waiting, not sent: the submit step does not run between here and the polls.
    w.generations.create({ ...w.origin('200000000000000003'), guildId: waitingIn }, [], w.request());
    downToReserve(w);
    const before = statusCalls(w, 'test-key');
    w.clock.advance(4 * minute);
    await w.polls.pollDue();
    expect(statusCalls(w, 'test-key')).toBe(before + 1);
    expect(w.budget.available()).toBe(SUBMIT_RESERVE - 1);
  });
});
