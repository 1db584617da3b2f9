import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/client.js';
import { ManualClock } from '../../../src/clock.js';
import type { QuotaService } from '../../../src/domain/quota/quotaService.js';
import { quotaServiceOn, submit } from './quotaFixture.js';

const guildId = '100000000000000001';
const otherGuild = '100000000000000002';
const admin = '900000000000000001';
const member = (n: number, roleIds: string[] = []) => ({ guildId, userId: `20000000000000000${n}`, roleIds });

let db: Db;
let clock: ManualClock;
let quota: QuotaService;

beforeEach(() => {
  db = openDb(':memory:');
  clock = new ManualClock(Date.UTC(2026, 0, 7, 12));
  quota = quotaServiceOn({ db, clock, defaults: { budget: 300, period: 'week', memberCap: 100, confirmThreshold: 30 } });
});

const invalid = expect.objectContaining({ code: expect.stringMatching(/^invalid_(amount|period)$/) });

describe('settings', () => {
  it('start from the operator defaults and record who changed them', () => {
    expect(quota.settings(guildId)).toEqual({
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
    quota.setDefaultMemberCap(guildId, null, admin);
    expect(quota.settings(guildId)).toMatchObject({
      budget: 300,
      defaultMemberCap: null,
      updatedBy: admin,
      updatedAt: new Date(Date.UTC(2026, 0, 7, 12, 1)),
    });
    expect(quota.settings(otherGuild)).toMatchObject({ defaultMemberCap: 100, updatedBy: null });
  });

  it('survive a restart of the service', () => {
    quota.setBudget(guildId, null, 'month', admin);
    quota.pause(guildId, admin);
    const again = quotaServiceOn({ db, clock, defaults: { budget: 0, period: 'day', memberCap: null, confirmThreshold: 1 } });
    expect(again.settings(guildId)).toMatchObject({ budget: null, period: 'month', paused: true, defaultMemberCap: 100 });
  });

  it('list role allowances and member overrides with who set them', () => {
    quota.setRoleAllowance(guildId, '500000000000000001', 50, admin);
    quota.setRoleAllowance(guildId, '500000000000000002', 80, admin);
    quota.setRoleAllowance(guildId, '500000000000000002', 90, '900000000000000002');
    quota.setMemberCap(guildId, member(1).userId, 0, admin);
    const config = quota.settings(guildId);
    expect(config.roleAllowances.map(({ roleId, allowance, updatedBy }) => [roleId, allowance, updatedBy])).toEqual([
      ['500000000000000002', 90, '900000000000000002'],
      ['500000000000000001', 50, admin],
    ]);
    expect(config.memberOverrides).toEqual([{ userId: member(1).userId, cap: 0, updatedBy: admin, updatedAt: clock.now() }]);
  });

  it('refuse amounts that are negative, fractional or absurd, and unknown periods', () => {
    expect(() => quota.setBudget(guildId, -1, 'week', admin)).toThrow(invalid);
    expect(() => quota.setBudget(guildId, 2.5, 'week', admin)).toThrow(invalid);
    expect(() => quota.setBudget(guildId, 1_000_001, 'week', admin)).toThrow(invalid);
    expect(() => quota.setBudget(guildId, 100, 'year' as 'week', admin)).toThrow(invalid);
    expect(() => quota.setDefaultMemberCap(guildId, -5, admin)).toThrow(invalid);
    expect(() => quota.setMemberCap(guildId, member(1).userId, Number.POSITIVE_INFINITY, admin)).toThrow(invalid);
    expect(() => quota.setRoleAllowance(guildId, '500000000000000001', -1, admin)).toThrow(invalid);
    expect(() => quota.setConfirmThreshold(guildId, 0.5, admin)).toThrow(invalid);
    expect(quota.settings(guildId).updatedBy).toBeNull();
    expect(() => quota.setBudget(guildId, 1_000_000, 'day', admin)).not.toThrow();
  });
});

describe('usage', () => {
  it('reports this period by kind, split as the invariant reads, with top members and failures', () => {
    const [a, b, c] = [member(1), member(2), member(3)];
    const settled = submit(db, quota, clock, a, 30);
    quota.settle(settled, 28);
    quota.refund(settled, 10, 'shot 2 failed');
    const rejected = submit(db, quota, clock, b, 14);
    quota.release(rejected, 'INVALID_PROMPT');
    submit(db, quota, clock, c, 10); // still open
    quota.adjust(guildId, a.userId, 5, 'goodwill', admin);
    quota.adjust(guildId, b.userId, -7, 'manual charge', admin);
    clock.set(Date.UTC(2026, 0, 4)); // last week: not in this period's report
    submit(db, quota, clock, a, 10);
    clock.set(Date.UTC(2026, 0, 7, 13));

    const report = quota.usage(guildId);
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
