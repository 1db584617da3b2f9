import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/domain/errors.js';
import type { Generation } from '../../src/domain/generation.js';
import { createGenerationStarter, type ReplyPort, type StartCall, type StartOutcome, type StartRequest } from '../../src/domain/generationStarter.js';
import type { CreditsSummary } from '../../src/domain/quota/types.js';
import { silentLogger } from '../../src/log.js';
import { startLifecycle, type Lifecycle, type LifecycleOptions } from '../support/lifecycleHarness.js';

const keptUrl = 'https://cdn.discordapp.com/attachments/1/2/frame.png?ex=65&is=64&hm=abc';

/** A reply port that records what the domain asked of Discord, in order. */
function recordingReply() {
  const calls: string[] = [];
  const questions: { start: StartRequest; remainingAfter: number | null }[] = [];
  const notes: { cost: number; summary: CreditsSummary }[] = [];
  const port: ReplyPort = {
    async acknowledge() {
      calls.push('acknowledge');
    },
    async open(generation) {
      calls.push(`open ${generation.id}`);
      return { messageId: '900000000000000001' };
    },
    async noteCredits(cost, summary) {
      calls.push('noteCredits');
      notes.push({ cost, summary });
    },
    async askToConfirm(start, remainingAfter) {
      calls.push('askToConfirm');
      questions.push({ start, remainingAfter });
    },
  };
  return { port, calls, questions, notes };
}

