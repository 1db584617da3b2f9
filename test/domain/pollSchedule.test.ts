import { describe, expect, it } from 'vitest';
import { expectedFinish, firstPollAt, nextPollAt, pollDeadline } from '../../src/domain/pollSchedule.js';

const minute = 60_000;
const timing = { shotMinMs: 2 * minute, shotMaxMs: 5 * minute, pollIntervalMs: 30_000, pollMaxIntervalMs: 5 * minute, generationGraceMs: 30 * minute };
const submittedAt = new Date('2026-11-25T12:00:00Z');
const plus = (ms: number) => new Date(submittedAt.getTime() + ms);

describe('poll schedule', () => {
  it('spends no poll before every shot had its shortest time', () => {
    expect(firstPollAt({ submittedAt, shotCount: 1 }, timing)).toEqual(plus(3 * minute));
    expect(firstPollAt({ submittedAt, shotCount: 3 }, timing)).toEqual(plus(7 * minute));
  });

  it('expects the middle of the window and gives up a grace period after its end', () => {
    expect(expectedFinish({ submittedAt, shotCount: 2 }, timing)).toEqual(plus(7 * minute));
    expect(pollDeadline({ submittedAt, shotCount: 2 }, timing)).toEqual(plus(40 * minute));
  });

  it('polls at the base interval inside the window and backs off after it, up to the maximum', () => {
    const generation = { submittedAt, shotCount: 1 };
    expect(nextPollAt(generation, plus(3 * minute), timing)).toEqual(plus(3 * minute + 30_000));
    expect(nextPollAt(generation, plus(9 * minute), timing)).toEqual(plus(11 * minute));
    expect(nextPollAt(generation, plus(60 * minute), timing)).toEqual(plus(65 * minute));
  });
});
