import { createOperatorRules, noOperatorLimits } from '../src/domain/operator/operatorRules.js';
import { createOperatorControls } from '../src/domain/operator/operatorControls.js';
import { keyPoolOver } from '../test/support/keyPoolFixture.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, openDb } from '../db/client.js';
import { createRepos } from '../db/repos.js';
import { ManualClock } from '../src/clock.js';
import { createQuotaAdmin } from '../src/domain/quota/quotaAdmin.js';
import { createQuotaChecks } from '../src/domain/quota/quotaChecks.js';
import { createRequestBudget } from '../src/domain/requestBudget.js';
import { CREDIT_TOTALS_MAX_AGE_MS, createServiceMetrics } from '../src/service/metrics.js';
import { GUILD_ID, seedPeriod } from './reports/seed.js';
import { median } from './reports/measure.js';
import { renderTable } from './table.js';

const GENERATIONS = 100_000;
const MEMBERS = 500;
const RUNS = 9;
const GOAL_MS = 100;
const GOAL_RSS_MB = 30;

const now = new Date(Date.UTC(2026, 10, 22, 18)); // a Sunday evening: the whole ISO week has been used
const dir = mkdtempSync(join(tmpdir(), 'veo-bench-reports-'));
const path = join(dir, 'bench.db');
try {
  const seedStart = performance.now();
  const seeding = openDb(path);
  seedPeriod(seeding, { generations: GENERATIONS, members: MEMBERS, otherServer: GENERATIONS / 10, now });
  closeDb(seeding);
  const seedMs = performance.now() - seedStart;

  // A fresh connection, as after a restart: nothing of the period is in SQLite's page cache yet.
  const db = openDb(path);
  const repos = createRepos(db);
  const defaults = { budget: null, period: 'week' as const, memberCap: null, confirmThreshold: 30 };
  // A ceiling and a global budget, so every check also sums what the vendor charged (server and all servers).
  const rules = createOperatorRules(repos.operator, { ...noOperatorLimits, ceiling: { amount: 1_000_000, period: 'week' }, globalBudget: { amount: 10_000_000, period: 'month' } });
  const quotaDeps = { settingsRepo: repos.quotaSettings, ledgerRepo: repos.ledger, transaction: repos.transaction, snapshot: repos.snapshot, clock: new ManualClock(now), defaults, rules };
  const admin = createQuotaAdmin(quotaDeps);
  const checks = createQuotaChecks(quotaDeps);
  const { transaction, snapshot } = repos;
  const operator = createOperatorControls({
    repo: repos.operator,
    ledgerRepo: repos.ledger,
    generations: repos.generations,
    rules,
    pool: keyPoolOver(repos, new ManualClock(now), ['bench']),
    settingsOf: checks.settingsOf,
    transaction,
    snapshot,
    clock: new ManualClock(now),
  });
  const member = { guildId: GUILD_ID, userId: '200000000000000007', roleIds: [] };
  const rateLimit = { limit: 100, windowMs: 3_600_000, pollReserve: 12, submitReserve: 5, burst: 20 };
  const budget = createRequestBudget({ repo: repos.apiBudget.forKey('k'), transaction: repos.transaction, clock: new ManualClock(now), ...rateLimit });
  // Scrapes a few seconds apart reuse the ledger's totals (the first, cold, run sums them); one a minute later sums them again.
  const scrapeClock = new ManualClock(now);
  const metrics = createServiceMetrics({ repos, requestsLeft: () => new Map([['k', budget.available()]]), clock: scrapeClock });
  const reports = [
    { name: '/veo-admin usage', run: () => admin.usage(GUILD_ID, 10) },
    { name: '/veo credits (summary)', run: () => checks.summary(member) },
    { name: '/veo-admin settings', run: () => admin.settings(GUILD_ID) },
    { name: 'budget check (quota.check)', run: () => checks.check(member, 10) },
    {
      name: 'GET /metrics (scrape, totals reused)',
      run: () => {
        scrapeClock.advance(5_000);
        return metrics.registry.metrics();
      },
    },
    {
      name: 'GET /metrics (scrape summing totals)',
      run: () => {
        scrapeClock.advance(CREDIT_TOTALS_MAX_AGE_MS);
        return metrics.registry.metrics();
      },
    },
    { name: '/veo-operator usage', run: () => operator.usage() },
  ];
  const results = [];
  for (const { name, run } of reports) results.push({ name, ...(await measure(run)) });
  const usage = admin.usage(GUILD_ID, 10);
  const operatorUsage = operator.usage();
  closeDb(db);

  console.log(
    `${GENERATIONS.toLocaleString('en')} generations (+${(GENERATIONS / 10).toLocaleString('en')} of another server) by ${MEMBERS} members ` +
      `in one week, with their ledger rows, seeded in ${(seedMs / 1000).toFixed(1)} s into a temporary SQLite file.`,
  );
  console.log(
    `Each report runs ${RUNS} times on a fresh connection; times are medians (CPU ms is this process's own, which other ` +
      `load on the machine does not inflate), RSS the growth over the first (cold) run. ${loadNote()}`,
  );
  console.log(`Usage seen: ${usage.generations} generations, ${usage.used} credits used, ${usage.refunds} refunds, ${usage.releases} releases.`);
  console.log(`Operator usage seen: ${operatorUsage.total} credits charged, ${operatorUsage.unknowns} unknown outcomes, up to ${operatorUsage.unknownCredits} credits.`);
  console.log('');
  console.log(
    renderTable(
      ['report', 'median ms', 'cold ms', 'max ms', 'CPU ms', 'RSS +MB'],
      results.map((r) => [r.name, r.medianMs.toFixed(1), r.coldMs.toFixed(1), r.maxMs.toFixed(1), r.cpuMs.toFixed(1), r.rssMb.toFixed(1)]),
    ),
  );
  console.log('');
  const usageResult = results[0]!;
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  console.log(
    renderTable(
      ['target (issue 10)', 'goal', 'measured', 'result'],
      [
        ['usage report, median ms', `< ${GOAL_MS}`, usageResult.medianMs.toFixed(1), verdict(usageResult.medianMs < GOAL_MS)],
        ['usage report, RSS increase MB', `≤ ${GOAL_RSS_MB}`, usageResult.rssMb.toFixed(1), verdict(usageResult.rssMb <= GOAL_RSS_MB)],
      ],
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function loadNote(): string {
  const [oneMinute] = loadavg();
  return `Load average ${oneMinute!.toFixed(1)} on ${availableParallelism()} cores.`;
}

async function measure(run: () => unknown): Promise<{ coldMs: number; medianMs: number; maxMs: number; cpuMs: number; rssMb: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let rssMb = 0;
  for (let i = 0; i < RUNS; i += 1) {
    globalThis.gc?.();
    const rssBefore = process.memoryUsage.rss();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await run();
    times.push(performance.now() - start);
    const { user, system } = process.cpuUsage(cpuStart);
    cpu.push((user + system) / 1000);
    if (i === 0) rssMb = (process.memoryUsage.rss() - rssBefore) / 2 ** 20;
  }
  return { coldMs: times[0]!, medianMs: median(times), maxMs: Math.max(...times), cpuMs: median(cpu), rssMb };
}
