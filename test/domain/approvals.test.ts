import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplyPort, StartCall } from '../../src/domain/generationStarter.js';
import type { ModeratorRef } from '../../src/domain/moderation/moderationSettings.js';
import { UserFacingError } from '../../src/domain/errors.js';
import { minute, startLifecycle, type Lifecycle, type LifecycleOptions } from '../support/lifecycleHarness.js';
import { quietReply } from '../support/quietReply.js';

const APPROVAL_CHANNEL = '310000000000000001';
const LOG_CHANNEL = '310000000000000002';
const MOD_ROLE = '510000000000000001';
const ADMIN = '400000000000000001';
const MODERATOR = '200000000000000009';
const image = { name: 'a.png', url: 'https://cdn.discordapp.com/attachments/1/2/a.png?ex=1', contentType: 'image/png', size: 10 };

/** A reply port that opens the public reply and records nothing else of interest. */
const reply = quietReply().port;

describe('moderator approval', () => {
  let lc: Lifecycle | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  // The member rules are tested on their own; here a member may ask for the same video many times.
  async function setUp(options: LifecycleOptions = {}) {
    lc = await startLifecycle({ ...options, members: { activeLimit: 0, duplicateWindowMs: 0, failureLimit: 0, ...options.members } });
    lc.moderation.approvalOn(lc.member.guildId, APPROVAL_CHANNEL, MOD_ROLE, ADMIN);
    return lc;
  }

  const call = (l: Lifecycle, overrides: Partial<StartCall> = {}): StartCall => ({
    origin: l.origin(),
    roleIds: [],
    request: l.request(),
    confirmed: false,
    managesMessages: false,
    ...overrides,
  });
  const moderator = (l: Lifecycle, overrides: Partial<ModeratorRef> = {}): ModeratorRef => ({
    guildId: l.member.guildId,
    userId: MODERATOR,
    roleIds: [MOD_ROLE],
    managesMessages: false,
    ...overrides,
  });
  const openReservations = (l: Lifecycle) => l.checks.summary(l.member).available;

  async function waiting(l: Lifecycle, overrides: Partial<StartCall> = {}) {
    const outcome = await l.startGeneration(call(l, overrides), reply);
    if (outcome.kind !== 'awaiting') throw new Error(`expected the request to wait, got ${outcome.kind}`);
    return outcome.generation;
  }

  it("holds a member's request: reserved, shown waiting, posted in the approval channel, never sent", async () => {
    const l = await setUp();
    const generation = await waiting(l);
    expect(l.generations.get(generation.id)).toMatchObject({ state: 'awaiting_approval', approval: { state: 'waiting', deciderId: null } });
    expect(openReservations(l)).toBe(990);
    expect(l.moderationPosts.of('approval')).toMatchObject([{ channelId: APPROVAL_CHANNEL, messageId: null, generation: { id: generation.id } }]);
    await l.tick();
    await l.approvals.runDue();
    expect(l.apiCalls('generate')).toBe(0);
    expect(l.generations.get(generation.id)?.state).toBe('awaiting_approval');
  });

  it('asks a costly request to be confirmed first, and holds it only once confirmed', async () => {
    const l = await setUp();
    const costly = call(l, { request: l.request({ resolution: '4k' }) });
    expect(await l.startGeneration(costly, reply)).toEqual({ kind: 'asked' });
    expect(l.moderationPosts.posts).toEqual([]);
    expect(openReservations(l)).toBe(1000);
    const confirmed = await l.startGeneration({ ...costly, confirmed: true }, reply);
    expect(confirmed.kind).toBe('awaiting');
    expect(openReservations(l)).toBe(970);
  });

  it("never holds a moderator's own request: the role, Manage Messages or Manage Server", async () => {
    const l = await setUp();
    const byRole = await l.startGeneration(call(l, { roleIds: [MOD_ROLE] }), reply);
    const byPermission = await l.startGeneration(call(l, { managesMessages: true }), reply);
    expect([byRole.kind, byPermission.kind]).toEqual(['started', 'started']);
    expect(l.apiCalls('generate')).toBe(2);
    expect(l.moderationPosts.posts).toEqual([]);
  });

  it('approve: the request goes on through the start path into the queue and to the API', async () => {
    const l = await setUp();
    const generation = await waiting(l);
    const approved = await l.startGeneration.approve(generation.id, moderator(l));
    expect(approved.kind).toBe('open');
    expect(l.generations.get(generation.id)).toMatchObject({ state: 'running', approval: { state: 'approved', deciderId: MODERATOR } });
    expect(l.apiCalls('generate')).toBe(1);
    // The approval message is edited to show who decided, without its buttons.
    expect(l.moderationPosts.of('approval').at(-1)).toMatchObject({ messageId: expect.any(String), generation: { approval: { state: 'approved' } } });
    // A second press tells the truth.
    expect(await l.startGeneration.approve(generation.id, moderator(l, { userId: '200000000000000010' }))).toEqual({ kind: 'ended', state: 'approved', deciderId: MODERATOR });
    expect(l.apiCalls('generate')).toBe(1);
  });

  it('approve checks the kept image links again, and releases the request when they no longer answer', async () => {
    const l = await setUp({ imageLinks: { allAnswer: async () => false } });
    const generation = await waiting(l, { request: l.request({ images: [image] }) });
    await l.startGeneration.approve(generation.id, moderator(l));
    expect(l.generations.get(generation.id)).toMatchObject({ state: 'failed', errorCode: 'APPROVAL_IMAGES_EXPIRED' });
    expect(openReservations(l)).toBe(1000);
    expect(l.apiCalls('generate')).toBe(0);
  });

  it('deny with a reason: the credits are released and the reason kept for the member; a later press says it was denied', async () => {
    const l = await setUp();
    const generation = await waiting(l);
    const denied = await l.approvals.deny(generation.id, moderator(l), 'no gore, please');
    expect(denied.kind).toBe('open');
    expect(l.generations.get(generation.id)).toMatchObject({
      state: 'failed',
      errorCode: 'APPROVAL_DENIED',
      approval: { state: 'denied', deciderId: MODERATOR, reason: 'no gore, please' },
    });
    expect(openReservations(l)).toBe(1000);
    expect(l.moderationPosts.of('approval').at(-1)?.generation.approval?.state).toBe('denied');
    expect(await l.startGeneration.approve(generation.id, moderator(l))).toMatchObject({ kind: 'ended', state: 'denied' });
    expect(l.apiCalls('generate')).toBe(0);
  });

  it('refuses members who do not moderate, and a moderator deciding their own request', async () => {
    const l = await setUp();
    const generation = await waiting(l);
    expect(l.approvals.check(generation.id, moderator(l, { roleIds: [] }))).toEqual({ kind: 'not_moderator' });
    // The member got the role after asking: still not theirs to decide.
    expect(l.approvals.check(generation.id, moderator(l, { userId: l.member.userId }))).toEqual({ kind: 'own_request' });
    expect(l.approvals.check(generation.id, moderator(l, { guildId: '100000000000000099' }))).toEqual({ kind: 'unknown' });
    expect(l.approvals.check(generation.id, moderator(l, { roleIds: [], managesMessages: true })).kind).toBe('open');
  });

  it('expires an undecided request after APPROVAL_TTL_MS, and one with images at the image window, releasing both', async () => {
    const l = await setUp();
    const text = await waiting(l);
    const withImages = await waiting(l, { request: l.request({ images: [image] }) });
    expect(openReservations(l)).toBe(980);
    l.clock.advance(6 * 60 * minute);
    await l.approvals.runDue();
    expect(l.generations.get(withImages.id)).toMatchObject({ state: 'failed', errorCode: 'APPROVAL_EXPIRED', approval: { state: 'expired' } });
    expect(l.generations.get(text.id)?.state).toBe('awaiting_approval');
    l.clock.advance(18 * 60 * minute);
    await l.approvals.runDue();
    expect(l.generations.get(text.id)).toMatchObject({ state: 'failed', errorCode: 'APPROVAL_EXPIRED' });
    expect(openReservations(l)).toBe(1000);
    expect(await l.startGeneration.approve(text.id, moderator(l))).toMatchObject({ kind: 'ended', state: 'expired' });
  });

  it('closes the wait of a request whose reply Discord never took at once: no approval message ever offers it', async () => {
    const l = await setUp();
    const refusingReply: ReplyPort = { ...reply, open: () => Promise.reject(new Error('Discord is down')) };
    await expect(l.startGeneration(call(l), refusingReply)).rejects.toThrow('Discord is down');
    const [generation] = l.repo.inState('failed');
    expect(generation).toMatchObject({ errorCode: 'discord_unavailable', approval: { state: 'unreachable' } });
    expect(openReservations(l)).toBe(1000);
    l.clock.advance(minute);
    await l.approvals.runDue();
    l.clock.advance(24 * 60 * minute);
    await l.approvals.runDue();
    expect(l.generations.get(generation!.id)).toMatchObject({ errorCode: 'discord_unavailable', approval: { state: 'unreachable' } });
    expect(l.moderationPosts.posts).toEqual([]);
    expect(l.approvals.check(generation!.id, moderator(l))).toMatchObject({ kind: 'ended' });
    expect(l.apiCalls('generate')).toBe(0);
  });

  it('a request that ended while its wait stayed open cannot be approved: it is unknown to moderators', async () => {
    const l = await setUp();
    const generation = await waiting(l);
    // Ended another way, its approval row left waiting (as a crash between the two would leave it).
    expect(l.generations.abort(generation, 'discord_unavailable')).toBe(true);
    expect(l.generations.get(generation.id)?.approval).toMatchObject({ state: 'waiting' });
    expect(l.approvals.check(generation.id, moderator(l))).toEqual({ kind: 'unknown' });
    expect(await l.startGeneration.approve(generation.id, moderator(l))).toEqual({ kind: 'unknown' });
    await l.tick();
    expect(l.apiCalls('generate')).toBe(0);
    expect(l.generations.get(generation.id)).toMatchObject({ state: 'failed', errorCode: 'discord_unavailable' });
    expect(openReservations(l)).toBe(1000);
  });

  it('holds credits while waiting, so the budget cannot be overspent', async () => {
    const l = await setUp({ quota: { budget: 20 } });
    await waiting(l);
    await waiting(l);
    const refused = await l.startGeneration(call(l), reply).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserFacingError);
    expect(refused).toMatchObject({ code: 'quota_budget_spent' });
  });

  it('approval off lets nothing go: waiting requests still wait, new ones do not', async () => {
    const l = await setUp();
    const held = await waiting(l);
    expect(l.moderation.approvalOff(l.member.guildId, ADMIN)).toBe(true);
    expect((await l.startGeneration(call(l), reply)).kind).toBe('started');
    expect(l.generations.get(held.id)?.state).toBe('awaiting_approval');
    // The role still lets its holders decide what waits.
    expect((await l.startGeneration.approve(held.id, moderator(l))).kind).toBe('open');
  });

  it('a cancel releases through the same function, once', async () => {
    const l = await setUp();
    const generation = await waiting(l);
    expect(await l.approvals.release(generation.id, 'cancelled', l.member.userId)).toBe(true);
    expect(await l.approvals.release(generation.id, 'cancelled', MODERATOR)).toBe(false);
    // Who cancelled is written with the release itself, and stays the first canceller.
    expect(l.generations.get(generation.id)).toMatchObject({ state: 'failed', errorCode: 'CANCELLED', cancelledBy: l.member.userId });
    expect(openReservations(l)).toBe(1000);
  });

  it('the Cancel button on a waiting request releases it through its approval, says who, and counts no more as active', async () => {
    const l = await setUp({ members: { activeLimit: 1 } });
    const generation = await waiting(l);
    await expect(l.withdrawals.withdraw(generation.id, { guildId: l.member.guildId, userId: 'someone else', canManageMessages: false })).rejects.toMatchObject({ code: 'withdraw_not_allowed' });
    const cancelled = await l.withdrawals.withdraw(generation.id, { guildId: l.member.guildId, userId: l.member.userId, canManageMessages: false });
    expect(cancelled).toMatchObject({ state: 'failed', errorCode: 'CANCELLED', cancelledBy: l.member.userId, approval: { state: 'cancelled' } });
    // What release showed already named who: the approval message's edit was made with the canceller.
    expect(l.moderationPosts.of('approval').at(-1)?.generation).toMatchObject({ errorCode: 'CANCELLED', cancelledBy: l.member.userId });
    expect(openReservations(l)).toBe(1000);
    await expect(l.withdrawals.withdraw(generation.id, { guildId: l.member.guildId, userId: l.member.userId, canManageMessages: false })).rejects.toMatchObject({ code: 'withdraw_already' });
    // A moderator's decision after it is told the truth.
    expect((await l.startGeneration.approve(generation.id, moderator(l))).kind).toBe('ended');
    // Its place among the member's active requests is free again.
    expect((await waiting(l)).state).toBe('awaiting_approval');
  });

  it('counts a request awaiting approval as waiting: in the member\'s /veo status list and in the settings\' waiting count', async () => {
    const l = await setUp();
    const held = await waiting(l);
    expect(l.members.waitingFor(l.member.guildId, l.member.userId).map((g) => [g.id, g.state])).toEqual([[held.id, 'awaiting_approval']]);
    expect(l.members.view(l.member.guildId).waiting).toBe(1);
    await l.approvals.release(held.id, 'denied', MODERATOR);
    expect(l.members.waitingFor(l.member.guildId, l.member.userId)).toEqual([]);
    expect(l.members.view(l.member.guildId).waiting).toBe(0);
  });

  it('releases a request whose approval channel the bot cannot use, and shows the problem to the admins', async () => {
    const l = await setUp();
    l.moderationPosts.setUnusable(APPROVAL_CHANNEL, 'no_permission');
    const generation = await waiting(l);
    expect(l.generations.get(generation.id)).toMatchObject({ state: 'failed', errorCode: 'APPROVAL_UNAVAILABLE' });
    expect(openReservations(l)).toBe(1000);
    expect(l.moderation.view(l.member.guildId)).toMatchObject({ approval: { channelId: APPROVAL_CHANNEL }, approvalProblem: 'no_permission' });
    // Nothing is tried again for it.
    await l.approvals.runDue();
    expect(l.moderationPosts.posts).toEqual([]);
  });

  it('retries an approval message Discord did not take, at the tick', async () => {
    const l = await setUp();
    l.moderationPosts.setDown(true);
    const generation = await waiting(l);
    expect(l.moderationPosts.posts).toEqual([]);
    l.moderationPosts.setDown(false);
    l.clock.advance(minute);
    await l.approvals.runDue();
    expect(l.moderationPosts.of('approval').map((post) => post.generation.id)).toEqual([generation.id]);
  });

  it('survives a restart: the waiting request, its expiry and its decision are stored', async () => {
    dir = mkdtempSync(join(tmpdir(), 'veo-approvals-'));
    const databasePath = join(dir, 'bot.db');
    const first = await setUp({ databasePath });
    const generation = await waiting(first);
    await first.close();
    lc = await startLifecycle({ databasePath });
    expect(lc.generations.get(generation.id)).toMatchObject({ state: 'awaiting_approval', approval: { state: 'waiting' } });
    expect(lc.approvals.check(generation.id, moderator(lc)).kind).toBe('open');
    expect(await lc.approvals.deny(generation.id, moderator(lc), null)).toMatchObject({ kind: 'open' });
    expect(lc.checks.summary(lc.member).available).toBe(1000);
  });
});

