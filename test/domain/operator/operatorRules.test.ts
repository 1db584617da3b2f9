import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/client.js';
import { createRepos } from '../../../db/repos.js';
import { ManualClock } from '../../../src/clock.js';
import { createOperatorControls } from '../../../src/domain/operator/operatorControls.js';
import { createOperatorRules, noOperatorLimits, type OperatorDefaults } from '../../../src/domain/operator/operatorRules.js';
import { keyPoolOver } from '../../support/keyPoolFixture.js';
import { quotaOver, refusalOf, submit } from '../quota/quotaFixture.js';

const [one, two] = ['100000000000000001', '100000000000000002'];
const admin = '900000000000000001';
const operatorId = '900000000000000009';
const alice = { guildId: one, userId: '200000000000000001', roleIds: [] as string[] };
const bob = { guildId: two, userId: '200000000000000002', roleIds: [] as string[] };

let db: Db;
let clock: ManualClock;

function world(operator: Partial<OperatorDefaults> = {}) {
  const repos = createRepos(db);
  const rules = createOperatorRules(repos.operator, { ...noOperatorLimits, ...operator });
  const quota = quotaOver({
    settingsRepo: repos.quotaSettings,
    ledgerRepo: repos.ledger,
    transaction: repos.transaction,
    snapshot: repos.snapshot,
    clock,
    defaults: { budget: 300, period: 'week', memberCap: null, confirmThreshold: 30 },
    rules,
  });
  const pool = keyPoolOver(repos, clock);
  const { account: emptyAccount, unknowns } = pool.keys[0]!;
  const controls = createOperatorControls({
    repo: repos.operator,
    ledgerRepo: repos.ledger,
    generations: repos.generations,
    rules,
    pool,
    settingsOf: quota.checks.settingsOf,
    transaction: repos.transaction,
    snapshot: repos.snapshot,
    clock,
  });
  return { quota, controls, emptyAccount, unknowns };
}

beforeEach(() => {
  db = openDb(':memory:');
  clock = new ManualClock(Date.UTC(2026, 0, 7, 12)); // a Wednesday
});

describe('a server ceiling', () => {
  it('refuses an admin budget above it in its own period, naming it, and keeps one in another period while binding', () => {
    const { quota } = world({ ceiling: { amount: 100, period: 'week' } });
    const refused = refusalOf(() => quota.admin.setBudget(one, 1_000_000, 'week', admin));
    expect(refused).toEqual({ code: 'budget_over_ceiling', message: expect.stringContaining('at most 100 credits per week') });
    expect(quota.admin.setBudget(one, 100, 'week', admin).budget).toBe(100);
    // A daily budget of 60 could add up to more than 100 a week: accepted, and the ceiling binds.
    expect(quota.admin.setBudget(one, 60, 'day', admin)).toMatchObject({ budget: 60, period: 'day' });
    submit(db, quota, clock, alice, 60);
    clock.advance(86_400_000);
    submit(db, quota, clock, alice, 30);
    expect(refusalOf(() => submit(db, quota, clock, alice, 30))).toMatchObject({ code: 'quota_ceiling_spent', message: expect.stringMatching(/only 10 of the 100/) });
  });

  it('makes `unlimited` mean up to the ceiling, and a lower ceiling binds a budget set before it', () => {
    const { quota, controls } = world({ ceiling: { amount: 50, period: 'week' } });
    quota.admin.setBudget(one, null, 'week', admin);
    submit(db, quota, clock, alice, 40);
    expect(refusalOf(() => submit(db, quota, clock, alice, 20)).code).toBe('quota_ceiling_spent');
    expect(quota.checks.summary(alice)).toMatchObject({ available: 10, ceiling: { amount: 50, used: 40, remaining: 10 } });

    controls.setCeiling(two, null, null, operatorId);
    quota.admin.setBudget(two, 200, 'week', admin);
    controls.setCeiling(two, 30, 'week', operatorId);
    expect(quota.admin.settings(two)).toMatchObject({ budget: 200, ceiling: { amount: 30, period: 'week' } });
    submit(db, quota, clock, bob, 30);
    expect(refusalOf(() => submit(db, quota, clock, bob, 10)).code).toBe('quota_ceiling_spent');
  });

  it('counts what the vendor charged, never admin adjustments', () => {
    const { quota } = world({ ceiling: { amount: 40, period: 'week' } });
    const id = submit(db, quota, clock, alice, 40);
    quota.ledger.settle(id, 40);
    // Giving the credits back lowers the server's usage, but not what it cost the operator.
    quota.admin.adjust(one, alice.userId, 40, 'gift', admin);
    expect(quota.admin.usage(one).used).toBe(0);
    expect(refusalOf(() => submit(db, quota, clock, alice, 10)).code).toBe('quota_ceiling_spent');
    // A vendor refund does give ceiling room back.
    quota.ledger.refund(id, 10, 'shot failed');
    submit(db, quota, clock, alice, 10);
  });
});