describe('the domain start call: start at once, ask first, or refuse', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  async function setUp(options: LifecycleOptions = {}, linksAnswer = true) {
    lc = await startLifecycle(options);
    const checkedLinks: (readonly string[])[] = [];
    const delivered: Generation[] = [];
    const start = createGenerationStarter({
      generations: lc.generations,
      queue: lc.queue,
      replySetups: lc.replySetups,
      outbox: {
        async deliver(generation) {
          delivered.push(generation);
          return true;
        },
      },
      checks: lc.checks,
      members: lc.members,
      blocklist: lc.blocklists,
      imageLinks: {
        async allAnswer(urls) {
          checkedLinks.push(urls);
          return linksAnswer;
        },
      },
      log: silentLogger,
    });
    const { origin, member, request } = lc;
    const call = (overrides: Partial<StartCall> = {}): StartCall => ({ origin: origin(), roleIds: member.roleIds, request: request(), confirmed: false, ...overrides });
    return { lc, start, call, checkedLinks, delivered };
  }

  async function refusalOf(work: Promise<unknown>): Promise<UserFacingError> {
    const error: unknown = await work.then(() => undefined, (reason: unknown) => reason);
    if (error instanceof UserFacingError) return error;
    throw new Error(`expected a refusal, got ${String(error)}`);
  }

  it('starts a request under the threshold at once: reserved, its reply opened, submitted, shown, then the credits noted', async () => {
    const { lc, start, call, delivered } = await setUp();
    const reply = recordingReply();
    const outcome = await start(call(), reply.port);
    expect(outcome).toMatchObject({ kind: 'started' });
    const { generation } = outcome as Extract<StartOutcome, { kind: 'started' }>;
    expect(reply.calls).toEqual([`open ${generation.id}`, 'noteCredits']);
    expect(lc.generations.get(generation.id)).toMatchObject({ replyMessageId: '900000000000000001', state: 'running' });
    expect(lc.apiCalls('generate')).toBe(1);
    expect(delivered.map((g) => g.id)).toEqual([generation.id]);
    expect(reply.notes).toEqual([{ cost: 10, summary: expect.objectContaining({ available: 990 }) }]);
  });

  it('asks the member first at or over the threshold, and reserves nothing', async () => {
    const { lc, start, call } = await setUp();
    const reply = recordingReply();
    const asked = call({ request: lc.request({ resolution: '4k' }) });
    expect(await start(asked, reply.port)).toEqual({ kind: 'asked' });
    expect(reply.calls).toEqual(['askToConfirm']);
    expect(reply.questions).toEqual([{ start: { origin: asked.origin, roleIds: asked.roleIds, request: asked.request }, remainingAfter: 970 }]);
    expect(lc.checks.summary(lc.member).available).toBe(1000);
    expect(lc.apiCalls('generate')).toBe(0);
  });

  it('always asks when told to (a story), however cheap', async () => {
    const { start, call } = await setUp();
    const reply = recordingReply();
    expect(await start(call({ alwaysAsk: true }), reply.port)).toEqual({ kind: 'asked' });
    expect(reply.questions.map((q) => q.remainingAfter)).toEqual([990]);
  });

  it('refuses a prompt or a shot holding a blocked entry before anything is checked, reserved or sent, naming the entry; a confirmed one is not checked again', async () => {
    const { lc, start, call, checkedLinks } = await setUp({ members: { duplicateWindowMs: 0 } });
    lc.blocklists.add(lc.member.guildId, 'heron, 馬鹿', '200000000000000009');
    const reply = recordingReply();
    const kept = { urls: ['https://cdn.example/a.png'], expired: new UserFacingError('result_images_expired', { id: 1 }) };
    expect(await refusalOf(start(call({ request: lc.request({ text: 'a grey H.E.R.O.N' }), keptImages: kept }), reply.port))).toMatchObject({
      code: 'prompt_blocked',
      details: { entry: 'heron' },
    });
    expect(await refusalOf(start(call({ request: lc.request({ text: 'a calm lake || お前は馬鹿だ' }) }), reply.port))).toMatchObject({ details: { entry: '馬鹿' } });
    expect(reply.calls).toEqual([]);
    expect(checkedLinks).toEqual([]);
    expect(lc.checks.summary(lc.member).available).toBe(1000);
    expect(lc.apiCalls('generate')).toBe(0);

    // Asked before the entry was added, confirmed after: requests already waiting are not checked again.
    expect(await start(call({ request: lc.request({ text: 'a heron' }), confirmed: true }), reply.port)).toMatchObject({ kind: 'started' });
    // The server's matcher is rebuilt when its list changes.
    lc.blocklists.remove(lc.member.guildId, 'heron');
    expect(await start(call({ request: lc.request({ text: 'a heron' }) }), reply.port)).toMatchObject({ kind: 'started' });
    // Another server's list is its own.
    expect(await start(call({ origin: { ...lc.origin(), guildId: '100000000000000002' }, request: lc.request({ text: 'お前は馬鹿だ' }) }), reply.port)).toMatchObject({ kind: 'started' });
  });

  it("throws the quota's refusal before asking or opening anything", async () => {
    const { lc, start, call } = await setUp({ quota: { budget: 0 } });
    const reply = recordingReply();
    expect(await refusalOf(start(call({ alwaysAsk: true }), reply.port))).toMatchObject({ code: 'quota_disabled' });
    expect(reply.calls).toEqual([]);
    expect(lc.apiCalls('generate')).toBe(0);
  });

  it('a confirmed request is not asked again, and its reservation checks the quota again', async () => {
    const { lc, start, call } = await setUp();
    const costly = call({ request: lc.request({ resolution: '4k' }) });
    const question = recordingReply();
    expect(await start(costly, question.port)).toEqual({ kind: 'asked' });

    // The admins lowered the budget while the question was open.
    lc.quotaAdmin.setBudget(lc.member.guildId, 20, 'week', '400000000000000001');
    const refused = recordingReply();
    expect(await refusalOf(start({ ...costly, confirmed: true }, refused.port))).toMatchObject({ code: 'quota_budget_spent' });
    expect(refused.calls).toEqual([]);

    lc.quotaAdmin.setBudget(lc.member.guildId, 1000, 'week', '400000000000000001');
    const confirmed = recordingReply();
    expect((await start({ ...costly, confirmed: true }, confirmed.port)).kind).toBe('started');
    expect(confirmed.calls).toEqual([expect.stringMatching(/^open /), 'noteCredits']);
  });

  it("refuses kept images whose links no longer answer with the caller's words, once acknowledged and the quota allows it", async () => {
    const { lc, start, call, checkedLinks } = await setUp({}, false);
    const expired = new UserFacingError('result_images_expired', { id: 7 });
    const reply = recordingReply();
    const refusal = await refusalOf(start(call({ keptImages: { urls: [keptUrl], expired } }), reply.port));
    expect(refusal).toBe(expired);
    expect(checkedLinks).toEqual([[keptUrl]]);
    expect(reply.calls).toEqual(['acknowledge']);
    expect(lc.apiCalls('generate')).toBe(0);
  });

  it('with kept images, answers Discord first, then reads the quota, and fetches no link for a member the quota refuses', async () => {
    const { start, call, checkedLinks } = await setUp({ quota: { budget: 0 } }, true);
    const expired = new UserFacingError('result_images_expired', { id: 7 });
    const reply = recordingReply();
    expect(await refusalOf(start(call({ keptImages: { urls: [keptUrl], expired } }), reply.port))).toMatchObject({ code: 'quota_disabled' });
    expect(reply.calls).toEqual(['acknowledge']);
    expect(checkedLinks).toEqual([]);
  });

  it('acknowledges before the links are checked, so slow links cannot make it miss Discord\'s 3 seconds', async () => {
    const order: string[] = [];
    // The same request twice on purpose: no double-press window.
    lc = await startLifecycle({ members: { duplicateWindowMs: 0 } });
    const start = createGenerationStarter({
      generations: lc.generations,
      queue: lc.queue,
      replySetups: lc.replySetups,
      outbox: { deliver: async () => true },
      checks: lc.checks,
      members: lc.members,
      blocklist: lc.blocklists,
      imageLinks: {
        async allAnswer() {
          order.push('links checked');
          return true;
        },
      },
      log: silentLogger,
    });
    const reply = recordingReply();
    const port: ReplyPort = { ...reply.port, acknowledge: async () => void order.push('acknowledged') };
    const expired = new UserFacingError('result_images_expired', { id: 7 });
    const call: StartCall = { origin: lc.origin(), roleIds: lc.member.roleIds, request: lc.request(), confirmed: false, keptImages: { urls: [keptUrl], expired } };
    expect((await start(call, port)).kind).toBe('started');
    expect(order).toEqual(['acknowledged', 'links checked']);
    // A call without kept images has nothing slow to do: its reply is its first answer.
    const plain = recordingReply();
    const { keptImages: _kept, ...withoutImages } = call;
    await start(withoutImages, plain.port);
    expect(plain.calls[0]).toMatch(/^open /);
  });

  it('checks kept images only when there are some, and not again once confirmed', async () => {
    const { start, call, checkedLinks } = await setUp({ members: { duplicateWindowMs: 0 } }, false);
    const expired = new UserFacingError('remix_images_expired', { id: 7 });
    expect((await start(call({ keptImages: { urls: [], expired } }), recordingReply().port)).kind).toBe('started');
    expect((await start(call({ keptImages: { urls: [keptUrl], expired }, confirmed: true }), recordingReply().port)).kind).toBe('started');
    expect(checkedLinks).toEqual([]);
  });

  it('starts when the kept images still answer', async () => {
    const { start, call, checkedLinks } = await setUp({}, true);
    const expired = new UserFacingError('result_images_expired', { id: 7 });
    expect((await start(call({ keptImages: { urls: [keptUrl], expired } }), recordingReply().port)).kind).toBe('started');
    expect(checkedLinks).toEqual([[keptUrl]]);
  });

  it('prechecks exactly the admission, with no side effect: blocked words, member rules, quota; nothing reserved, asked or stored', async () => {
    const { lc, start, call } = await setUp({ members: { duplicateWindowMs: 10_000 }, quota: { budget: 15 } });
    expect(() => start.precheck(call())).not.toThrow();
    lc.blocklists.add(lc.member.guildId, 'heron', '200000000000000009');
    expect(() => start.precheck(call({ request: lc.request({ text: 'a heron' }) }))).toThrow(expect.objectContaining({ code: 'prompt_blocked' }));
    expect(() => start.precheck(call({ request: lc.request({ resolution: '4k' }) }))).toThrow(expect.objectContaining({ code: 'quota_budget_spent' }));
    const reply = recordingReply();
    expect((await start(call(), reply.port)).kind).toBe('started');
    // The same request again within the window: the member rules refuse it.
    expect(() => start.precheck(call())).toThrow(UserFacingError);
    expect(lc.checks.summary(lc.member).available).toBe(5);
    expect(lc.repo.inState('queued').length + lc.repo.inState('running').length + lc.repo.inState('submitting').length).toBe(1);
  });
});
