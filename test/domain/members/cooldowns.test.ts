import { describe, expect, it } from 'vitest';
import type { FailureCode, GenerationState } from '../../../src/domain/generation.js';
import { cooldownsAt, duringSpell } from '../../../src/domain/members/cooldowns.js';
import { countsAgainstMember, vendorOutcome, type EndedRequest } from '../../../src/domain/members/requestOutcomes.js';

const minute = 60_000;
const t0 = Date.UTC(2026, 10, 25, 12);
const guildId = 'g1';
let nextId = 1;

function ended(userId: string, atMinute: number, outcome: { state?: GenerationState; errorCode?: FailureCode | null; submitted?: boolean } = {}): EndedRequest {
  const { state = 'failed', errorCode = 'PROMPT_REQUIRED', submitted = false } = outcome;
  const finishedAt = new Date(t0 + atMinute * minute);
  return { id: nextId++, guildId, userId, state, errorCode, submittedAt: submitted ? finishedAt : null, finishedAt };
}
const refusals = (userId: string, minutes: number[]) => minutes.map((m) => ended(userId, m));
const at = (m: number) => new Date(t0 + m * minute);
const cooldowns = (list: EndedRequest[], now: number, clears = new Map<string, Date>()) => cooldownsAt({ guildId, ended: list, clears, limit: 5, now: at(now) });

describe('what counts towards a cooldown', () => {
  it('counts the vendor’s 400-class refusals and videos failed in every shot after the vendor took them, nothing else', () => {
    for (const errorCode of ['SHOTS_REQUIRED', 'PROMPT_REQUIRED', 'INVALID_IMAGE_COUNT', 'IMAGE_URLS_REQUIRED'] as const) {
      expect(countsAgainstMember(ended('x', 0, { errorCode }))).toBe(true);
    }
    expect(countsAgainstMember(ended('x', 0, { errorCode: 'GENERATION_FAILED', submitted: true }))).toBe(true);
    const never: FailureCode[] = [
      'GENERATION_FAILED', // a submit answered 500: the vendor never took it
      'INTERNAL_ERROR',
      'API_KEY_RATE_LIMIT_EXCEEDED',
      'INSUFFICIENT_CREDITS',
      'LOGIN_REQUIRED',
      'TRANSPORT_TIMEOUT',
      'TRANSPORT_NETWORK',
      'TRANSPORT_MALFORMED',
      'OUTCOME_UNKNOWN',
      'UNKNOWN',
      'timeout',
      'TASK_NOT_FOUND',
      'NO_VIDEO_URL',
      'CANCELLED',
      'QUEUE_TIMEOUT',
      'discord_unavailable',
    ];
    for (const errorCode of never) expect(countsAgainstMember(ended('x', 0, { errorCode })), errorCode).toBe(false);
    expect(countsAgainstMember(ended('x', 0, { state: 'partial', errorCode: 'GENERATION_FAILED', submitted: true }))).toBe(false);
    expect(countsAgainstMember(ended('x', 0, { state: 'completed', errorCode: null, submitted: true }))).toBe(false);
  });
});

describe('a member’s cooldown', () => {
  it('starts at the fifth counted failure within an hour and lasts an hour from it', () => {
    const list = refusals('x', [0, 10, 20, 30, 40]);
    expect(cooldowns(list, 41)).toEqual([{ userId: 'x', until: at(100), failures: 5 }]);
    expect(cooldowns(list, 99)).toHaveLength(1);
    expect(cooldowns(list, 100)).toEqual([]);
    // Four within the hour are not enough, however many over a longer time.
    expect(cooldowns(refusals('y', [0, 20, 40, 59, 61]), 62)).toEqual([]);
  });

  it('forgets the failures before an admin lifted it', () => {
    const list = refusals('x', [0, 10, 20, 30, 40]);
    expect(cooldowns(list, 45, new Map([['x', at(42)]]))).toEqual([]);
    expect(cooldowns([...list, ...refusals('x', [50, 51, 52, 53])], 54, new Map([['x', at(42)]]))).toEqual([]);
    expect(cooldowns([...list, ...refusals('x', [50, 51, 52, 53, 54])], 55, new Map([['x', at(42)]]))).toEqual([{ userId: 'x', until: at(114), failures: 5 }]);
  });

  it('counts only the server’s own requests', () => {
    const elsewhere = refusals('x', [0, 1, 2, 3, 4]).map((r) => ({ ...r, guildId: 'g2' }));
    expect(cooldowns(elsewhere, 5)).toEqual([]);
  });
});

