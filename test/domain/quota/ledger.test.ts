import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/client.js';
import { ManualClock } from '../../../src/clock.js';
import { UserFacingError } from '../../../src/domain/errors.js';
import type { QuotaDefaults } from '../../../src/domain/quota/types.js';
import { ledgerRows, quotaOn, submit, type Quota } from './quotaFixture.js';

const guildId = '100000000000000001';
const admin = '900000000000000001';
const alice = { guildId, userId: '200000000000000001', roleIds: [] as string[] };
const bob = { guildId, userId: '200000000000000002', roleIds: [] as string[] };

let db: Db;
let clock: ManualClock;
let quota: Quota;

function service(defaults: Partial<QuotaDefaults> = {}): Quota {
  return quotaOn({ db, clock, defaults: { budget: 300, period: 'week', memberCap: null, confirmThreshold: 30, ...defaults } });
}

beforeEach(() => {
  db = openDb(':memory:');
  clock = new ManualClock(Date.UTC(2026, 0, 7, 12));
  quota = service();
});

const kinds = () => ledgerRows(db).map((row) => [row.kind, row.credits]);

describe('settle', () => {
  it('closes the reservation at the price: a zero-difference row', () => {
    const id = submit(db, quota, clock, alice, 30);
    quota.ledger.settle(id, 30);
    expect(kinds()).toEqual([['reserve', 30], ['settle', 0]]);
    expect(quota.checks.summary(alice).server.used).toBe(30);
  });

  it('records a different creditsUsed as the difference, with a reason, not hidden', () => {
    const cheaper = submit(db, quota, clock, alice, 30);
    const dearer = submit(db, quota, clock, bob, 14);
    quota.ledger.settle(cheaper, 20);
    quota.ledger.settle(dearer, 16);
    const rows = ledgerRows(db);
    expect(rows.slice(2).map((row) => [row.kind, row.credits, row.reason])).toEqual([
      ['settle', -10, 'the API charged 20 credits; our price was 30'],
      ['settle', 2, 'the API charged 16 credits; our price was 14'],
    ]);
    expect(quota.checks.summary(alice).member.used).toBe(20);
    expect(quota.checks.summary(bob).member.used).toBe(16);
    expect(quota.admin.usage(guildId).breakdown).toEqual({ settled: 36, refunded: 0, open: 0, adjusted: 0 });
  });

  it('happens once: settling again changes nothing', () => {
    const id = submit(db, quota, clock, alice, 30);
    quota.ledger.settle(id, 30);
    quota.ledger.settle(id, 10);
    expect(kinds()).toEqual([['reserve', 30], ['settle', 0]]);
  });

  it('refuses to settle what was never reserved or was released (a bug in the caller)', () => {
    const id = submit(db, quota, clock, alice, 30);
    quota.ledger.release(id, 'OUTCOME_UNKNOWN');
    expect(() => quota.ledger.settle(id, 30)).toThrow(/was released/);
    expect(() => quota.ledger.settle(id + 1, 30)).toThrow(/no reservation/);
    expect(() => quota.ledger.settle(id, -1)).toThrow(RangeError);
  });
});

describe('refund', () => {
  it('adds a row for each failed shot and never gives back more than was settled', () => {
    const id = submit(db, quota, clock, alice, 30);
    quota.ledger.settle(id, 25);
    expect(quota.ledger.refund(id, 10, 'shot 1 failed')).toBe(10);
    expect(quota.ledger.refund(id, 10, 'shot 2 failed')).toBe(10);
    expect(quota.ledger.refund(id, 10, 'shot 3 failed')).toBe(5);
    expect(quota.ledger.refund(id, 10, 'shot 3 failed again')).toBe(0);
    expect(kinds()).toEqual([['reserve', 30], ['settle', -5], ['refund', -10], ['refund', -10], ['refund', -5]]);
    expect(ledgerRows(db).at(-1)?.reason).toBe('shot 3 failed');
    expect(quota.checks.summary(alice).member.used).toBe(0);
  });

  it('gives nothing back for a reservation that is open or released', () => {
    const open = submit(db, quota, clock, alice, 30);
    expect(quota.ledger.refund(open, 10, 'shot 1 failed')).toBe(0);
    quota.ledger.release(open, 'INSUFFICIENT_CREDITS');
    expect(quota.ledger.refund(open, 10, 'shot 1 failed')).toBe(0);
    expect(kinds()).toEqual([['reserve', 30], ['release', -30]]);
  });
});

describe('release', () => {
  it('closes an open reservation uncharged, once', () => {
    const id = submit(db, quota, clock, alice, 30);
    expect(quota.ledger.release(id, 'INVALID_PROMPT')).toBe(true);
    expect(quota.ledger.release(id, 'INVALID_PROMPT')).toBe(false);
    expect(quota.ledger.release(id, 'OUTCOME_UNKNOWN')).toBe(false);
    expect(kinds()).toEqual([['reserve', 30], ['release', -30]]);
    expect(ledgerRows(db)[1]?.reason).toBe('INVALID_PROMPT');
    expect(quota.checks.summary(alice).server.used).toBe(0);
  });

  it('does nothing to a settled generation or an unknown one', () => {
    const id = submit(db, quota, clock, alice, 30);
    quota.ledger.settle(id, 30);
    expect(quota.ledger.release(id, 'late')).toBe(false);
    expect(quota.ledger.release(9999, 'unknown')).toBe(false);
    expect(quota.checks.summary(alice).server.used).toBe(30);
  });
});

