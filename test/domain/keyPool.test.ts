import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { createRepos } from '../../db/repos.js';
import { ManualClock } from '../../src/clock.js';
import { fingerprintOf } from '../../src/veo/vendorKeys.js';
import { keyPoolOver } from '../support/keyPoolFixture.js';
import { minute, startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';

const [keyA, keyB] = ['pool-key-a', 'pool-key-b'];
const [fpA, fpB] = [fingerprintOf(keyA), fingerprintOf(keyB)];
const rateLimited = { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED', retryAfterSeconds: 600 } as const;

describe("the pool's choice of key", () => {
  let db: Db;
  afterEach(() => closeDb(db));

  it('takes the least loaded key, and skips keys that are empty, backing off or paused', () => {
    db = openDb(':memory:');
    const repos = createRepos(db);
    const pool = keyPoolOver(repos, new ManualClock(Date.UTC(2026, 10, 25, 12)), ['a', 'b', 'c']);
    const [a, b, c] = pool.keys;
    a!.budget.tryTakeForSubmit();
    a!.budget.tryTakeForSubmit();
    // b and c have 100 left each, a 98: the tie goes to the settings' order.
    expect(pool.takeSubmitSlot()?.fingerprint).toBe('b');
    expect(pool.takeSubmitSlot()?.fingerprint).toBe('c');
    expect(pool.takeSubmitSlot()?.fingerprint).toBe('b');
    expect(pool.requestsLeft()).toEqual(new Map([['a', 98], ['b', 98], ['c', 99]]));

    c!.account.emptied(10);
    for (let i = 0; i < 3; i += 1) b!.unknowns.counted();
    expect(pool.takeSubmitSlot()?.fingerprint).toBe('a');
    expect(pool.takeSubmitSlot(new Set(['a']))).toBeUndefined();
    a!.budget.rateLimited(10 * minute, 0);
    expect(pool.takeSubmitSlot()).toBeUndefined();
    // Only the 429 holds a; b and c wait for the operator.
    expect(pool.allHeld()).toBe(false);
    expect(pool.overview().map((k) => [k.fingerprint, k.accountEmpty, k.unknownPaused, k.rateLimitedUntil !== null])).toEqual([
      ['a', false, false, true],
      ['b', false, true, false],
      ['c', true, false, false],
    ]);
  });

  it('counts each key on its own budget: one key spent leaves the others their whole hour', () => {
    db = openDb(':memory:');
    const pool = keyPoolOver(createRepos(db), new ManualClock(Date.UTC(2026, 10, 25, 12)), ['a', 'b']);
    let onA = 0;
    while (pool.keys[0]!.budget.tryTakeForPoll({ queueWaiting: true })) onA += 1;
    expect(onA).toBeGreaterThan(0);
    expect(pool.keys[1]!.budget.available()).toBe(100);
    expect(pool.takeSubmitSlot()?.fingerprint).toBe('b');
  });
});

describe('the operator’s pool against the fake nanophoto', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  it('backs off only the key that got a 429; the request goes out on another key', async () => {
    lc = await startLifecycle({ apiKeys: [keyA, keyB] });
    lc.api.injectFault('generate', rateLimited);
    const first = await lc.submit();
    expect(first).toMatchObject({ state: 'queued', keyFingerprint: null });
    expect(lc.pool.get(fpA)!.budget.rateLimitedUntil()).toEqual(new Date(lc.clock.now().getTime() + 10 * minute));

    await lc.tick();
    expect(lc.generations.get(first.id)).toMatchObject({ state: 'running', keyFingerprint: fpB });
    const second = await lc.submit({ text: 'a second fox' });
    expect(second).toMatchObject({ state: 'running', keyFingerprint: fpB });
    expect(lc.api.requests.filter((r) => r.endpoint === 'generate').map((r) => [r.key, r.status])).toEqual([
      [keyA, 429],
      [keyB, 200],
      [keyB, 200],
    ]);
  });

  it('holds only the key whose account is empty, tells the operator which, and members never wait while another key sends', async () => {
    lc = await startLifecycle({ apiKeys: [keyA, keyB], api: { accounts: { [keyA]: 0 } } });
    const first = await lc.submit();
    expect(first).toMatchObject({ state: 'queued', waitReason: null });
    expect(lc.alerts).toEqual([{ kind: 'account_empty', requiredCredits: 10, waitingCredits: 10, keyFingerprint: fpA, otherKeys: 1 }]);
    expect(lc.pool.get(fpA)!.account.isEmpty()).toBe(true);
    expect(lc.operator.accountEmpty()).toBe(false);

    await lc.tick();
    expect(lc.generations.get(first.id)).toMatchObject({ state: 'running', keyFingerprint: fpB });
    expect(await lc.submit({ text: 'a second fox' })).toMatchObject({ state: 'running', keyFingerprint: fpB });

    lc.api.topUp(100, keyA);
    expect(lc.operator.resume('900000000000000009')).toMatchObject({ wasEmpty: true });
    // a has the most requests left again: it takes the next one.
    expect(await lc.submit({ text: 'a third fox' })).toMatchObject({ state: 'running', keyFingerprint: fpA });
  });

  it('makes members wait for credits only once every key is held', async () => {
    lc = await startLifecycle({ apiKeys: [keyA, keyB], api: { accounts: { [keyA]: 0, [keyB]: 0 } } });
    const first = await lc.submit();
    await lc.tick();
    expect(lc.generations.get(first.id)).toMatchObject({ state: 'queued', waitReason: 'account_empty' });
    expect(lc.alerts.map((alert) => alert.keyFingerprint)).toEqual([fpA, fpB]);
    expect(lc.operator.accountEmpty()).toBe(true);
  });

  it('polls each generation with the key that took it, in one batch per key', async () => {
    lc = await startLifecycle({ apiKeys: [keyA, keyB] });
    const made = [];
    for (let i = 0; i < 4; i += 1) made.push(await lc.submit({ text: `fox number ${i}` }));
    expect(made.map((g) => g.keyFingerprint)).toEqual([fpA, fpB, fpA, fpB]);
    lc.clock.advance(5 * minute);
    await lc.tick();
    const polls = lc.api.requests.filter((r) => r.endpoint === 'check-status');
    expect(polls.map((r) => [r.key, r.status, (r.body as { taskIds: unknown[] }).taskIds.length])).toEqual([
      [keyA, 200, 2],
      [keyB, 200, 2],
    ]);
    expect(made.map((g) => lc!.generations.get(g.id)!.state)).toEqual(['completed', 'completed', 'completed', 'completed']);
  });

  it("backs off a key's polls after its 429 without holding another key's polls", async () => {
    lc = await startLifecycle({ apiKeys: [keyA, keyB] });
    const [onA, onB] = [await lc.submit(), await lc.submit({ text: 'a second fox' })];
    expect([onA.keyFingerprint, onB.keyFingerprint]).toEqual([fpA, fpB]);
    lc.clock.advance(5 * minute);
    lc.api.injectFault('check-status', rateLimited);
    await lc.tick();
    expect(lc.api.requests.filter((r) => r.endpoint === 'check-status').map((r) => [r.key, r.status])).toEqual([
      [keyA, 429],
      [keyB, 200],
    ]);
    expect(lc.generations.get(onB.id)!.state).toBe('completed');
    expect(lc.generations.get(onA.id)!.state).toBe('running');
    expect(lc.pool.get(fpA)!.budget.rateLimitedUntil()).toBeDefined();
    expect(lc.pool.get(fpB)!.budget.rateLimitedUntil()).toBeUndefined();
  });

  it('gives rows from before the key pool the first configured key, once, and logs it once', async () => {
    lc = await startLifecycle({ apiKeys: [keyA, keyB] });
    const before = await lc.submit();
    lc.db.$client.prepare('update generations set key_fingerprint = null').run();
    lc.db.$client.prepare('update api_requests set key_fingerprint = null').run();
    const queued = await lc.generations.create(lc.origin(), [], lc.request({ text: 'still waiting' }));
    expect(lc.pool.get(fpA)!.budget.available()).toBe(100);

    lc.recoverAtStart();
    lc.recoverAtStart();
    expect(lc.generations.get(before.id)!.keyFingerprint).toBe(fpA);
    expect(lc.generations.get(queued.id)!.keyFingerprint).toBeNull();
    expect(lc.pool.get(fpA)!.budget.available()).toBe(99);
    expect(lc.logs.filter((line) => line.includes('rows from before the key pool'))).toHaveLength(1);
    expect(lc.logs.find((line) => line.includes('rows from before the key pool'))).toContain('"generations":1,"requests":1');
  });

  it('ends a generation whose key left the settings with a sentence, refunds the member and keeps the charge in the operator’s books', async () => {
    lc = await startLifecycle({ apiKeys: [keyA, keyB] });
    const onA = await lc.submit();
    const onB = await lc.submit({ text: 'made on the key that goes' });
    expect([onA.keyFingerprint, onB.keyFingerprint]).toEqual([fpA, fpB]);
    // As after a restart with key b gone from NANOPHOTO_API_KEYS: the row names a key no longer configured.
    lc.db.$client.prepare('update generations set key_fingerprint = ? where id = ?').run(fingerprintOf('a-key-since-removed'), onB.id);
    lc.clock.advance(5 * minute);
    await lc.tick();
    expect(lc.generations.get(onB.id)).toMatchObject({ state: 'failed', errorCode: 'KEY_REMOVED', creditsRefunded: 10 });
    expect(lc.generations.get(onA.id)).toMatchObject({ state: 'completed' });
    // The member got the 10 back; the vendor kept them, so the operator's books still count them.
    expect(lc.quotaAdmin.usage(lc.member.guildId).used).toBe(10);
    expect(lc.operator.usage()).toMatchObject({ total: 20, refunded: 10 });
    expect(lc.api.requests.filter((r) => r.endpoint === 'check-status').map((r) => r.key)).toEqual([keyA]);
    await lc.tick();
    expect(lc.operator.usage().total).toBe(20);
  });
});
