import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../../db/client.js';
import { ManualClock } from '../../../src/clock.js';
import type { MemberRef, QuotaDefaults } from '../../../src/domain/quota/types.js';
import { quotaOn, submit } from './quotaFixture.js';
import type { ReserveWorkerInput, ReserveWorkerOutput } from './reserveWorker.js';

const guildId = '100000000000000001';
const admin = '900000000000000001';
const now = Date.UTC(2026, 0, 7, 12);
const defaults: QuotaDefaults = { budget: 1000, period: 'week', memberCap: null, confirmThreshold: 30 };
const members: MemberRef[] = [1, 2, 3, 4, 5].map((n) => ({ guildId, userId: `20000000000000000${n}`, roleIds: [] }));

// Workers cannot load TypeScript by themselves: register tsx in the worker, then import the file.
function startWorker(input: Omit<ReserveWorkerInput, 'gate' | 'workers'>, gate: SharedArrayBuffer, workers: number): Promise<ReserveWorkerOutput> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const file = new URL('./reserveWorker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`;
  const worker = new Worker(code, { eval: true, workerData: { ...input, gate, workers } });
  return new Promise((resolve, reject) => {
    worker.once('message', (output: ReserveWorkerOutput) => resolve(output));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
  });
}

async function race(path: string, workers: number, input: Omit<ReserveWorkerInput, 'gate' | 'workers' | 'path' | 'now' | 'defaults'>) {
  const gate = new SharedArrayBuffer(4);
  const outputs = await Promise.all(Array.from({ length: workers }, () => startWorker({ path, now, defaults, ...input }, gate, workers)));
  // They really ran at the same time: every worker started before any finished.
  expect(Math.max(...outputs.map((o) => o.startedAt))).toBeLessThan(Math.min(...outputs.map((o) => o.endedAt)));
  return outputs;
}

describe('reservations from several connections at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'veo-quota-race-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never reserve more than a nearly spent server budget', async () => {
    const path = join(dir, 'budget.db');
    const db = openDb(path);
    const clock = new ManualClock(now);
    const quota = quotaOn({ db, clock, defaults });
    for (let spent = 0; spent < 900; spent += 30) quota.ledger.settle(submit(db, quota, clock, members[0]!, 30), 30);
    submit(db, quota, clock, members[0]!, 10); // 910 used, 90 left: not a multiple of every cost
    expect(quota.admin.usage(guildId).used).toBe(910);

    const outputs = await race(path, 4, { members, costs: [10, 14, 30, 10], attempts: 60 });
    const accepted = outputs.flatMap((o) => o.accepted);
    const reserved = accepted.reduce((sum, a) => sum + a.credits, 0);
    const used = quota.admin.usage(guildId).used;
    expect(used).toBe(910 + reserved);
    expect(used).toBeLessThanOrEqual(1000);
    // Nothing that fit was refused: 10-credit requests kept coming until less than 10 was left.
    expect(1000 - used).toBeLessThan(10);
    const refusedTotal = outputs.reduce((sum, o) => sum + (o.refused['quota_budget_spent'] ?? 0), 0);
    expect(accepted.length + refusedTotal).toBe(4 * 60);
    closeDb(db);
  });

  it('never let one member exceed their cap, whichever connection they come through', async () => {
    const path = join(dir, 'cap.db');
    const db = openDb(path);
    const quota = quotaOn({ db, clock: new ManualClock(now), defaults });
    quota.admin.setMemberCap(guildId, members[1]!.userId, 55, admin);

    const outputs = await race(path, 4, { members: [members[1]!], costs: [10], attempts: 40 });
    const accepted = outputs.flatMap((o) => o.accepted);
    expect(accepted).toHaveLength(5);
    expect(quota.checks.summary(members[1]!).member).toMatchObject({ cap: 55, source: 'override', used: 50 });
    expect(outputs.reduce((sum, o) => sum + (o.refused['quota_member_cap'] ?? 0), 0)).toBe(4 * 40 - 5);
    closeDb(db);
  });
});
