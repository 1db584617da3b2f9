import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FailureCode, Generation } from '../../src/domain/generation.js';
import type { ServerKeyMode } from '../../src/domain/serverKeys/serverKeys.js';
import { fingerprintOf } from '../../src/veo/vendorKeys.js';
import { startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';
import { quietReply } from '../support/quietReply.js';

const SERVER_KEY = 'np-server-key-0123456789';
const APPROVAL_CHANNEL = '310000000000000001';
const MOD_ROLE = '510000000000000001';
const ADMIN = '400000000000000001';
const MODERATOR = '200000000000000009';

const reply = quietReply().port;

/**
 * Approve passes the server-key gate a member's new request passes: a key refused, removed, now
 * required or unreadable since the member asked releases the request at once, with the sentence a
 * new request meets and its credits given back on the books that reserved them.
 */
describe("approving a request after its server's key changed", () => {
  const opened: Lifecycle[] = [];
  let dir: string | undefined;
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((world) => world.close()));
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const secret = randomBytes(32);
  async function world(options: { mode?: ServerKeyMode; secret?: Buffer; databasePath?: string } = {}): Promise<Lifecycle> {
    const started = await startLifecycle({
      serverKeys: { mode: options.mode ?? 'allowed', secret: options.secret ?? secret },
      api: { apiKeys: ['test-key', SERVER_KEY] },
      members: { activeLimit: 0, duplicateWindowMs: 0, failureLimit: 0 },
      ...(options.databasePath ? { databasePath: options.databasePath } : {}),
    });
    opened.push(started);
    return started;
  }
  /** A world whose database outlives it, for the settings that change only with a restart. */
  async function restartable(): Promise<{ first: Lifecycle; databasePath: string }> {
    dir = mkdtempSync(join(tmpdir(), 'key-approvals-'));
    const databasePath = join(dir, 'bot.db');
    return { first: await world({ databasePath }), databasePath };
  }
  async function restart(w: Lifecycle, options: { mode?: ServerKeyMode; secret?: Buffer; databasePath: string }): Promise<Lifecycle> {
    await w.close();
    opened.splice(opened.indexOf(w), 1);
    return world(options);
  }

  async function waiting(l: Lifecycle): Promise<Generation> {
    l.moderation.approvalOn(l.member.guildId, APPROVAL_CHANNEL, MOD_ROLE, ADMIN);
    const outcome = await l.startGeneration({ origin: l.origin(), roleIds: [], request: l.request(), confirmed: false, managesMessages: false }, reply);
    if (outcome.kind !== 'awaiting') throw new Error(`expected the request to wait, got ${outcome.kind}`);
    return outcome.generation;
  }
  const approve = (l: Lifecycle, generation: Generation) => l.startGeneration.approve(generation.id, { guildId: l.member.guildId, userId: MODERATOR, roleIds: [MOD_ROLE], managesMessages: false });
  const ledgerOf = (l: Lifecycle, generation: Generation) =>
    l.db.$client.prepare('select kind, payer, credits from credit_ledger where generation_id = ? order by id').all(generation.id);

  /** Released by the approval itself, never queued, nothing sent; its approval message shows why. */
  async function expectReleased(l: Lifecycle, generation: Generation, errorCode: FailureCode, payer: 'operator' | 'server') {
    expect((await approve(l, generation)).kind).toBe('open');
    expect(l.generations.get(generation.id)).toMatchObject({ state: 'failed', errorCode, approval: { state: 'approved', deciderId: MODERATOR } });
    expect(ledgerOf(l, generation)).toEqual([
      { kind: 'reserve', payer, credits: 10 },
      { kind: 'release', payer, credits: -10 },
    ]);
    expect(l.checks.summary(l.member).available).toBe(1000);
    expect(l.moderationPosts.of('approval').at(-1)?.generation).toMatchObject({ state: 'failed', errorCode, approval: { state: 'approved' } });
    await l.tick();
    expect(l.apiCalls('generate')).toBe(0);
  }

  it('the vendor refused the key (401) meanwhile: released with the paused sentence', async () => {
    const l = await world();
    await l.serverKeys.set(l.member.guildId, SERVER_KEY, ADMIN);
    const generation = await waiting(l);
    l.serverKeys.refused(l.member.guildId);
    await expectReleased(l, generation, 'SERVER_KEY_REFUSED', 'server');
  });

  it("its admins removed the key meanwhile: released at once rather than queued on a lane that closes, never sent on the operator's keys", async () => {
    const l = await world();
    await l.serverKeys.set(l.member.guildId, SERVER_KEY, ADMIN);
    const generation = await waiting(l);
    l.serverKeys.remove(l.member.guildId);
    await expectReleased(l, generation, 'SERVER_KEY_REMOVED', 'server');
  });

  it('SERVER_KEYS=required since, and the server has no key: released with the sentence a new request meets, on the operator\'s books', async () => {
    const { first, databasePath } = await restartable();
    const generation = await waiting(first);
    const required = await restart(first, { mode: 'required', databasePath });
    await expectReleased(required, generation, 'SERVER_KEY_REQUIRED', 'operator');
  });

  it('SERVER_KEYS=off since: a request reserved on the server\'s key is released, never sent on the operator\'s', async () => {
    const { first, databasePath } = await restartable();
    await first.serverKeys.set(first.member.guildId, SERVER_KEY, ADMIN);
    const generation = await waiting(first);
    const off = await restart(first, { mode: 'off', databasePath });
    await expectReleased(off, generation, 'SERVER_KEY_REMOVED', 'server');
  });

  it('the secret is not the one its key was stored with: released with the sentence a new request meets', async () => {
    const { first, databasePath } = await restartable();
    await first.serverKeys.set(first.member.guildId, SERVER_KEY, ADMIN);
    const generation = await waiting(first);
    const wrong = await restart(first, { secret: randomBytes(32), databasePath });
    await expectReleased(wrong, generation, 'SERVER_KEY_LOCKED', 'server');
  });

  it("a key set meanwhile changes nothing for a request the operator's books reserved: it goes out on the operator's key", async () => {
    const l = await world();
    const generation = await waiting(l);
    await l.serverKeys.set(l.member.guildId, SERVER_KEY, ADMIN);
    await approve(l, generation);
    expect(l.generations.get(generation.id)).toMatchObject({ state: 'running', keyFingerprint: fingerprintOf('test-key') });
    expect(ledgerOf(l, generation)).toEqual([
      { kind: 'reserve', payer: 'operator', credits: 10 },
      { kind: 'settle', payer: 'operator', credits: 0 },
    ]);
  });
});
