import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/domain/errors.js';
import { fingerprintOf } from '../../src/veo/vendorKeys.js';
import { startLifecycle, type Lifecycle, type LifecycleOptions } from '../support/lifecycleHarness.js';

const SERVER_KEY = 'np-server-key-0123456789';
const guildId = '100000000000000001';
const adminId = '200000000000000009';

const refusalCode = async (work: () => unknown): Promise<string> => {
  try {
    await work();
  } catch (error) {
    if (error instanceof UserFacingError) return error.code;
    throw error;
  }
  return 'none';
};

describe("a server's own key", () => {
  const opened: Lifecycle[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((world) => world.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function world(options: LifecycleOptions = {}): Promise<Lifecycle> {
    const started = await startLifecycle({ serverKeys: { mode: 'allowed', secret: secretA }, ...options, api: { apiKeys: ['test-key', SERVER_KEY], ...options.api } });
    opened.push(started);
    return started;
  }
  const secretA = randomBytes(32);
  const checksOf = (w: Lifecycle) => w.api.requests.filter((r) => r.endpoint === 'check-status');

  it('is checked with one status request for a task that cannot exist, on its own budget, then stored sealed', async () => {
    const w = await world();
    const { fingerprint, replaced } = await w.serverKeys.set(guildId, ` ${SERVER_KEY} `, adminId);
    expect({ fingerprint, replaced }).toEqual({ fingerprint: fingerprintOf(SERVER_KEY), replaced: false });
    const [check] = checksOf(w);
    expect(checksOf(w)).toHaveLength(1);
    expect(check).toMatchObject({ key: SERVER_KEY, status: 404 });
    expect(w.serverKeys.keyOfGuild(guildId)).toBe(fingerprint);
    expect(w.serverKeys.payerOf(guildId)).toBe('server');
    // Its own budget counted the check; the operator's did not.
    expect(w.serverKeys.standing(guildId)).toEqual({ fingerprint, requestsLeft: 99, accountEmpty: false, refused: false });
    expect(w.budget.available()).toBe(100);
    const stored = w.db.$client.prepare('select * from server_api_keys').all();
    expect(JSON.stringify(stored)).not.toContain(SERVER_KEY);
    expect(stored).toHaveLength(1);
  });

  it.each([
    ['401', { kind: 'status', status: 401, errorCode: 'LOGIN_REQUIRED' } as const, 'server_key_invalid'],
    ['429', { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED', retryAfterSeconds: 60 } as const, 'server_key_check_unavailable'],
    ['500', { kind: 'status', status: 500, errorCode: 'INTERNAL_ERROR' } as const, 'server_key_check_unavailable'],
    ['a cut connection', { kind: 'reset' } as const, 'server_key_check_unavailable'],
  ])('answered %s is refused with a sentence, and nothing is stored', async (_name, fault, code) => {
    const w = await world();
    w.api.injectFault('check-status', fault);
    expect(await refusalCode(() => w.serverKeys.set(guildId, SERVER_KEY, adminId))).toBe(code);
    expect(w.serverKeys.keyOfGuild(guildId)).toBeNull();
    expect(w.db.$client.prepare('select count(*) as n from server_api_keys').get()).toEqual({ n: 0 });
  });

  it('that the vendor does not know is refused (a real 401)', async () => {
    const w = await world();
    expect(await refusalCode(() => w.serverKeys.set(guildId, 'np-unknown-key-999999', adminId))).toBe('server_key_invalid');
    expect(checksOf(w).map((r) => r.status)).toEqual([401]);
  });

  it("is refused when it is one of the operator's keys, without a request", async () => {
    const w = await world();
    expect(await refusalCode(() => w.serverKeys.set(guildId, 'test-key', adminId))).toBe('server_key_operators');
    expect(checksOf(w)).toHaveLength(0);
  });

  it('cannot be set without KEY_ENCRYPTION_SECRET or with SERVER_KEYS=off, and the admission lets everyone through', async () => {
    const noSecret = await world({ serverKeys: { mode: 'allowed' } });
    expect(noSecret.serverKeys.state()).toBe('no_secret');
    expect(await refusalCode(() => noSecret.serverKeys.set(guildId, SERVER_KEY, adminId))).toBe('server_keys_no_secret');
    const off = await world({ serverKeys: { mode: 'off', secret: secretA } });
    expect(await refusalCode(() => off.serverKeys.set(guildId, SERVER_KEY, adminId))).toBe('server_keys_off');
    expect(off.serverKeys.refusal(guildId)).toBeUndefined();
  });

  it('is learnt by the log: neither the pasted key nor one read at start appears in a line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'server-keys-'));
    dirs.push(dir);
    const databasePath = join(dir, 'bot.db');
    const first = await world({ databasePath });
    await first.serverKeys.set(guildId, SERVER_KEY, adminId);
    first.log.info({ detail: `Bearer ${SERVER_KEY}` }, `sent with ${SERVER_KEY}`);
    await first.close();
    // What a backup copies holds only the sealed bytes.
    expect(readFileSync(databasePath).includes(SERVER_KEY)).toBe(false);
    opened.splice(opened.indexOf(first), 1);
    const second = await world({ databasePath });
    second.log.warn({ detail: SERVER_KEY }, 'read again');
    expect([...first.logs, ...second.logs].join('\n')).not.toContain(SERVER_KEY);
    expect(second.logs.join('\n')).toContain('[redacted]');
  });

  describe('at start', () => {
    async function storedWith(secret: Buffer): Promise<string> {
      const dir = mkdtempSync(join(tmpdir(), 'server-keys-'));
      dirs.push(dir);
      const databasePath = join(dir, 'bot.db');
      const first = await world({ databasePath, serverKeys: { mode: 'allowed', secret } });
      await first.serverKeys.set(guildId, SERVER_KEY, adminId);
      await first.close();
      opened.splice(opened.indexOf(first), 1);
      return databasePath;
    }

    it('re-encrypts the keys readable with KEY_ENCRYPTION_SECRET_PREVIOUS with the new secret, then needs only the new one', async () => {
      const databasePath = await storedWith(secretA);
      const secretB = randomBytes(32);
      const rotated = await world({ databasePath, serverKeys: { mode: 'allowed', secret: secretB, previousSecret: secretA } });
      expect(rotated.serverKeys.state()).toBe('ready');
      expect(rotated.serverKeys.keyOfGuild(guildId)).toBe(fingerprintOf(SERVER_KEY));
      expect(rotated.logs.some((line) => line.includes('re-encrypted'))).toBe(true);
      await rotated.close();
      opened.splice(opened.indexOf(rotated), 1);
      const after = await world({ databasePath, serverKeys: { mode: 'allowed', secret: secretB } });
      expect(after.serverKeys.state()).toBe('ready');
      expect(after.serverKeys.keyOfGuild(guildId)).toBe(fingerprintOf(SERVER_KEY));
    });

    it('with a wrong secret says so in one sentence, keeps every key, and refuses the servers that have one', async () => {
      const databasePath = await storedWith(secretA);
      const wrong = await world({ databasePath, serverKeys: { mode: 'allowed', secret: randomBytes(32) } });
      expect(wrong.serverKeys.state()).toBe('locked');
      expect(wrong.logs.filter((line) => line.includes('"level":"error"'))).toHaveLength(1);
      expect(wrong.logs.join('\n')).toContain('KEY_ENCRYPTION_SECRET is not the secret');
      expect(wrong.serverKeys.refusal(guildId)).toBe('server_key_locked');
      expect(wrong.serverKeys.refusal('100000000000000002')).toBeUndefined();
      expect(await refusalCode(() => wrong.serverKeys.set(guildId, SERVER_KEY, adminId))).toBe('server_keys_unusable');
      await wrong.close();
      opened.splice(opened.indexOf(wrong), 1);
      // Nothing was lost: the right secret reads the key again.
      const right = await world({ databasePath, serverKeys: { mode: 'allowed', secret: secretA } });
      expect(right.serverKeys.keyOfGuild(guildId)).toBe(fingerprintOf(SERVER_KEY));
    });

    /** A database with one video running on the server's key; `andThen` runs before that bot stops. */
    async function runningOnItsKey<T>(andThen?: (bot: Awaited<ReturnType<typeof world>>) => Promise<T>): Promise<{ databasePath: string; generationId: number; then: T | undefined }> {
      const dir = mkdtempSync(join(tmpdir(), 'server-keys-'));
      dirs.push(dir);
      const databasePath = join(dir, 'bot.db');
      const first = await world({ databasePath });
      await first.serverKeys.set(guildId, SERVER_KEY, adminId);
      const running = await first.submit();
      expect(running).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf(SERVER_KEY) });
      const then = await andThen?.(first);
      await first.close();
      opened.splice(opened.indexOf(first), 1);
      return { databasePath, generationId: running.id, then };
    }
    const operatorPays = (w: Lifecycle) => w.logs.filter((line) => line.includes("now make their videos on the operator's keys"));

    it('with SERVER_KEYS=off still polls the videos running on a stored key, with that key, and says once who pays now', async () => {
      const { databasePath, generationId } = await runningOnItsKey();
      const off = await world({ databasePath, serverKeys: { mode: 'off', secret: secretA } });
      expect(off.serverKeys.state()).toBe('off');
      expect(off.serverKeys.payerOf(guildId)).toBe('operator');
      expect(operatorPays(off)).toHaveLength(1);
      expect(operatorPays(off)[0]).toContain('"servers":1');
      off.clock.advance(4 * 60_000);
      await off.tick();
      expect(off.api.requests.filter((r) => r.endpoint === 'check-status').map((r) => r.key)).toEqual([SERVER_KEY]);
      expect(off.repo.get(generationId)?.errorCode).not.toBe('KEY_REMOVED');
    });

    it('without KEY_ENCRYPTION_SECRET ends the videos running on a stored key truthfully, refunded, instead of freezing them', async () => {
      const { databasePath, generationId } = await runningOnItsKey();
      const noSecret = await world({ databasePath, serverKeys: { mode: 'allowed' } });
      expect(noSecret.serverKeys.state()).toBe('no_secret');
      expect(operatorPays(noSecret)).toHaveLength(1);
      noSecret.clock.advance(4 * 60_000);
      await noSecret.tick();
      expect(noSecret.repo.get(generationId)).toMatchObject({ state: 'failed', errorCode: 'KEY_REMOVED', creditsRefunded: 10 });
      // What its own key was charged stays counted on the server's books (refunded to the member, spent for the server).
      expect(noSecret.db.$client.prepare("select payer, credits from credit_ledger where kind = 'unpolled'").all()).toEqual([{ payer: 'server', credits: 10 }]);
      const thisDay = { start: new Date(noSecret.clock.now().getTime() - 86_400_000), end: new Date(noSecret.clock.now().getTime() + 86_400_000) };
      expect(noSecret.repos.ledger.ownKeyUnknowns(guildId, thisDay)).toBe(10);
    });

    it('with SERVER_KEYS=off releases the requests still waiting for a stored key, refunded, instead of holding them for good', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'server-keys-'));
      dirs.push(dir);
      const databasePath = join(dir, 'bot.db');
      const first = await world({ databasePath, api: { apiKeys: ['test-key', SERVER_KEY], accounts: { [SERVER_KEY]: 0 } } });
      await first.serverKeys.set(guildId, SERVER_KEY, adminId);
      const waiting = await first.submit();
      expect(waiting.state).toBe('queued');
      await first.close();
      opened.splice(opened.indexOf(first), 1);
      const off = await world({ databasePath, serverKeys: { mode: 'off', secret: secretA } });
      await off.tick();
      expect(off.repo.get(waiting.id)).toMatchObject({ state: 'failed', errorCode: 'SERVER_KEY_REMOVED' });
      expect(off.db.$client.prepare("select kind from credit_ledger where generation_id = ? and kind = 'release'").all(waiting.id)).toEqual([{ kind: 'release' }]);
    });

    it('with a wrong secret keeps the videos running on a stored key waiting: the right secret can still poll them', async () => {
      const { databasePath, generationId } = await runningOnItsKey();
      const wrong = await world({ databasePath, serverKeys: { mode: 'allowed', secret: randomBytes(32) } });
      wrong.clock.advance(4 * 60_000);
      await wrong.tick();
      expect(wrong.repo.get(generationId)?.state).toBe('running');
    });

    it("treats a stored key the operator now lists as their own as removed: its waiting requests released, its running video still polled, the operator told in one line", async () => {
      const { databasePath, generationId, then: waiting } = await runningOnItsKey(async (first) => {
        first.api.injectFault('generate', { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED', retryAfterSeconds: 60 });
        const queued = await first.submit({ text: 'a second fox' });
        expect(queued.state).toBe('queued');
        return queued;
      });
      const listed = await world({ databasePath, apiKeys: ['test-key', SERVER_KEY] });
      expect(listed.serverKeys.keyOfGuild(guildId)).toBeNull();
      expect(listed.serverKeys.payerOf(guildId)).toBe('operator');
      expect(listed.serverKeys.standing(guildId)).toBeNull();
      const told = listed.logs.filter((line) => line.includes("one of the operator's own keys"));
      expect(told).toHaveLength(1);
      expect(told[0]).toContain(`"keyFingerprint":"${fingerprintOf(SERVER_KEY)}"`);
      listed.clock.advance(4 * 60_000);
      await listed.tick();
      expect(listed.repo.get(waiting!.id)).toMatchObject({ state: 'failed', errorCode: 'SERVER_KEY_REMOVED' });
      expect(listed.db.$client.prepare("select payer from credit_ledger where generation_id = ? and kind = 'release'").all(waiting!.id)).toEqual([{ payer: 'server' }]);
      // Its running video is asked about with its key, never ended as one no key can poll.
      expect(listed.api.requests.filter((r) => r.endpoint === 'check-status').map((r) => r.key)).toEqual([SERVER_KEY]);
      expect(listed.repo.get(generationId)?.errorCode).not.toBe('KEY_REMOVED');
      // Noticed once: the next start finds nothing more to say.
      await listed.close();
      opened.splice(opened.indexOf(listed), 1);
      const again = await world({ databasePath, apiKeys: ['test-key', SERVER_KEY] });
      expect(again.logs.some((line) => line.includes("one of the operator's own keys"))).toBe(false);
    });

    it("does not use a key copied into another server's row: the server id is bound to it", async () => {
      const databasePath = await storedWith(secretA);
      const copy = await world({ databasePath });
      copy.db.$client
        .prepare("insert into server_api_keys (guild_id, key_fingerprint, iv, ciphertext, tag, set_by, set_at) select '100000000000000002', key_fingerprint, iv, ciphertext, tag, set_by, set_at from server_api_keys")
        .run();
      await copy.close();
      opened.splice(opened.indexOf(copy), 1);
      const reopened = await world({ databasePath });
      expect(reopened.serverKeys.keyOfGuild(guildId)).toBe(fingerprintOf(SERVER_KEY));
      expect(reopened.serverKeys.keyOfGuild('100000000000000002')).toBeNull();
      expect(reopened.serverKeys.refusal('100000000000000002')).toBe('server_key_locked');
    });
  });

  it('SERVER_KEYS=required: a server without its own key is refused in the one admission, before anything is reserved', async () => {
    const w = await world({ serverKeys: { mode: 'required', secret: secretA } });
    const reply = { acknowledge: async () => {}, open: async () => ({ messageId: null }), noteCredits: async () => {}, askToConfirm: async () => {} };
    const start = () => w.startGeneration({ origin: w.origin(), roleIds: [], request: w.request(), confirmed: false }, reply);
    expect(await refusalCode(start)).toBe('server_key_required');
    expect(await refusalCode(() => w.startGeneration({ origin: w.origin(), roleIds: [], request: w.request(), confirmed: true }, reply))).toBe('server_key_required');
    expect(w.db.$client.prepare('select count(*) as n from credit_ledger').get()).toEqual({ n: 0 });
    await w.serverKeys.set(guildId, SERVER_KEY, adminId);
    expect(await refusalCode(start)).toBe('none');
  });

  it('answering 401 pauses only its server with a sentence, and its owner is told once', async () => {
    const w = await world();
    await w.serverKeys.set(guildId, SERVER_KEY, adminId);
    w.serverKeys.refused(guildId);
    w.serverKeys.refused(guildId);
    expect(w.serverKeys.refusal(guildId)).toBe('server_key_paused');
    expect(w.serverKeys.refusal('100000000000000002')).toBeUndefined();
    expect(w.serverAlerts).toEqual([{ kind: 'key_refused', guildId }]);
    expect(w.serverKeys.standing(guildId)?.refused).toBe(true);
    // A new key lifts the pause.
    await w.serverKeys.set(guildId, SERVER_KEY, adminId);
    expect(w.serverKeys.refusal(guildId)).toBeUndefined();
  });

  it("with an empty account tells the server's owner once, until it takes a request again", async () => {
    const w = await world();
    await w.serverKeys.set(guildId, SERVER_KEY, adminId);
    w.serverKeys.accountEmpty(guildId);
    w.serverKeys.accountEmpty(guildId);
    expect(w.serverKeys.standing(guildId)?.accountEmpty).toBe(true);
    w.serverKeys.accountTookRequest(guildId);
    w.serverKeys.accountEmpty(guildId);
    expect(w.serverAlerts).toEqual([
      { kind: 'account_empty', guildId },
      { kind: 'account_empty', guildId },
    ]);
    expect(w.alerts).toEqual([]);
  });

  it('once removed, is kept for polling while its server has a video running, then forgotten', async () => {
    const w = await world();
    await w.serverKeys.set(guildId, SERVER_KEY, adminId);
    const running = await w.submit();
    expect(running.state).toBe('running');
    w.serverKeys.remove(guildId);
    expect(w.serverKeys.keyOfGuild(guildId)).toBeNull();
    expect(await refusalCode(() => w.serverKeys.remove(guildId))).toBe('server_key_none');
    expect(w.db.$client.prepare('select count(*) as n from server_api_keys').get()).toEqual({ n: 1 });
    w.clock.advance(10 * 60_000);
    await w.tick();
    expect(w.repo.get(running.id)).toMatchObject({ state: 'completed', keyFingerprint: fingerprintOf(SERVER_KEY) });
    // The poll step that ended its last video forgot the removed key.
    expect(w.serverKeys.purgeRemoved()).toBe(0);
    expect(w.db.$client.prepare('select count(*) as n from server_api_keys').get()).toEqual({ n: 0 });
  });
});
