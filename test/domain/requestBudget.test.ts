import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { createRepos } from '../../db/repos.js';
import { ManualClock } from '../../src/clock.js';
import { budgetScarcity, createRequestBudget } from '../../src/domain/requestBudget.js';

const minute = 60_000;
/** Nobody waits in the queue: polls leave the submit reserve free. */
const idle = { queueWaiting: false };
/** A submission waits for a slot: polls leave nothing free for it, it goes on the next one anyway. */
const waiting = { queueWaiting: true };

describe('the API key request budget', () => {
  let db: Db;
  let clock: ManualClock;
  const budgetOf = (limit = 10, pollReserve = 2, burst = limit, submitReserve = 0) => {
    const { apiBudget, transaction } = createRepos(db);
    return createRequestBudget({ repo: apiBudget.forKey('k'), transaction, clock, limit, windowMs: 60 * minute, pollReserve, submitReserve, burst });
  };
  beforeEach(() => {
    db = openDb(':memory:');
    clock = new ManualClock(Date.UTC(2026, 10, 25, 12));
  });
  afterEach(() => closeDb(db));

  it('hands out at most `limit` slots in any rolling window', () => {
    const budget = budgetOf(10, 0);
    let taken = 0;
    for (let i = 0; i < 30; i += 1) {
      if (budget.tryTakeForPoll(idle)) taken += 1;
      clock.advance(minute);
    }
    // 10 in the first hour, then one slot frees each minute from minute 60 on: none before minute 30.
    expect(taken).toBe(10);
    // Now minute 61: the requests of minutes 0 and 1 have left the window.
    clock.advance(31 * minute);
    expect(budget.available()).toBe(2);
  });

  it('keeps slots for polls so that submissions alone cannot use the whole window', () => {
    const budget = budgetOf(10, 3);
    const generates = Array.from({ length: 10 }, () => budget.tryTakeForSubmit()).filter(Boolean).length;
    expect(generates).toBe(7);
    expect(budget.tryTakeForPoll(idle)).toBe(true);
  });

  it('lets polls leave slots free for new submissions', () => {
    const budget = budgetOf(10, 0, 10, 4);
    const polls = Array.from({ length: 10 }, () => budget.tryTakeForPoll(idle)).filter(Boolean).length;
    expect(polls).toBe(6);
    expect(budget.tryTakeForSubmit()).toBe(true);
    // With a submission already waiting, a poll keeps nothing back.
    expect(budget.tryTakeForPoll(waiting)).toBe(true);
  });

  it('says when the n-th next slot frees', () => {
    const budget = budgetOf(3, 0, 3, 1);
    const start = clock.now().getTime();
    for (let i = 0; i < 3; i += 1) {
      budget.tryTakeForSubmit();
      clock.advance(minute);
    }
    expect(budget.submitSlotFreeAt(1).getTime()).toBe(start + 60 * minute);
    expect(budget.submitSlotFreeAt(3).getTime()).toBe(start + 62 * minute);
    expect(budget.pollSlotFreeAt(waiting).getTime()).toBe(start + 60 * minute);
    // A poll leaves the submit reserve free: it waits for a second slot.
    expect(budget.pollSlotFreeAt(idle).getTime()).toBe(start + 61 * minute);
  });

  it('counts the poll reserve when it says when a submission can go', () => {
    const budget = budgetOf(4, 2);
    const start = clock.now().getTime();
    budget.tryTakeForSubmit();
    clock.advance(minute);
    budget.tryTakeForSubmit();
    expect(budget.available()).toBe(2);
    expect(budget.submitSlotFreeAt(1).getTime()).toBe(start + 60 * minute);
    expect(budget.pollSlotFreeAt(idle).getTime()).toBe(start + minute);
  });

  it('pauses for Retry-After, or until the oldest request leaves the window, and never shortens a pause', () => {
    const budget = budgetOf(10, 0);
    const now = clock.now().getTime();
    expect(budget.rateLimited(120_000, 30_000).getTime()).toBe(now + 120_000);
    expect(budget.available()).toBe(0);
    expect(budget.rateLimited(10_000, 30_000).getTime()).toBe(now + 120_000);
    clock.advance(121_000);
    expect(budget.available()).toBe(10);

    budget.tryTakeForSubmit();
    clock.advance(10 * minute);
    expect(budget.rateLimited(undefined, 30_000).getTime()).toBe(now + 121_000 + 60 * minute);
  });

  it('spends the window at an even pace when a burst is set', () => {
    const budget = budgetOf(12, 0, 3);
    // A bucket of 3 refilled one request each 5 minutes (12 in the hour).
    expect([1, 2, 3, 4].map(() => budget.tryTakeForPoll(idle))).toEqual([true, true, true, false]);
    clock.advance(5 * minute - 1);
    expect(budget.tryTakeForSubmit()).toBe(false);
    clock.advance(1);
    expect([budget.tryTakeForSubmit(), budget.tryTakeForSubmit()]).toEqual([true, false]);
    clock.advance(15 * minute);
    expect([1, 2, 3, 4].map(() => budget.tryTakeForSubmit())).toEqual([true, true, true, false]);
    expect(budget.available()).toBe(5);
  });

  it('holds a request after a run of them for one interval, not until the run ages out', () => {
    const budget = budgetOf(100, 0, 20);
    const start = clock.now().getTime();
    // A run of 20, 30 s apart: the bucket refills one each 36 s, so it never ran dry.
    for (let i = 0; i < 20; i += 1) {
      expect(budget.tryTakeForPoll(waiting)).toBe(true);
      if (i < 19) clock.advance(30_000);
    }
    // 15.8 refilled meanwhile: 15 more go at once, the next when the refill reaches a whole request
    // (6 s on), and each further one 36 s after the one before.
    expect(Array.from({ length: 16 }, () => budget.tryTakeForPoll(waiting)).filter(Boolean)).toHaveLength(15);
    expect(budget.pollSlotFreeAt(waiting).getTime()).toBe(start + 9.6 * minute);
    clock.set(start + 9.6 * minute);
    expect([budget.tryTakeForPoll(waiting), budget.tryTakeForPoll(waiting)]).toEqual([true, false]);
    expect(budget.pollSlotFreeAt(waiting).getTime()).toBe(start + 9.6 * minute + 36_000);
  });

  it('leaves the submit reserve’s share of the bucket free as well, so polls cannot hold a new prompt back', () => {
    const budget = budgetOf(100, 12, 20, 5);
    // A submit reserve of 5 in 100 leaves 1 of a bucket of 20, and polls while nobody waits burst only
    // as deep as the window is free (20 at an empty window, 17 once 16 are spent): 16 go at once.
    const polls = Array.from({ length: 20 }, () => budget.tryTakeForPoll(idle)).filter(Boolean).length;
    expect(polls).toBe(16);
    // New prompts have the whole bucket: the 4 it still holds.
    expect(Array.from({ length: 5 }, () => budget.tryTakeForSubmit())).toEqual([true, true, true, true, false]);
  });

  it('bursts polls only as deep as the share of the window still free while nobody waits, and fully while requests wait', () => {
    const budget = budgetOf(100, 0, 20);
    // 60 requests at the pace's own rate, then 12 minutes for the bucket to fill: 40 of the hour free.
    for (let i = 0; i < 60; i += 1) {
      expect(budget.tryTakeForSubmit()).toBe(true);
      clock.advance(36_000);
    }
    clock.advance(12 * minute);
    expect(budget.available()).toBe(40);
    // A bucket as deep as 20 × 40/100 = 8, shrinking as it is spent: 7 go at once.
    expect(Array.from({ length: 10 }, () => budget.tryTakeForPoll(idle)).filter(Boolean)).toHaveLength(7);
    // With requests waiting the bucket is whole again: 13 more of its 20.
    expect(Array.from({ length: 15 }, () => budget.tryTakeForPoll(waiting)).filter(Boolean)).toHaveLength(13);
  });

  it('says when a submission can go under the pace, not only under the hourly limit', () => {
    const budget = budgetOf(100, 12, 20, 5);
    const start = clock.now().getTime();
    // 20 requests at once empty the bucket while 80 of the hour are free.
    for (let i = 0; i < 20; i += 1) expect(i % 4 === 0 ? budget.tryTakeForSubmit() : budget.tryTakeForPoll(waiting)).toBe(true);
    expect(budget.available()).toBe(80);
    expect(budget.tryTakeForSubmit()).toBe(false);
    // It refills one request each 36 s (the hour's 100).
    expect(budget.submitSlotFreeAt(1).getTime()).toBe(start + 36_000);
    expect(budget.submitSlotFreeAt(3).getTime()).toBe(start + 3 * 36_000);
    // A poll while nobody waits leaves one request of the bucket to submissions and bursts only as
    // deep as the free share of the window (80 of 100: 16, less that one): it waits for 6 refills.
    expect(budget.pollSlotFreeAt(idle).getTime()).toBe(start + 6 * 36_000);
    expect(budget.pollSlotFreeAt(waiting).getTime()).toBe(start + 36_000);
    clock.set(start + 36_000 - 1);
    expect(budget.tryTakeForSubmit()).toBe(false);
    clock.set(start + 36_000);
    expect(budget.tryTakeForSubmit()).toBe(true);
  });

  it('survives a restart: the window is counted from the database', () => {
    budgetOf(10, 0).tryTakeForSubmit();
    budgetOf(10, 0).tryTakeForPoll(idle);
    expect(budgetOf(10, 0).available()).toBe(8);
  });

  it('stretches poll intervals only once half the budget is gone', () => {
    expect(budgetScarcity(100, 100)).toBe(1);
    expect(budgetScarcity(50, 100)).toBe(1);
    expect(budgetScarcity(10, 100)).toBe(5);
    expect(budgetScarcity(0, 100)).toBe(50);

    const budget = budgetOf(10, 0);
    for (let i = 0; i < 5; i += 1) budget.tryTakeForSubmit();
    expect(budget.scarcity()).toBe(1);
    for (let i = 0; i < 3; i += 1) budget.tryTakeForSubmit();
    expect(budget.scarcity()).toBe(2.5);
  });

  it('says polls are starved once none went out for the polls’ share of the window, and at least the given quiet', () => {
    // A poll reserve of 2 in an hour: each reserved poll slot stands for 30 minutes.
    const budget = budgetOf(10, 2);
    const quiet = { minQuietMs: 5 * minute };
    // Before any poll, counted from when the budget was first used.
    clock.advance(29 * minute);
    expect(budget.pollsStarved(quiet)).toBe(false);
    clock.advance(minute);
    expect(budget.pollsStarved(quiet)).toBe(true);

    budget.tryTakeForPoll(idle);
    clock.advance(29 * minute);
    budget.tryTakeForSubmit();
    expect(budget.pollsStarved(quiet)).toBe(false);
    clock.advance(minute);
    expect(budget.pollsStarved(quiet)).toBe(true);
    // The longer of the two counts.
    expect(budget.pollsStarved({ minQuietMs: 45 * minute })).toBe(false);
  });

  it('never calls polls starved without a poll reserve', () => {
    const budget = budgetOf(10, 0);
    clock.advance(59 * minute);
    expect(budget.pollsStarved({ minQuietMs: 5 * minute })).toBe(false);
  });
});