describe('a vendor-wide spell', () => {
  const othersFailing = (failed: number, fine: number, atMinute: number) => [
    ...Array.from({ length: failed }, (_, i) => ended(`o${i}`, atMinute, { errorCode: 'INTERNAL_ERROR' })),
    ...Array.from({ length: fine }, (_, i) => ended(`f${i}`, atMinute, { state: 'completed', errorCode: null, submitted: true })),
  ];

  it('excuses failures while half or more of the others’ requests in the ten minutes before failed', () => {
    const list = [...othersFailing(2, 2, 35), ...refusals('x', [0, 10, 20, 30, 40])];
    const fifth = list.at(-1)!;
    expect(duringSpell(fifth, list)).toBe(true);
    expect(cooldowns(list, 41)).toEqual([]);
  });

  it('is no spell when fewer than half the others failed, or too few others asked, or it was over', () => {
    expect(cooldowns([...othersFailing(1, 3, 35), ...refusals('x', [0, 10, 20, 30, 40])], 41)).toHaveLength(1);
    expect(cooldowns([...othersFailing(2, 0, 35), ...refusals('x', [0, 10, 20, 30, 40])], 41)).toHaveLength(1);
    // A spell that ended before: 4 others failed at 12, more than ten minutes before every counted failure but the first.
    expect(cooldowns([...othersFailing(4, 0, 12), ...refusals('x', [0, 23, 34, 45, 56])], 57)).toHaveLength(1);
    expect(cooldowns([...othersFailing(4, 0, 14), ...refusals('x', [0, 23, 34, 45, 56])], 57)).toEqual([]);
  });

  it('is never made by the member’s own failures, and ignores requests that never reached the vendor', () => {
    const own = refusals('x', [30, 31, 32, 33, 34, 35, 36]);
    expect(cooldowns(own, 37)).toEqual([{ userId: 'x', until: at(96), failures: 7 }]);
    const cancelled = Array.from({ length: 4 }, (_, i) => ended(`c${i}`, 35, { errorCode: 'CANCELLED' }));
    expect(cooldowns([...cancelled, ...refusals('x', [0, 10, 20, 30, 40])], 41)).toHaveLength(1);
  });

  it('is never made by requests ended by us, a moderator or a server key: only failures at the vendor count', () => {
    const ours: FailureCode[] = [
      'QUEUE_TEXT_TIMEOUT',
      'APPROVAL_DENIED',
      'APPROVAL_EXPIRED',
      'APPROVAL_UNAVAILABLE',
      'APPROVAL_IMAGES_EXPIRED',
      'SERVER_KEY_REFUSED',
      'SERVER_KEY_REMOVED',
      'SERVER_KEY_REQUIRED',
      'SERVER_KEY_LOCKED',
      'KEY_REMOVED',
      'INTERNAL',
    ];
    for (const errorCode of ours) {
      expect(vendorOutcome(ended('o', 35, { errorCode })), errorCode).toBe('not_sent');
      // A moderator denying three requests, or a refused server key releasing ten, excuses nobody.
      const released = Array.from({ length: 10 }, (_, i) => ended(`o${i}`, 35, { errorCode }));
      expect(cooldowns([...released, ...refusals('x', [0, 10, 20, 30, 40])], 41), errorCode).toHaveLength(1);
    }
    for (const errorCode of ['INTERNAL_ERROR', 'TRANSPORT_NETWORK', 'GENERATION_FAILED', 'timeout', 'OUTCOME_UNKNOWN'] as const) {
      expect(vendorOutcome(ended('o', 35, { errorCode, submitted: true })), errorCode).toBe('failed');
    }
  });
});
