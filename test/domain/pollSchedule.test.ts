import { describe, expect, it } from 'vitest';
import { expectedFinish, firstPollAt, nextPollAt, pollDeadline } from '../../src/domain/pollSchedule.js';

const minute = 60_000;
const timing = { shotMinMs: 2 * minute, shotMaxMs: 5 * minute, pollIntervalMs: 30_000, pollMaxIntervalMs: 5 * minute, generationGraceMs: 30 * minute };
const submittedAt = new Date('2026-11-25T12:00:00Z');
const plus = (ms: number) => new Date(submittedAt.getTime() + ms);
const noneDone = { shotsDone: 0, lastDoneAt: submittedAt };

describe('poll schedule', () => {
  it('first looks a third of the spread past the shortest time of the first shot, whatever the shot count', () => {
    expect(firstPollAt({ submittedAt, shotCount: 1 }, timing)).toEqual(plus(3 * minute));
    expect(firstPollAt({ submittedAt, shotCount: 3 }, timing)).toEqual(plus(3 * minute));
    expect(firstPollAt({ submittedAt, shotCount: 21 }, timing)).toEqual(plus(3 * minute));
  });

  it('expects the middle of the window and gives up a grace period after its end', () => {
    expect(expectedFinish({ submittedAt, shotCount: 2 }, timing)).toEqual(plus(7 * minute));
    expect(pollDeadline({ submittedAt, shotCount: 2 }, timing)).toEqual(plus(40 * minute));
  });

  it('polls a single shot at the base interval inside the window and backs off after it, up to the maximum', () => {
    const generation = { submittedAt, shotCount: 1 };
    expect(nextPollAt(generation, noneDone, plus(3 * minute), timing)).toEqual(plus(3 * minute + 30_000));
    expect(nextPollAt(generation, noneDone, plus(9 * minute), timing)).toEqual(plus(11 * minute));
    expect(nextPollAt(generation, noneDone, plus(60 * minute), timing)).toEqual(plus(65 * minute));
  });

  it('waits until the shots still to come can all be done, counted from the end of the last done one', () => {
    const generation = { submittedAt, shotCount: 21 };
    // 12 done, the last ending at minute 40; 9 to go take at least 18 minutes, then the first look.
    expect(nextPollAt(generation, { shotsDone: 12, lastDoneAt: plus(40 * minute) }, plus(43 * minute), timing)).toEqual(plus(59 * minute));
    // One to go: looked at as a single shot is.
    expect(nextPollAt(generation, { shotsDone: 20, lastDoneAt: plus(70 * minute) }, plus(71 * minute), timing)).toEqual(plus(73 * minute));
  });

  it('after a poll that shows no progress, skips the shortest time of every shot after the one in progress', () => {
    const generation = { submittedAt, shotCount: 3 };
    // The first shot is not done at minute 3: the other two cannot be before minute 7.
    expect(nextPollAt(generation, noneDone, plus(3 * minute), timing)).toEqual(plus(7 * minute));
    // The second shot is not done at minute 9: the third cannot be before minute 11.
    expect(nextPollAt(generation, { shotsDone: 1, lastDoneAt: plus(4 * minute) }, plus(9 * minute), timing)).toEqual(plus(11 * minute));
  });
});