describe('a generation spanning the end of a period', () => {
  it('keeps all its rows in the period it was reserved in', () => {
    const daily = service({ budget: 30, period: 'day' });
    clock.set(Date.UTC(2026, 0, 7, 23, 58));
    const id = submit(db, daily, clock, alice, 30);
    clock.set(Date.UTC(2026, 0, 8, 0, 5));
    daily.ledger.settle(id, 30);
    daily.ledger.refund(id, 10, 'shot 1 failed');
    const rows = ledgerRows(db);
    expect(new Set(rows.map((row) => row.periodKey))).toEqual(new Set(['day:2026-01-07']));
    expect(rows.every((row) => row.countsAt.getTime() === Date.UTC(2026, 0, 7, 23, 58))).toBe(true);
    expect(rows.at(-1)?.createdAt).toEqual(new Date(Date.UTC(2026, 0, 8, 0, 5)));
    // The new day starts clean; the refund went back to yesterday's budget.
    expect(daily.checks.summary(alice).server.used).toBe(0);
    clock.set(Date.UTC(2026, 0, 7, 23, 59));
    expect(daily.checks.summary(alice).server.used).toBe(20);
  });
});

describe('admin adjustments', () => {
  it('give back lowers the member’s and the server’s usage this period, recording who and why', () => {
    const id = submit(db, quota, clock, alice, 30);
    quota.ledger.settle(id, 30);
    const adjustment = quota.admin.adjust(guildId, alice.userId, 20, 'the video came out broken', admin);
    expect(adjustment).toMatchObject({ memberUsed: 10, serverUsed: 10 });
    expect(adjustment.entry).toMatchObject({
      kind: 'adjust',
      credits: -20,
      generationId: null,
      reason: 'the video came out broken',
      actorId: admin,
      periodKey: 'week:2026-01-05',
    });
  });

  it('cannot give back more than the member used this period', () => {
    submit(db, quota, clock, alice, 30);
    const refusal = (() => {
      try {
        quota.admin.adjust(guildId, alice.userId, 31, 'oops', admin);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(UserFacingError);
    expect(refusal).toMatchObject({ code: 'give_back_over_used', details: { userId: alice.userId, used: 30, period: 'week' } });
    expect(ledgerRows(db)).toHaveLength(1);
  });

  it('take raises usage and may push it over the budget and cap; then reservations are refused', () => {
    const capped = service({ budget: 100, memberCap: 40 });
    submit(db, capped, clock, alice, 30);
    capped.admin.adjust(guildId, alice.userId, -50, 'shared the bot key outside the server', admin);
    const summary = capped.checks.summary(alice);
    expect(summary.server).toEqual({ budget: 100, used: 80, remaining: 20 });
    expect(summary.member).toMatchObject({ cap: 40, used: 80, remaining: 0 });
    expect(summary.available).toBe(0);
    expect(() => submit(db, capped, clock, alice, 10)).toThrow(expect.objectContaining({ code: 'quota_member_cap' }));
    capped.admin.adjust(guildId, bob.userId, -30, 'testing', admin);
    expect(capped.admin.usage(guildId).used).toBe(110);
    expect(() => submit(db, capped, clock, bob, 10)).toThrow(
      expect.objectContaining({ code: 'quota_budget_spent', details: expect.objectContaining({ used: 110, budget: 100 }) }),
    );
  });

  it('validate the amount and reason', () => {
    for (const credits of [0, 1.5, 1_000_001, Number.NaN]) {
      expect(() => quota.admin.adjust(guildId, alice.userId, credits, 'why', admin)).toThrow(
        expect.objectContaining({ code: 'invalid_amount', details: { field: 'adjustment', min: 1, max: 1_000_000 } }),
      );
    }
    expect(() => quota.admin.adjust(guildId, alice.userId, -10, '   ', admin)).toThrow(expect.objectContaining({ code: 'invalid_reason' }));
    expect(() => quota.admin.adjust(guildId, alice.userId, -10, 'x'.repeat(201), admin)).toThrow(UserFacingError);
    expect(ledgerRows(db)).toHaveLength(0);
  });
});

describe('the ledger', () => {
  it('rejects rows that break its sign rules at the database level', () => {
    const id = submit(db, quota, clock, alice, 30);
    const insert = db.$client.prepare(
      `insert into credit_ledger (guild_id, user_id, generation_id, kind, credits, period_key, counts_at, created_at)
       values (?, ?, ?, ?, ?, 'k', 0, 0)`,
    );
    expect(() => insert.run(guildId, alice.userId, id, 'refund', 10)).toThrow(/CHECK/);
    expect(() => insert.run(guildId, alice.userId, id, 'adjust', 10)).toThrow(/CHECK/);
    expect(() => insert.run(guildId, alice.userId, null, 'reserve', 10)).toThrow(/CHECK/);
    expect(() => insert.run(guildId, alice.userId, id, 'release', -30)).not.toThrow();
    expect(() => insert.run(guildId, alice.userId, id, 'settle', 0)).toThrow(/UNIQUE/);
  });
});
