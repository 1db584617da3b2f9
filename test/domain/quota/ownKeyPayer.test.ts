import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src/domain/errors.js';
import { startLifecycle, type Lifecycle } from '../../support/lifecycleHarness.js';

const SERVER_KEY = 'np-server-key-0123456789';
const ownKeyGuild = '100000000000000001';
const operatorGuild = '100000000000000002';

describe("a server paying with its own key, in the operator's books", () => {
  let w: Lifecycle | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  async function world(): Promise<Lifecycle> {
    w = await startLifecycle({
      serverKeys: { mode: 'allowed', secret: randomBytes(32) },
      api: { apiKeys: ['test-key', SERVER_KEY] },
      // The operator pays for at most 20 credits a month, and each server may spend 20.
      operator: { globalBudget: { amount: 20, period: 'month' }, ceiling: { amount: 20, period: 'month' } },
    });
    await w.serverKeys.set(ownKeyGuild, SERVER_KEY, '200000000000000009');
    return w;
  }
  const startIn = async (w: Lifecycle, guildId: string) => w.queue.start(w.generations.create({ ...w.origin(), guildId }, [], w.request()));

  it("records the server as the payer, and leaves its videos out of the operator's ceilings, global budget and totals", async () => {
    const w = await world();
    // Three 10-credit videos: past the operator's ceiling and global budget, which do not count them.
    expect(w.serverKeys.payerOf(ownKeyGuild)).toBe('server');
    for (let i = 0; i < 3; i += 1) await startIn(w, ownKeyGuild);
    const payers = w.db.$client.prepare('select distinct guild_id as guildId, payer from credit_ledger').all();
    expect(payers).toEqual([{ guildId: ownKeyGuild, payer: 'server' }]);
    expect(w.operator.usage()).toMatchObject({ total: 0, generations: 0, servers: [] });
    // The server's own budget still counts them.
    expect(w.checks.summary({ guildId: ownKeyGuild, userId: w.member.userId, roleIds: [] })).toMatchObject({ server: { used: 30 }, ceiling: null, global: null });

    await startIn(w, operatorGuild);
    expect(w.operator.usage()).toMatchObject({ total: 10, generations: 1, servers: [{ guildId: operatorGuild, charged: 10 }] });
    await startIn(w, operatorGuild);
    // The operator's global budget (20) is now spent by the operator's own server alone.
    const refused = await startIn(w, operatorGuild).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserFacingError);
    expect((refused as UserFacingError).code).toBe('quota_ceiling_spent');
  });

  it("counts a submit of unknown outcome on the server's own key against the server's budget, not the operator's", async () => {
    const w = await world();
    const generation = w.generations.create(w.origin(), [], w.request());
    w.ledger.release(generation.id, 'submit_unknown');
    expect(w.ledger.unknown(generation.id, 'submit_unknown')).toBe(10);
    const member = { guildId: ownKeyGuild, userId: w.member.userId, roleIds: [] };
    expect(w.checks.summary(member)).toMatchObject({ server: { used: 10 }, member: { used: 0 } });
    expect(w.operator.usage()).toMatchObject({ total: 0, unknowns: 0 });
  });

  it("lets its admins set a budget above the operator's ceiling", async () => {
    const w = await world();
    expect(w.quotaAdmin.setBudget(ownKeyGuild, 500, 'month', '200000000000000009').budget).toBe(500);
    expect(() => w.quotaAdmin.setBudget(operatorGuild, 500, 'month', '200000000000000009')).toThrow(UserFacingError);
  });
});
