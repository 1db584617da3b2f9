import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/veo/vendorKeys.js';
import { minute, startLifecycle, type Lifecycle, type LifecycleOptions } from '../support/lifecycleHarness.js';

const SERVER_KEY = 'np-server-key-0123456789';
const OTHER_SERVER_KEY = 'np-server-key-abcdefghij';
const guildId = '100000000000000001';
const otherGuild = '100000000000000002';
const adminId = '200000000000000009';
const refusedKey = { kind: 'status', status: 401, errorCode: 'LOGIN_REQUIRED' } as const;
const rateLimited = { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED', retryAfterSeconds: 600 } as const;

describe("a server's own key in the queue and the polls", () => {
  let w: Lifecycle | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  async function world(options: LifecycleOptions = {}): Promise<Lifecycle> {
    w = await startLifecycle({ serverKeys: { mode: 'allowed', secret: randomBytes(32) }, ...options, api: { apiKeys: ['test-key', SERVER_KEY, OTHER_SERVER_KEY], ...options.api } });
    await w.serverKeys.set(guildId, SERVER_KEY, adminId);
    return w;
  }
  const calls = (lc: Lifecycle, endpoint: 'generate' | 'check-status') => lc.api.requests.filter((r) => r.endpoint === endpoint).map((r) => [r.key, r.status]);
  const payerOf = (lc: Lifecycle, generationId: number) =>
    lc.db.$client.prepare("select payer from credit_ledger where generation_id = ? and kind = 'reserve'").get(generationId);

  it("sends and polls its server's requests with its key only: the operator's budget is untouched and the server pays", async () => {
    const lc = await world();
    const sent = await lc.submit();
    expect(sent).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf(SERVER_KEY) });
    const other = await lc.submitIn(otherGuild, '200000000000000002');
    expect(other).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf('test-key') });
    lc.clock.advance(10 * minute);
    await lc.tick();
    expect(lc.repo.get(sent.id)?.state).toBe('completed');
    expect(calls(lc, 'generate')).toEqual([
      [SERVER_KEY, 200],
      ['test-key', 200],
    ]);
    // The key check, then its own polls; the other server's video is polled on the operator's key alone.
    const checks = lc.api.requests.filter((r) => r.endpoint === 'check-status');
    const askedAbout = (key: string) => checks.filter((r) => r.key === key).flatMap((r) => JSON.stringify(r.body));
    expect(askedAbout(SERVER_KEY).slice(1).every((body) => body.includes(lc.repo.get(sent.id)!.shots[0]!.taskId!))).toBe(true);
    expect(askedAbout(SERVER_KEY).length).toBeGreaterThan(1);
    expect(askedAbout('test-key').some((body) => body.includes(lc.repo.get(sent.id)!.shots[0]!.taskId!))).toBe(false);
    // The operator's key spent only the other server's submit and polls.
    const operatorRequests = lc.api.requests.filter((r) => r.key === 'test-key').length;
    expect(lc.budget.available()).toBe(100 - operatorRequests);
    expect(lc.serverKeys.budgetFor(fingerprintOf(SERVER_KEY)).available()).toBe(100 - lc.api.requests.filter((r) => r.key === SERVER_KEY).length);
    expect(payerOf(lc, sent.id)).toEqual({ payer: 'server' });
    expect(payerOf(lc, other.id)).toEqual({ payer: 'operator' });
  });

  it("with an empty account holds only its server's lane and tells its owner, while another server's request goes out on the operator's key", async () => {
    const lc = await world({ api: { accounts: { [SERVER_KEY]: 0 } } });
    const held = await lc.submit();
    expect(held.state).toBe('queued');
    expect(lc.serverAlerts).toEqual([{ kind: 'account_empty', guildId }]);
    expect(lc.alerts).toEqual([]);
    expect(lc.serverKeys.standing(guildId)?.accountEmpty).toBe(true);
    const other = await lc.submitIn(otherGuild, '200000000000000002');
    expect(other).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf('test-key') });
    // Ticks before the retry interval send nothing on the empty key, and never its request on the operator's.
    await lc.tick();
    expect(lc.repo.get(held.id)?.state).toBe('queued');
    expect(calls(lc, 'generate')).toEqual([
      [SERVER_KEY, 402],
      ['test-key', 200],
    ]);
    // Topped up: the next retry goes through on its own key, and the empty state is over.
    lc.api.topUp(100, SERVER_KEY);
    lc.clock.advance(60 * minute);
    await lc.tick();
    expect(lc.repo.get(held.id)).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf(SERVER_KEY) });
    expect(lc.serverKeys.standing(guildId)?.accountEmpty).toBe(false);
  });

  it("answering 401 pauses only its server: its requests are released with a sentence, its admins told, the others go on", async () => {
    const lc = await world();
    await lc.serverKeys.set(otherGuild, OTHER_SERVER_KEY, adminId);
    lc.api.injectFault('generate', refusedKey);
    const refused = await lc.submit();
    expect(refused).toMatchObject({ state: 'failed', errorCode: 'SERVER_KEY_REFUSED', creditsRefunded: 0 });
    expect(lc.serverAlerts).toEqual([{ kind: 'key_refused', guildId }]);
    expect(lc.serverKeys.isRefused(guildId)).toBe(true);
    // One that joins its lane meanwhile is released as it joins, never sent.
    const later = await lc.submit({ text: 'a later fox' });
    expect(later).toMatchObject({ state: 'failed', errorCode: 'SERVER_KEY_REFUSED' });
    const other = await lc.submitIn(otherGuild, '200000000000000002');
    expect(other).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf(OTHER_SERVER_KEY) });
    expect(calls(lc, 'generate')).toEqual([
      [SERVER_KEY, 401],
      [OTHER_SERVER_KEY, 200],
    ]);
    expect(lc.alerts).toEqual([]);
  });

  it('refused on a poll (401) pauses its server too, and tells its admins once', async () => {
    const lc = await world({ api: { shotDurationMs: 10 * minute } });
    const running = await lc.submit();
    expect(running.state).toBe('running');
    lc.api.injectFault('check-status', refusedKey, 2);
    for (let step = 0; step < 40 && lc.apiCalls('check-status') < 2; step += 1) {
      lc.clock.advance(15_000);
      await lc.tick();
    }
    expect(lc.api.requests.filter((r) => r.endpoint === 'check-status').map((r) => [r.key, r.status])).toEqual([
      [SERVER_KEY, 404],
      [SERVER_KEY, 401],
    ]);
    expect(lc.serverKeys.isRefused(guildId)).toBe(true);
    expect(lc.serverAlerts).toEqual([{ kind: 'key_refused', guildId }]);
    expect(lc.repo.get(running.id)?.state).toBe('running');
  });

  it("releases a request reserved on its server's key when the key is removed before it went out, rather than send it on the operator's", async () => {
    const lc = await world();
    lc.api.injectFault('generate', rateLimited);
    const waiting = await lc.submit();
    expect(waiting.state).toBe('queued');
    lc.serverKeys.remove(guildId);
    lc.clock.advance(15 * minute);
    await lc.tick();
    expect(lc.repo.get(waiting.id)).toMatchObject({ state: 'failed', errorCode: 'SERVER_KEY_REMOVED' });
    expect(calls(lc, 'generate')).toEqual([[SERVER_KEY, 429]]);
    expect(lc.db.$client.prepare("select kind from credit_ledger where generation_id = ? order by id").all(waiting.id)).toEqual([{ kind: 'reserve' }, { kind: 'release' }]);
    // Nothing of its server is left unfinished: the removed key is forgotten.
    expect(lc.db.$client.prepare('select count(*) as n from server_api_keys').get()).toEqual({ n: 0 });
  });

  it("counts unknown outcomes on its key against its server's books and pauses only that key", async () => {
    const lc = await world();
    lc.api.injectFault('generate', { kind: 'reset' }, 3);
    for (const text of ['one fox', 'two foxes', 'three foxes']) expect(await lc.submit({ text })).toMatchObject({ state: 'failed', errorCode: 'OUTCOME_UNKNOWN' });
    expect(lc.db.$client.prepare("select payer from credit_ledger where kind = 'unknown'").all()).toEqual([{ payer: 'server' }, { payer: 'server' }, { payer: 'server' }]);
    const paused = await lc.submit({ text: 'a fourth fox' });
    expect(paused.state).toBe('queued');
    expect(lc.alerts).toEqual([]);
    const other = await lc.submitIn(otherGuild, '200000000000000002');
    expect(other).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf('test-key') });
    expect(lc.operator.accountEmpty()).toBe(false);
    expect(calls(lc, 'generate').map(([key]) => key)).toEqual([SERVER_KEY, SERVER_KEY, SERVER_KEY, 'test-key']);
    // Its admin storing the key again lifts the pause: the waiting request goes out on it.
    await lc.serverKeys.set(guildId, SERVER_KEY, adminId);
    await lc.tick();
    expect(lc.repo.get(paused.id)).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf(SERVER_KEY) });
  });

  it("stretches its videos' polls as its own key's budget runs low, whatever the operator's key has left", async () => {
    // A shot longer than the first polls: the first answer says it is still processing.
    const lc = await world({ api: { shotDurationMs: 10 * minute } });
    const sent = await lc.submit();
    // Its key spent most of its hour elsewhere (the operator's has all of its own left).
    const requests = lc.repos.apiBudget.forKey(fingerprintOf(SERVER_KEY));
    for (let i = 0; i < 85; i += 1) requests.record('check-status', new Date(lc.clock.now().getTime() - 30 * minute));
    const scarcity = lc.serverKeys.budgetFor(fingerprintOf(SERVER_KEY)).scarcity();
    expect(scarcity).toBeGreaterThan(3);
    // Up to its first poll (the key's check was the one status request before it).
    for (let step = 0; step < 40 && lc.apiCalls('check-status') === 1; step += 1) {
      lc.clock.advance(15_000);
      await lc.tick();
    }
    const polled = lc.repo.get(sent.id)!;
    expect(polled.state).toBe('running');
    expect(lc.api.requests.filter((r) => r.endpoint === 'check-status').map((r) => r.key)).toEqual([SERVER_KEY, SERVER_KEY]);
    expect(polled.nextPollAt!.getTime() - lc.clock.now().getTime()).toBeGreaterThanOrEqual(Math.min(5 * minute, 30_000 * scarcity) - 1);
  });
  it('sends and polls on a key removed and set again with its new client, never the closed one', async () => {
    const lc = await world();
    const first = await lc.submit();
    lc.clock.advance(10 * minute);
    await lc.tick();
    expect(lc.repo.get(first.id)?.state).toBe('completed');
    // Removed with nothing left to poll, its client is closed; the same key pasted again gets a new one.
    lc.serverKeys.remove(guildId);
    await lc.serverKeys.set(guildId, SERVER_KEY, adminId);
    const again = await lc.submit();
    expect(again).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf(SERVER_KEY) });
    lc.clock.advance(10 * minute);
    await lc.tick();
    expect(lc.repo.get(again.id)?.state).toBe('completed');
    expect(lc.serverKeys.standing(guildId)?.accountEmpty).toBe(false);
  });
  it("tells each lane's waiting members why they wait: a server's empty account marks its requests only, the operator's its own", async () => {
    const lc = await world({ api: { accounts: { [SERVER_KEY]: 0, 'test-key': 0 } } });
    const serverHeld = await lc.submit();
    expect(lc.repo.get(serverHeld.id)).toMatchObject({ state: 'queued', waitReason: 'account_empty' });
    const serverJoined = await lc.submit({}, '200000000000000003');
    expect(lc.repo.get(serverJoined.id)).toMatchObject({ state: 'queued', waitReason: 'account_empty' });
    const operatorHeld = await lc.submitIn(otherGuild, '200000000000000002');
    expect(lc.repo.get(operatorHeld.id)).toMatchObject({ state: 'queued', waitReason: 'account_empty' });
    // The operator's key topped up: its lane goes on, the server's requests still wait for their own account.
    lc.api.topUp(100, 'test-key');
    lc.clock.advance(60 * minute);
    await lc.tick();
    expect(lc.repo.get(operatorHeld.id)).toMatchObject({ state: 'running', waitReason: null });
    expect(lc.repo.get(serverHeld.id)).toMatchObject({ state: 'queued', waitReason: 'account_empty' });
    expect(lc.repo.get(serverJoined.id)).toMatchObject({ state: 'queued', waitReason: 'account_empty' });
    // The server's key topped up: its requests go, and none says the account is empty any more.
    lc.api.topUp(100, SERVER_KEY);
    lc.clock.advance(60 * minute);
    await lc.tick();
    expect(lc.repo.get(serverHeld.id)).toMatchObject({ state: 'running', waitReason: null });
    expect(lc.repo.get(serverJoined.id)?.waitReason).toBeNull();
  });
  it("keeps its key's submit reserve while only the operator's lane has requests waiting: each key's polls weigh its own lane", async () => {
    const lc = await world({ api: { accounts: { 'test-key': 0 } } });
    const running = await lc.submit();
    const waiting = await lc.submitIn(otherGuild, '200000000000000002');
    expect(lc.repo.get(waiting.id)?.state).toBe('queued');
    const budget = lc.serverKeys.budgetFor(fingerprintOf(SERVER_KEY));
    while (budget.available() > 3) budget.tryTakeForPoll({ queueWaiting: true });
    const polled = () => lc.api.requests.filter((r) => r.endpoint === 'check-status' && r.key === SERVER_KEY).length;
    const before = polled();
    lc.clock.advance(4 * minute);
    await lc.tick();
    // Nobody waits for this key: its last slots stay free for its server's next submit.
    expect(polled()).toBe(before);
    expect(lc.repo.get(running.id)?.state).toBe('running');
    expect(budget.available()).toBe(3);
  });
});
