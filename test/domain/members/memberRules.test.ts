import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src/domain/errors.js';
import type { StartCall, StartOutcome } from '../../../src/domain/generationStarter.js';
import type { VideoRequestInput } from '../../../src/domain/videoRequest.js';
import { minute, startLifecycle, type Lifecycle, type LifecycleOptions } from '../../support/lifecycleHarness.js';
import { quietReply } from '../../support/quietReply.js';

const bob = '200000000000000002';

/** The refusal a start call threw, or a failed test if it did not. */
async function refusalOf(outcome: Promise<StartOutcome>): Promise<UserFacingError> {
  const error = await outcome.then(
    (result) => new Error(`expected a refusal, got ${result.kind}`),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof UserFacingError)) throw error;
  return error;
}

describe('the member rules in the one admission', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  async function setUp(options: LifecycleOptions = {}) {
    lc = await startLifecycle(options);
    const world = lc;
    const call = (overrides: Partial<VideoRequestInput> = {}, userId = world.member.userId, extra: Partial<StartCall> = {}): StartCall => ({
      origin: world.origin(userId),
      roleIds: [],
      request: world.request(overrides),
      confirmed: false,
      ...extra,
    });
    const start = (c: StartCall) => world.startGeneration(c, quietReply().port);
    /** What a refusal must leave as it was: every generation, and every ledger row. */
    const counts = () => ({
      generations: world.db.$client.prepare('select count(*) as n from generations').get(),
      ledger: world.db.$client.prepare('select count(*) as n, coalesce(sum(credits), 0) as credits from credit_ledger').get(),
    });
    return { lc: world, call, start, counts };
  }

  describe('the limit of active requests per member', () => {
    it('refuses a fourth request while three wait or run, reserving and sending nothing, and counts each member apart', async () => {
      const { lc, call, start, counts } = await setUp();
      for (const text of ['one', 'two', 'three']) expect((await start(call({ text }))).kind).toBe('started');
      const before = counts();
      const sent = lc.apiCalls('generate');
      const refusal = await refusalOf(start(call({ text: 'four' })));
      expect(refusal.code).toBe('member_active_limit');
      expect(refusal.details).toEqual({ active: 3, limit: 3 });
      expect(counts()).toEqual(before);
      expect(lc.apiCalls('generate')).toBe(sent);
      // Another member of the same server has their own three.
      expect((await start(call({ text: 'four' }, bob))).kind).toBe('started');
    });

    it('counts waiting requests as well as running ones, and frees a place when one ends', async () => {
      // Two submits an hour: the third request waits in the queue.
      const { lc, call, start } = await setUp({ rateLimit: { limit: 14, pollReserve: 12, submitReserve: 0, burst: 14 } });
      for (const text of ['one', 'two', 'three']) await start(call({ text }));
      expect(lc.repo.inState('queued')).toHaveLength(1);
      expect((await refusalOf(start(call({ text: 'four' })))).code).toBe('member_active_limit');
      const waiting = lc.repo.inState('queued')[0]!;
      await lc.withdrawals.withdraw(waiting.id, { guildId: lc.member.guildId, userId: lc.member.userId, canManageMessages: false });
      expect((await start(call({ text: 'four' }))).kind).toBe('started');
    });

    it('follows the server’s own limit: 0 means none, and a lower one binds at once', async () => {
      const { lc, call, start } = await setUp();
      lc.members.setActiveLimit(lc.member.guildId, 0, 'admin');
      for (const text of ['1', '2', '3', '4', '5']) expect((await start(call({ text }))).kind).toBe('started');
      lc.members.setActiveLimit(lc.member.guildId, 2, 'admin');
      expect((await refusalOf(start(call({ text: '6' })))).details).toEqual({ active: 5, limit: 2 });
      expect(lc.members.view(lc.member.guildId)).toMatchObject({ activeLimit: 2, limitSetHere: true });
      expect(() => lc.members.setActiveLimit(lc.member.guildId, 101, 'admin')).toThrow(expect.objectContaining({ code: 'invalid_member_limit' }));
    });

    it('does not count open questions, and checks the limit again on Confirm', async () => {
      const { lc, call, start, counts } = await setUp();
      // 4k costs 30 credits: at the threshold, so each is asked first and reserves nothing.
      const asked = [];
      for (const text of ['big one', 'big two', 'big three']) {
        const reply = quietReply();
        expect((await lc.startGeneration(call({ text, resolution: '4k' }), reply.port)).kind).toBe('asked');
        asked.push(reply.questions[0]!);
      }
      for (const text of ['one', 'two', 'three']) expect((await start(call({ text }))).kind).toBe('started');
      const before = counts();
      const refusal = await refusalOf(start({ ...asked[0]!, confirmed: true }));
      expect(refusal.code).toBe('member_active_limit');
      expect(counts()).toEqual(before);
    });
  });

  describe('a double press', () => {
    it('points the same request by the same member within the window at the first, and reserves it once', async () => {
      const { lc, call, start, counts } = await setUp();
      const first = await start(call({ text: 'a heron' }));
      if (first.kind !== 'started') throw new Error('not started');
      const before = counts();
      const refusal = await refusalOf(start(call({ text: 'a heron' })));
      expect(refusal.code).toBe('duplicate_request');
      expect(refusal.details).toMatchObject({ id: first.generation.id, channelId: first.generation.channelId, messageId: expect.any(String) });
      expect(counts()).toEqual(before);
      // Another member asking for the same gets their own; so does the member once the window passed.
      expect((await start(call({ text: 'a heron' }, bob))).kind).toBe('started');
      lc.clock.advance(10_001);
      expect((await start(call({ text: 'a heron' }))).kind).toBe('started');
    });

    it('lets only one of two presses at once through', async () => {
      const { lc, call, start } = await setUp();
      const outcomes = await Promise.allSettled([start(call({ text: 'twice' })), start(call({ text: 'twice' }))]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: 'duplicate_request' });
      const reserves = lc.db.$client.prepare("select count(*) as n from credit_ledger where kind = 'reserve'").get() as { n: number };
      expect(reserves.n).toBe(1);
    });

    it('reads images without their query strings, and any other difference as another request', async () => {
      const { call, start } = await setUp({ members: { activeLimit: 0 } });
      const image = (query: string) => ({ url: `https://cdn.discordapp.com/attachments/1/2/frame.png?${query}`, name: 'frame.png', contentType: 'image/png', size: 1000 });
      expect((await start(call({ text: 'a fox', images: [image('ex=1&hm=a')] }))).kind).toBe('started');
      expect((await refusalOf(start(call({ text: 'a fox', images: [image('ex=2&hm=b')] })))).code).toBe('duplicate_request');
      expect((await start(call({ text: 'a fox', images: [image('ex=2&hm=b')], aspect: '9:16' }))).kind).toBe('started');
      expect((await start(call({ text: 'a fox' }))).kind).toBe('started');
    });

    it('lets a member try again at once after the first failed: nothing was charged for it', async () => {
      const { lc, call, start } = await setUp();
      lc.api.injectFault('generate', { kind: 'status', status: 400, errorCode: 'PROMPT_REQUIRED' });
      expect(await start(call({ text: 'refused once' }))).toMatchObject({ generation: { state: 'failed' } });
      expect((await start(call({ text: 'refused once' }))).kind).toBe('started');
    });

    it('lets a member ask again at once after cancelling the first', async () => {
      const { lc, call, start } = await setUp({ rateLimit: { limit: 13, pollReserve: 12, submitReserve: 0, burst: 13 } });
      await start(call({ text: 'filler' }));
      const first = await start(call({ text: 'waits' }));
      if (first.kind !== 'started') throw new Error('not started');
      await lc.withdrawals.withdraw(first.generation.id, { guildId: lc.member.guildId, userId: lc.member.userId, canManageMessages: false });
      expect((await start(call({ text: 'waits' }))).kind).toBe('started');
    });
  });

  describe('the cooldown after refusals at the vendor', () => {
    it('refuses a member whose five requests the vendor refused with a 400 within an hour, until an hour after the fifth', async () => {
      const { lc, call, start, counts } = await setUp();
      let fifthAt = new Date(0);
      for (let i = 1; i <= 5; i += 1) {
        lc.api.injectFault('generate', { kind: 'status', status: 400, errorCode: 'PROMPT_REQUIRED' });
        const outcome = await start(call({ text: `refused ${i}` }));
        expect(outcome).toMatchObject({ kind: 'started', generation: { state: 'failed', errorCode: 'PROMPT_REQUIRED' } });
        fifthAt = lc.clock.now();
        lc.clock.advance(5 * minute);
      }
      const before = counts();
      const refusal = await refusalOf(start(call({ text: 'next' })));
      expect(refusal.code).toBe('member_cooldown');
      const until = new Date(fifthAt.getTime() + 60 * minute);
      expect(refusal.details).toEqual({ until, failures: 5 });
      expect(counts()).toEqual(before);
      expect(lc.members.view(lc.member.guildId).cooldowns).toEqual([{ userId: lc.member.userId, until, failures: 5 }]);
      // Only that member, only in that server.
      expect((await start(call({ text: 'next' }, bob))).kind).toBe('started');
      lc.clock.set(new Date(fifthAt.getTime() + 60 * minute));
      expect((await start(call({ text: 'next' }))).kind).toBe('started');
    });

    it('counts videos whose every shot failed at the vendor, and an admin lifts the cooldown', async () => {
      let unsafe = true;
      const { lc, call, start } = await setUp({
        api: { outcome: () => (unsafe ? { status: 'failed', error: 'unsafe content' } : { status: 'completed' }) },
        members: { activeLimit: 0 },
      });
      for (let i = 1; i <= 5; i += 1) await start(call({ text: `unsafe ${i}` }));
      lc.clock.advance(3 * minute);
      await lc.tick();
      expect(lc.repo.inState('failed').map((g) => g.errorCode)).toEqual(Array(5).fill('GENERATION_FAILED'));
      expect((await refusalOf(start(call({ text: 'again' })))).code).toBe('member_cooldown');
      const lifted = lc.members.clearCooldown(lc.member.guildId, lc.member.userId, 'admin');
      expect(lifted).toMatchObject({ userId: lc.member.userId, failures: 5 });
      expect(lc.members.view(lc.member.guildId).cooldowns).toEqual([]);
      unsafe = false;
      expect((await start(call({ text: 'again' }))).kind).toBe('started');
      expect(lc.members.clearCooldown(lc.member.guildId, lc.member.userId, 'admin')).toBeUndefined();
    });

    it('never counts 5xx refusals, or vendor answers of unknown outcome', async () => {
      const { lc, call, start } = await setUp({ operator: { unknownOutcomePause: 100 } });
      for (let i = 1; i <= 6; i += 1) {
        lc.api.injectFault('generate', i % 2 === 0 ? { kind: 'status', status: 500, errorCode: 'INTERNAL_ERROR' } : { kind: 'status', status: 500, errorCode: 'GENERATION_FAILED' });
        await start(call({ text: `outage ${i}` }));
        lc.clock.advance(minute);
      }
      lc.api.injectFault('generate', { kind: 'malformed' });
      await start(call({ text: 'garbled' }));
      expect(lc.repo.inState('failed')).toHaveLength(7);
      expect((await start(call({ text: 'fine' }))).kind).toBe('started');
    });
  });
});
