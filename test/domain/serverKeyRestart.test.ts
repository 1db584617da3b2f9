import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/veo/vendorKeys.js';
import { startLifecycle, type Lifecycle, type LifecycleOptions } from '../support/lifecycleHarness.js';

const SERVER_KEY = 'np-server-key-0123456789';
const guildId = '100000000000000001';
const adminId = '200000000000000009';
const serverFingerprint = fingerprintOf(SERVER_KEY);
const pausedLine = "submissions on the server's own key paused after unknown outcomes in a row";

describe("a submission on a server's own key cut off by a restart", () => {
  const opened: Lifecycle[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((world) => world.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const secret = randomBytes(32);
  async function world(options: LifecycleOptions): Promise<Lifecycle> {
    const started = await startLifecycle({
      serverKeys: { mode: 'allowed', secret },
      operator: { unknownOutcomePause: 2 },
      ...options,
      api: { apiKeys: ['test-key', SERVER_KEY] },
    });
    opened.push(started);
    return started;
  }
  async function closed(w: Lifecycle): Promise<void> {
    opened.splice(opened.indexOf(w), 1);
    await w.close();
  }

  /** One live unknown outcome on the server's key, then one submission the bot stopped during: the database left behind. */
  async function stoppedWhileSubmitting(): Promise<{ databasePath: string; cutOff: number }> {
    const dir = mkdtempSync(join(tmpdir(), 'server-key-restart-'));
    dirs.push(dir);
    const databasePath = join(dir, 'bot.db');
    const before = await world({ databasePath });
    await before.serverKeys.set(guildId, SERVER_KEY, adminId);
    before.api.injectFault('generate', { kind: 'reset' });
    expect(await before.submit({ text: 'one fox' })).toMatchObject({ state: 'failed', errorCode: 'OUTCOME_UNKNOWN' });
    const cutOff = before.generations.create(before.origin(), [], before.request({ text: 'two foxes' }));
    before.repo.markSubmitting(cutOff.id, serverFingerprint);
    expect(before.repos.operator.keyState(serverFingerprint)).toMatchObject({ unknownStreak: 1, unknownPausedAt: null });
    await closed(before);
    return { databasePath, cutOff: cutOff.id };
  }
  const unknownPayers = (w: Lifecycle) => w.db.$client.prepare("select payer from credit_ledger where kind = 'unknown' order by id").all();

  it("counts on its key's unknown-outcome pause as a live one does: the key pauses, its server pays, the operator is not told", async () => {
    const { databasePath, cutOff } = await stoppedWhileSubmitting();
    const after = await world({ databasePath });
    expect(after.recoverAtStart()).toBe(1);
    expect(after.repo.get(cutOff)).toMatchObject({ state: 'failed', errorCode: 'OUTCOME_UNKNOWN' });
    expect(after.repos.operator.keyState(serverFingerprint).unknownStreak).toBe(2);
    expect(after.repos.operator.keyState(serverFingerprint).unknownPausedAt).not.toBeNull();
    expect(after.logs.filter((line) => line.includes(pausedLine))).toHaveLength(1);
    expect(unknownPayers(after)).toEqual([{ payer: 'server' }, { payer: 'server' }]);
    expect(after.alerts).toEqual([]);
    // Paused: the server's next request waits instead of going out on its key (or the operator's).
    const waiting = await after.submit({ text: 'three foxes' });
    expect(waiting.state).toBe('queued');
    await after.tick();
    expect(after.repo.get(waiting.id)?.state).toBe('queued');
    expect(after.apiCalls('generate')).toBe(0);
  });

  it.each([
    ['a wrong KEY_ENCRYPTION_SECRET', { mode: 'allowed', secret: randomBytes(32) }],
    ['SERVER_KEYS=off', { mode: 'off', secret }],
  ] as const)('counts by its fingerprint when the stored key cannot be used at start (%s), and the right settings find it paused', async (_, serverKeys) => {
    const { databasePath } = await stoppedWhileSubmitting();
    const unusable = await world({ databasePath, serverKeys });
    expect(unusable.recoverAtStart()).toBe(1);
    expect(unusable.repos.operator.keyState(serverFingerprint).unknownPausedAt).not.toBeNull();
    expect(unusable.logs.filter((line) => line.includes(pausedLine))).toHaveLength(1);
    expect(unknownPayers(unusable)).toEqual([{ payer: 'server' }, { payer: 'server' }]);
    expect(unusable.alerts).toEqual([]);
    await closed(unusable);
    const right = await world({ databasePath });
    expect(right.recoverAtStart()).toBe(0);
    expect((await right.submit({ text: 'three foxes' })).state).toBe('queued');
    expect(right.apiCalls('generate')).toBe(0);
  });
});