describe('the global budget', () => {
  it('stops every server once all of them together reached it, saying when it resets', () => {
    const { quota, controls } = world();
    controls.setGlobalBudget(50, 'month', operatorId);
    submit(db, quota, clock, alice, 30);
    submit(db, quota, clock, bob, 20);
    const refused = refusalOf(() => submit(db, quota, clock, alice, 10));
    expect(refused.code).toBe('quota_global_spent');
    expect(refused.message).toMatch(/for all its servers is spent: 50 of 50 credits used this month\. It resets <t:\d+:R>/);
    expect(quota.checks.summary(bob)).toMatchObject({ available: 0, global: { amount: 50, remaining: 0 } });
    expect(quota.admin.settings(one).global).toMatchObject({ amount: 50, remaining: 0 });
    expect(controls.usage()).toMatchObject({ total: 50, globalBudget: 50, generations: 2, servers: [{ guildId: one, charged: 30 }, { guildId: two, charged: 20 }] });
    controls.setGlobalBudget(null, null, operatorId);
    submit(db, quota, clock, alice, 10);
  });

  it('is not shown where it does not bind', () => {
    const { quota, controls } = world();
    controls.setGlobalBudget(1000, 'month', operatorId);
    quota.admin.setBudget(one, 20, 'week', admin);
    expect(quota.checks.summary(alice).global).toBeNull();
    expect(quota.admin.settings(one).global).toBeNull();
  });
});

describe('access and pauses', () => {
  it('refuses servers the operator did not allow, and the operator allows and denies them', () => {
    const { quota, controls } = world({ access: 'allowlist', allowedGuildIds: [one] });
    submit(db, quota, clock, alice, 10);
    expect(refusalOf(() => submit(db, quota, clock, bob, 10)).code).toBe('guild_not_enabled');
    expect(controls.setAccess(two, true, operatorId)).toBe(true);
    submit(db, quota, clock, bob, 10);
    expect(controls.setAccess(one, false, operatorId)).toBe(true);
    expect(refusalOf(() => submit(db, quota, clock, alice, 10)).code).toBe('guild_not_enabled');
  });

  it("pauses every server; resume lifts it and an empty account's hold, never a server's own pause", () => {
    const { quota, controls, emptyAccount } = world();
    quota.admin.pause(two, admin);
    expect(controls.pause(operatorId)).toBe(true);
    expect(controls.pause(operatorId)).toBe(false);
    expect(refusalOf(() => submit(db, quota, clock, alice, 10)).code).toBe('operator_paused');
    expect(emptyAccount.emptied(10)).toBe(true);
    expect(controls.resume(operatorId)).toEqual({ wasPaused: true, wasEmpty: true, wasUnknownPaused: false });
    expect(emptyAccount.isEmpty()).toBe(false);
    submit(db, quota, clock, alice, 10);
    expect(refusalOf(() => submit(db, quota, clock, bob, 10)).code).toBe('quota_paused');
    // Still empty after a resume: held again, and the operator was already told.
    expect(emptyAccount.emptied(10)).toBe(false);
  });

  it('keeps an empty account held across a restart, retrying on its schedule, and tells again only after the account took a request', () => {
    const before = world().emptyAccount;
    expect(before.emptied(10)).toBe(true);
    const after = world().emptyAccount;
    expect([after.isEmpty(), after.retryDue()]).toEqual([true, false]);
    clock.advance(60_000);
    expect(after.retryDue()).toBe(true);
    expect(after.emptied(10)).toBe(false);
    after.accepted(10);
    expect(after.isEmpty()).toBe(false);
    expect(after.emptied(10)).toBe(true);
  });

  it('lists servers with their budget, ceiling, use and last activity', () => {
    const { quota, controls } = world({ ceiling: { amount: 300, period: 'week' }, access: 'allowlist', allowedGuildIds: [one] });
    submit(db, quota, clock, alice, 10);
    expect(controls.servers([one, two])).toEqual([
      { guildId: one, budget: 300, period: 'week', ceiling: { amount: 300, period: 'week' }, used: 10, paused: false, allowed: true, lastActivity: clock.now() },
      { guildId: two, budget: 300, period: 'week', ceiling: { amount: 300, period: 'week' }, used: 0, paused: false, allowed: false, lastActivity: null },
    ]);
  });
});
