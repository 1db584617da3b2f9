import { describe, expect, it } from 'vitest';
import type { Origin } from '../../src/domain/generation.js';
import { parseVideoRequest } from '../../src/domain/videoRequest.js';
import { createPendingConfirmations, type PendingPrompt } from '../../src/discord/pendingConfirmations.js';

const origin: Origin = { guildId: 'g', channelId: 'c', userId: 'alice', interactionId: 'i', locale: 'en-US', guildLocale: 'en-US' };
const prompt = (command: PendingPrompt['command'] = 'prompt'): PendingPrompt => ({
  origin,
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
});