describe("the moderators' log", () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  it('posts each final request once, stores it, and edits it when the result is removed', async () => {
    lc = await startLifecycle();
    const l = lc;
    const before = await l.submit();
    l.clock.advance(1000);
    l.moderation.logOn(l.member.guildId, LOG_CHANNEL, ADMIN);
    const made = await l.submit();
    expect(made.state).toBe('running');
    await l.moderationLog.runDue();
    expect(l.moderationPosts.of('log')).toEqual([]);

    l.clock.advance(6 * minute);
    await l.tick();
    await l.tick();
    expect(l.generations.get(made.id)?.state).toBe('completed');
    await l.moderationLog.runDue();
    await l.moderationLog.runDue();
    // Only what was made since the log was set, once.
    expect(l.moderationPosts.of('log').map((post) => [post.generation.id, post.messageId])).toEqual([[made.id, null]]);
    expect(l.generations.get(before.id)?.state).toBe('completed');

    l.results.remove(made.id, { guildId: l.member.guildId, message: { id: '900000000000000001', channelId: '300000000000000001', byBot: true }, userId: l.member.userId, canManageMessages: false });
    await l.moderationLog.runDue();
    const edit = l.moderationPosts.of('log').at(-1)!;
    expect(edit).toMatchObject({ messageId: expect.any(String), generation: { id: made.id, removedAt: expect.any(Date) } });
    await l.moderationLog.runDue();
    expect(l.moderationPosts.of('log')).toHaveLength(2);
  });

  it('logs denied requests, and stops at a log channel it cannot use, telling the admins', async () => {
    lc = await startLifecycle();
    const l = lc;
    l.moderation.approvalOn(l.member.guildId, APPROVAL_CHANNEL, null, ADMIN);
    l.moderation.logOn(l.member.guildId, LOG_CHANNEL, ADMIN);
    const outcome = await l.startGeneration({ origin: l.origin(), roleIds: [], request: l.request(), confirmed: false }, reply);
    await l.approvals.deny(outcome.kind === 'awaiting' ? outcome.generation.id : 0, { guildId: l.member.guildId, userId: MODERATOR, roleIds: [], managesMessages: true }, 'too violent');
    await l.moderationLog.runDue();
    expect(l.moderationPosts.of('log')).toMatchObject([{ channelId: LOG_CHANNEL, generation: { errorCode: 'APPROVAL_DENIED', approval: { reason: 'too violent' } } }]);

    l.moderationPosts.setUnusable(LOG_CHANNEL, 'channel_gone');
    await l.submit({ text: 'another' });
    l.clock.advance(6 * minute);
    await l.tick();
    await l.tick();
    await l.moderationLog.runDue();
    expect(l.moderation.view(l.member.guildId).logProblem).toBe('channel_gone');
  });
});
