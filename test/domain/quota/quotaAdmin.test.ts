import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/client.js';
import { ManualClock } from '../../../src/clock.js';
import { quotaOn, submit, type Quota } from './quotaFixture.js';

const guildId = '100000000000000001';
const otherGuild = '100000000000000002';
const admin = '900000000000000001';
const member = (n: number, roleIds: string[] = []) => ({ guildId, userId: `20000000000000000${n}`, roleIds });

let db: Db;
let clock: ManualClock;
let quota: Quota;

beforeEach(() => {
  db = openDb(':memory:');
  clock = new ManualClock(Date.UTC(2026, 0, 7, 12));
  quota = quotaOn({ db, clock, defaults: { budget: 300, period: 'week', memberCap: 100, confirmThreshold: 30 } });
});

const invalid = expect.objectContaining({ code: expect.stringMatching(/^invalid_(amount|period)$/) });

describe('settings', () => {
  it('start from the operator defaults and record who changed them', () => {
    expect(quota.admin.settings(guildId)).toEqual({
      guildId,
      budget: 300,
      period: 'week',
      defaultMemberCap: 100,
      confirmThreshold: 30,
      paused: false,
      updatedBy: null,
      updatedAt: null,
      roleAllowances: [],
      memberOverrides: [],
      ceiling: { amount: null, period: 'month' },
      global: null,
      operatorPaused: false,
    });
    clock.advance(60_000);
    quota.admin.setDefaultMemberCap(guildId, null, admin);
    expect(quota.admin.settings(guildId)).toMatchObject({
      budget: 300,
      defaultMemberCap: null,
      updatedBy: admin,
      updatedAt: new Date(Date.UTC(2026, 0, 7, 12, 1)),
    });
    expect(quota.admin.settings(otherGuild)).toMatchObject({ defaultMemberCap: 100, updatedBy: null });
  });

  it('survive a restart of the service', () => {
    quota.admin.setBudget(guildId, null, 'month', admin);
    quota.admin.pause(guildId, admin);
    const again = quotaOn({ db, clock, defaults: { budget: 0, period: 'day', memberCap: null, confirmThreshold: 1 } });
    expect(again.admin.settings(guildId)).toMatchObject({ budget: null, period: 'month', paused: true, defaultMemberCap: 100 });
  });

  it('list role allowances and member overrides with who set them', () => {
    quota.admin.setRoleAllowance(guildId, '500000000000000001', 50, admin);
    quota.admin.setRoleAllowance(guildId, '500000000000000002', 80, admin);
    quota.admin.setRoleAllowance(guildId, '500000000000000002', 90, '900000000000000002');
    quota.admin.setMemberCap(guildId, member(1).userId, 0, admin);
    const config = quota.admin.settings(guildId);
    expect(config.roleAllowances.map(({ roleId, allowance, updatedBy }) => [roleId, allowance, updatedBy])).toEqual([
      ['500000000000000002', 90, '900000000000000002'],
      ['500000000000000001', 50, admin],
    ]);
    expect(config.memberOverrides).toEqual([{ userId: member(1).userId, cap: 0, updatedBy: admin, updatedAt: clock.now() }]);
  });

  it('refuse amounts that are negative, fractional or absurd, and unknown periods', () => {
    expect(() => quota.admin.setBudget(guildId, -1, 'week', admin)).toThrow(invalid);
    expect(() => quota.admin.setBudget(guildId, 2.5, 'week', admin)).toThrow(invalid);
    expect(() => quota.admin.setBudget(guildId, 1_000_001, 'week', admin)).toThrow(invalid);
    expect(() => quota.admin.setBudget(guildId, 100, 'year' as 'week', admin)).toThrow(invalid);
    expect(() => quota.admin.setDefaultMemberCap(guildId, -5, admin)).toThrow(invalid);
    expect(() => quota.admin.setMemberCap(guildId, member(1).userId, Number.POSITIVE_INFINITY, admin)).toThrow(invalid);
    expect(() => quota.admin.setRoleAllowance(guildId, '500000000000000001', -1, admin)).toThrow(invalid);
    expect(() => quota.admin.setConfirmThreshold(guildId, 0.5, admin)).toThrow(invalid);
    expect(quota.admin.settings(guildId).updatedBy).toBeNull();
    expect(() => quota.admin.setBudget(guildId, 1_000_000, 'day', admin)).not.toThrow();
  });
});

describe('usage', () => {
  it('reports this period by kind, split as the invariant reads, with top members and failures', () => {
    const [a, b, c] = [member(1), member(2), member(3)];
    const settled = submit(db, quota, clock, a, 30);
    quota.ledger.settle(settled, 28);
    quota.ledger.refund(settled, 10, 'shot 2 failed');
    const rejected = submit(db, quota, clock, b, 14);
    quota.ledger.release(rejected, 'INVALID_PROMPT');
    submit(db, quota, clock, c, 10); // still open
    quota.admin.adjust(guildId, a.userId, 5, 'goodwill', admin);
    quota.admin.adjust(guildId, b.userId, -7, 'manual charge', admin);
    clock.set(Date.UTC(2026, 0, 4)); // last week: not in this period's report
    submit(db, quota, clock, a, 10);
    clock.set(Date.UTC(2026, 0, 7, 13));

    const report = quota.admin.usage(guildId);
    expect(report).toMatchObject({ periodKey: 'week:2026-01-05', budget: 300, used: 30, generations: 3, refunds: 1, releases: 1 });
    expect(report.byKind).toEqual({ reserve: 54, settle: -2, refund: -10, release: -14, adjust: 2 });
    expect(report.breakdown).toEqual({ settled: 28, refunded: 10, open: 10, adjusted: 2 });
    const { settled: s, refunded: r, open: o, adjusted: j } = report.breakdown;
    expect(s - r + o + j).toBe(report.used);
    expect(report.topMembers).toEqual([
      { userId: a.userId, used: 13 },
      { userId: c.userId, used: 10 },
      { userId: b.userId, used: 7 },
    ]);
  });
});
