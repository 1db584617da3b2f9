import { describe, expect, it } from 'vitest';
import type { Origin } from '../../src/domain/generation.js';
import { parseVideoRequest } from '../../src/domain/videoRequest.js';
import { createPendingConfirmations, MAX_OPEN_PER_MEMBER, type PendingPrompt } from '../../src/discord/pendingConfirmations.js';
import { notOpenText } from '../../src/discord/render/confirmationAnswers.js';
import { translator } from '../../src/discord/words/catalogue.js';

const origin: Origin = { guildId: 'g', channelId: 'c', userId: 'alice', interactionId: 'i', locale: 'en-US', guildLocale: 'en-US', attachmentSizeLimit: null };
const prompt = (command: PendingPrompt['command'] = 'prompt', userId = origin.userId): PendingPrompt => ({
  origin: { ...origin, userId },
  roleIds: [],
  request: parseVideoRequest({ text: 'a || b', images: [], mode: null, aspect: null, resolution: null }),
  command,
  question: { editReply: async () => ({}) as never },
});

function setup() {
  let now = Date.UTC(2026, 10, 18, 12);
  const confirmations = createPendingConfirmations({ clock: { now: () => new Date(now) }, ttlMs: 60_000 });
  return { confirmations, advance: (ms: number) => (now += ms) };
}

describe('pending confirmations', () => {
  it('opens a question once; a second press learns how it ended', () => {
    const { confirmations } = setup();
    const id = confirmations.add(prompt());
    expect(confirmations.answer(id, 'alice', 'confirmed').kind).toBe('open');
    expect(confirmations.answer(id, 'alice', 'confirmed')).toEqual({ kind: 'ended', outcome: 'confirmed', command: 'prompt' });
    expect(confirmations.answer(id, 'alice', 'cancelled')).toEqual({ kind: 'ended', outcome: 'confirmed', command: 'prompt' });
    expect(confirmations.size()).toBe(0);
  });

  it('keeps a cancelled or expired question apart from an answered one', () => {
    const { confirmations, advance } = setup();
    const cancelled = confirmations.add(prompt('story'));
    const late = confirmations.add(prompt('story'));
    expect(confirmations.answer(cancelled, 'alice', 'cancelled').kind).toBe('open');
    expect(confirmations.answer(cancelled, 'alice', 'confirmed')).toEqual({ kind: 'ended', outcome: 'cancelled', command: 'story' });
    advance(60_000);
    expect(confirmations.answer(late, 'alice', 'confirmed')).toEqual({ kind: 'ended', outcome: 'expired', command: 'story' });
  });

  it('lets only the member who asked answer, before and after the question ended', () => {
    const { confirmations } = setup();
    const id = confirmations.add(prompt());
    expect(confirmations.answer(id, 'mallory', 'confirmed')).toEqual({ kind: 'not_yours' });
    confirmations.answer(id, 'alice', 'confirmed');
    expect(confirmations.answer(id, 'mallory', 'cancelled')).toEqual({ kind: 'not_yours' });
  });

  it('does not pretend to know a question it never asked (one from before a restart), nor one ended a day ago', () => {
    const { confirmations, advance } = setup();
    expect(confirmations.answer('0000000000000000', 'alice', 'confirmed')).toEqual({ kind: 'unknown' });
    const id = confirmations.add(prompt());
    confirmations.answer(id, 'alice', 'confirmed');
    advance(24 * 60 * 60_000);
    expect(confirmations.answer(id, 'alice', 'confirmed')).toEqual({ kind: 'unknown' });
  });

  it('keeps at most three questions open per member: a new one closes the oldest, which says so when pressed', () => {
    const { confirmations } = setup();
    expect(MAX_OPEN_PER_MEMBER).toBe(3);
    const bobs = confirmations.add(prompt('prompt', 'bob'));
    const [oldest, ...rest] = [confirmations.add(prompt('story')), confirmations.add(prompt()), confirmations.add(prompt())];
    expect(confirmations.size()).toBe(4);
    const newest = confirmations.add(prompt('again'));
    expect(confirmations.size()).toBe(4);

    const answer = confirmations.answer(oldest!, 'alice', 'confirmed');
    expect(answer).toEqual({ kind: 'replaced', command: 'story' });
    expect(notOpenText(answer as Extract<typeof answer, { kind: 'replaced' }>, translator('en'))).toBe(
      'This question was closed because you asked newer ones since, so nothing was reserved. Answer one of the newer questions.',
    );
    expect(confirmations.answer(oldest!, 'mallory', 'confirmed')).toEqual({ kind: 'not_yours' });
    for (const id of [...rest, newest, bobs]) expect(confirmations.answer(id, id === bobs ? 'bob' : 'alice', 'cancelled').kind).toBe('open');
  });
});
