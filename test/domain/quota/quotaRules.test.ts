import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/client.js';
import { ManualClock } from '../../../src/clock.js';
import { UserFacingError } from '../../../src/domain/errors.js';
import type { QuotaDefaults } from '../../../src/domain/quota/types.js';
import { hour, ledgerRows, quotaOn, refusalOf, submit, unix, type Quota } from './quotaFixture.js';

const guildId = '100000000000000001';
const admin = '900000000000000001';
const alice = { guildId, userId: '200000000000000001', roleIds: [] as string[] };
const bob = { guildId, userId: '200000000000000002', roleIds: ['500000000000000001', '500000000000000002'] };
const nextMonday = Date.UTC(2026, 0, 12);

let db: Db;
let clock: ManualClock;

function service(defaults: Partial<QuotaDefaults> = {}): Quota {
  return quotaOn({ db, clock, defaults: { budget: 300, period: 'week', memberCap: null, confirmThreshold: 30, ...defaults } });
}

beforeEach(() => {
  db = openDb(':memory:');
  clock = new ManualClock(Date.UTC(2026, 0, 7, 12)); // a Wednesday
});

describe('the server budget', () => {
  it('refuses once the budget is spent, saying how much was used and when it resets', () => {
    const quota = service();
    for (let i = 0; i < 10; i++) submit(db, quota, clock, alice, 30);
    const refusal = refusalOf(() => submit(db, quota, clock, bob, 10));
    expect(refusal.code).toBe('quota_budget_spent');
    expect(refusal.message).toBe(
      `This server's video budget is spent: 300 of 300 credits used this week. It resets <t:${unix(nextMonday)}:R>.`,
    );
    expect(ledgerRows(db)).toHaveLength(10);
  });

  it('says how much is left when a cost does not fit the rest', () => {
    const quota = service({ budget: 20 });
    submit(db, quota, clock, alice, 10);
    const refusal = refusalOf(() => submit(db, quota, clock, alice, 14));
    expect(refusal.message).toMatch(/costs 14 credits but only 10 of this server's 20 are left this week/);
    expect(() => submit(db, quota, clock, alice, 10)).not.toThrow();
  });

  it('rolls back the caller’s generation row with a refused reservation', () => {
    const quota = service({ budget: 10 });
    expect(() => submit(db, quota, clock, alice, 14)).toThrow(UserFacingError);
    expect(db.$client.prepare('select count(*) from generations').pluck().get()).toBe(0);
  });

  it('starts again in the next period', () => {
    const quota = service({ budget: 30 });
    submit(db, quota, clock, alice, 30);
    clock.set(nextMonday - 1);
    expect(refusalOf(() => submit(db, quota, clock, alice, 10)).code).toBe('quota_budget_spent');
    clock.set(nextMonday);
    expect(() => submit(db, quota, clock, alice, 30)).not.toThrow();
  });

  it('unlimited budgets only stop at member caps', () => {
    const quota = service({ budget: null });
    for (let i = 0; i < 50; i++) submit(db, quota, clock, alice, 30);
    const summary = quota.checks.summary(alice);
    expect(summary.server).toEqual({ budget: null, used: 1500, remaining: null });
    expect(summary.available).toBeNull();
    expect(quota.checks.check(alice, 30)).toEqual({ ok: true, remainingAfter: null, needsConfirmation: true });
  });

  it('budget 0 means off until an admin sets a budget', () => {
    const quota = service({ budget: 0 });
    const refusal = refusalOf(() => submit(db, quota, clock, alice, 10));
    expect(refusal.code).toBe('quota_disabled');
    expect(refusal.message).toMatch(/isn't turned on for this server yet/);
    expect(quota.checks.summary(alice)).toMatchObject({ enabled: false, available: 0 });
    quota.admin.setBudget(guildId, 100, 'week', admin);
    expect(() => submit(db, quota, clock, alice, 10)).not.toThrow();
  });

  it('a paused server refuses new generations but still settles running ones', () => {
    const quota = service();
    const running = submit(db, quota, clock, alice, 10);
    quota.admin.pause(guildId, admin);
    const refusal = refusalOf(() => submit(db, quota, clock, alice, 10));
    expect(refusal).toMatchObject({ code: 'quota_paused' });
    expect(refusal.message).toMatch(/paused by this server's admins/);
    expect(quota.checks.check(alice, 10)).toMatchObject({ ok: false, refusal: { code: 'quota_paused' } });
    quota.ledger.settle(running, 10);
    expect(quota.checks.summary(alice)).toMatchObject({ paused: true, available: 0, server: { used: 10 } });
    quota.admin.resume(guildId, admin);
    expect(() => submit(db, quota, clock, alice, 10)).not.toThrow();
  });

  it('counts day and month budgets over UTC calendar periods', () => {
    const daily = service({ budget: 20, period: 'day' });
    clock.set(Date.UTC(2026, 0, 7, 23, 59));
    submit(db, daily, clock, alice, 20);
    expect(refusalOf(() => submit(db, daily, clock, alice, 10)).message).toMatch(
      new RegExp(`used today\\. It resets <t:${unix(Date.UTC(2026, 0, 8))}:R>`),
    );
    clock.set(Date.UTC(2026, 0, 8));
    expect(() => submit(db, daily, clock, alice, 20)).not.toThrow();

    const other = { ...alice, guildId: '100000000000000002' };
    const monthly = service({ budget: 20, period: 'month' });
    clock.set(Date.UTC(2026, 0, 31, 23));
    submit(db, monthly, clock, other, 20);
    expect(monthly.checks.summary(other)).toMatchObject({ periodKey: 'month:2026-01', resetsAt: new Date(Date.UTC(2026, 1, 1)) });
    clock.advance(hour);
    expect(monthly.checks.summary(other).server.used).toBe(0);
  });

  it('changing the period counts what was already spent in the new, shorter period', () => {
    const quota = service({ budget: 100 });
    clock.set(Date.UTC(2026, 0, 6, 12)); // Tuesday
    submit(db, quota, clock, alice, 30);
    clock.set(Date.UTC(2026, 0, 7, 9));
    submit(db, quota, clock, alice, 30);
    quota.admin.setBudget(guildId, 40, 'day', admin);
    expect(quota.checks.summary(alice).server).toEqual({ budget: 40, used: 30, remaining: 10 });
    expect(refusalOf(() => submit(db, quota, clock, alice, 14)).code).toBe('quota_budget_spent');
  });
});

describe('member caps', () => {
  const [roleA, roleB] = bob.roleIds as [string, string];

  it('apply the server default when no role or override does', () => {
    const quota = service({ memberCap: 50 });
    for (let i = 0; i < 4; i++) submit(db, quota, clock, alice, 10);
    const refusal = refusalOf(() => submit(db, quota, clock, alice, 14));
    expect(refusal.code).toBe('quota_member_cap');
    expect(refusal.message).toBe(
      `Your cap is 50 credits this week and you have used 40; this video costs 14. It resets <t:${unix(nextMonday)}:R>.`,
    );
    expect(quota.checks.summary(alice).member).toEqual({ cap: 50, source: 'default', roleId: null, used: 40, remaining: 10 });
    expect(() => submit(db, quota, clock, bob, 50)).not.toThrow();
  });

  it('take the largest allowance among the member’s roles, even below the default', () => {
    const quota = service({ memberCap: 100 });
    quota.admin.setRoleAllowance(guildId, roleA, 20, admin);
    quota.admin.setRoleAllowance(guildId, roleB, 40, admin);
    quota.admin.setRoleAllowance(guildId, '500000000000000009', 1000, admin); // a role bob does not have
    expect(quota.checks.summary(bob).member).toMatchObject({ cap: 40, source: 'role', roleId: roleB });
    submit(db, quota, clock, bob, 30);
    expect(refusalOf(() => submit(db, quota, clock, bob, 14)).code).toBe('quota_member_cap');

    quota.admin.setRoleAllowance(guildId, roleB, 0, admin);
    expect(quota.checks.summary(bob).member).toMatchObject({ cap: 20, source: 'role', roleId: roleA });
    quota.admin.setRoleAllowance(guildId, roleA, 0, admin);
    expect(quota.checks.summary(bob).member).toMatchObject({ cap: 100, source: 'default' });
  });

  it('a personal override wins over roles; removing it falls back', () => {
    const quota = service();
    quota.admin.setRoleAllowance(guildId, bob.roleIds[0]!, 200, admin);
    quota.admin.setMemberCap(guildId, bob.userId, 10, admin);
    expect(quota.checks.summary(bob).member).toMatchObject({ cap: 10, source: 'override' });
    submit(db, quota, clock, bob, 10);
    expect(refusalOf(() => submit(db, quota, clock, bob, 10)).code).toBe('quota_member_cap');
    quota.admin.setMemberCap(guildId, bob.userId, null, admin);
    expect(quota.checks.summary(bob).member).toMatchObject({ cap: 200, source: 'role' });
    expect(quota.checks.summary(alice).member).toEqual({ cap: null, source: 'none', roleId: null, used: 0, remaining: null });
  });

  it('an override of 0 blocks the member with a plain explanation', () => {
    const quota = service();
    quota.admin.setMemberCap(guildId, alice.userId, 0, admin);
    expect(refusalOf(() => submit(db, quota, clock, alice, 10)).message).toMatch(/no video allowance on this server/);
  });

  it('are checked after the server budget', () => {
    const quota = service({ budget: 30, memberCap: 20 });
    submit(db, quota, clock, bob, 20);
    expect(refusalOf(() => submit(db, quota, clock, alice, 14)).code).toBe('quota_budget_spent');
    expect(refusalOf(() => submit(db, quota, clock, bob, 10)).code).toBe('quota_member_cap');
  });
});

describe('check and summary', () => {
  it('check reports what would remain and whether to confirm, without writing', () => {
    const quota = service({ budget: 100, memberCap: 60 });
    submit(db, quota, clock, alice, 30);
    expect(quota.checks.check(alice, 14)).toEqual({ ok: true, remainingAfter: 16, needsConfirmation: false });
    expect(quota.checks.check(bob, 30)).toEqual({ ok: true, remainingAfter: 30, needsConfirmation: true });
    expect(quota.checks.check(alice, 40)).toMatchObject({ ok: false, refusal: { code: 'quota_member_cap' } });
    expect(ledgerRows(db)).toHaveLength(1);
  });

  it('the confirmation threshold comes from the defaults and can be changed per server', () => {
    const quota = service({ confirmThreshold: 30 });
    const asks = (member: typeof alice, credits: number) => {
      const check = quota.checks.check(member, credits);
      return check.ok && check.needsConfirmation;
    };
    expect(asks(alice, 29)).toBe(false);
    expect(asks(alice, 30)).toBe(true);
    quota.admin.setConfirmThreshold(guildId, 100, admin);
    expect(asks(alice, 30)).toBe(false);
    expect(quota.checks.summary(alice).confirmThreshold).toBe(100);
    expect(asks({ ...alice, guildId: '100000000000000002' }, 30)).toBe(true);
  });

  it('summary gives the server and member standing and the reset time', () => {
    const quota = service({ budget: 300, memberCap: 50 });
    submit(db, quota, clock, alice, 30);
    submit(db, quota, clock, bob, 14);
    expect(quota.checks.summary(alice)).toEqual({
      guildId,
      userId: alice.userId,
      period: 'week',
      periodKey: 'week:2026-01-05',
      periodStart: new Date(Date.UTC(2026, 0, 5)),
      resetsAt: new Date(nextMonday),
      paused: false,
      enabled: true,
      confirmThreshold: 30,
      server: { budget: 300, used: 44, remaining: 256 },
      member: { cap: 50, source: 'default', roleId: null, used: 30, remaining: 20 },
      available: 20,
      ceiling: null,
      global: null,
      operatorPaused: false,
    });
  });
});

describe('reservations from our own code', () => {
  it('refuse nonsense amounts as bugs, not as user refusals', () => {
    const quota = service();
    expect(() => submit(db, quota, clock, alice, 0)).toThrow(RangeError);
    expect(() => submit(db, quota, clock, alice, 1.5)).toThrow(RangeError);
    expect(() => quota.checks.check(alice, -10)).toThrow(RangeError);
  });

  it('reserve at most once per generation', () => {
    const quota = service();
    const id = submit(db, quota, clock, alice, 10);
    expect(() => quota.ledger.reserve(alice, id, 10)).toThrow(/UNIQUE/);
  });
});
