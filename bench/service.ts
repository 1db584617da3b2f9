import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { fastTiming } from '../test/support/botHarness.js';
import { readDatabase, startChildWorld, type ChildWorld } from '../test/support/childBot.js';
import { startCommandArgs } from '../test/support/startCommand.js';
import { renderTable } from './table.js';

/**
 * The bot as a service: the compiled bot run as `npm start` runs it (plain node on dist/; run
 * `npm run build` first, `npm run bench:service` does) against the test fakes. Prints the startup time (process start →
 * the READY log line) and the resident memory of the bot's own process, idle and after videos.
 */

const RUNS = 3;
const IDLE_MS = 15_000;
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const entry = { cwd: projectRoot, args: startCommandArgs(projectRoot) };
// The documented defaults instead of the tests' compressed timings: idle as in production.
const productionTiming = {
  POLLER_TICK_MS: '5000',
  SHOT_MIN_MS: '120000',
  SHOT_MAX_MS: '300000',
  POLL_INTERVAL_MS: '30000',
  POLL_MAX_INTERVAL_MS: '300000',
  GENERATION_GRACE_MS: '1800000',
  DELIVERY_RETRY_MS: '30000',
  API_TIMEOUT_MS: '30000',
} satisfies Record<keyof typeof fastTiming, string>;

function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    if (Number.isFinite(kb)) return kb / 1024;
  } catch {
    // not Linux: ask ps
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

async function withWorld<T>(env: Record<string, string>, work: (world: ChildWorld, startupMs: number) => Promise<T>): Promise<T> {
  const world = await startChildWorld({ entry, env: { LOG_LEVEL: 'info', DEFAULT_BUDGET_PERIOD: 'unlimited', ...env } });
  try {
    const started = performance.now();
    await world.start();
    return await work(world, performance.now() - started);
  } finally {
    await world.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const startups: number[] = [];
const atReady: number[] = [];
const idle: number[] = [];
const idlePeak: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  await withWorld(productionTiming, async (world, startupMs) => {
    startups.push(startupMs);
    atReady.push(rssMb(world.bot.pid));
    let peak = 0;
    for (let waited = 0; waited < IDLE_MS; waited += 1000) {
      await sleep(1000);
      peak = Math.max(peak, rssMb(world.bot.pid));
    }
    idle.push(rssMb(world.bot.pid));
    idlePeak.push(peak);
  });
}

// Some work first (compressed timings), then idle again: memory the bot keeps after serving.
const VIDEOS = 20;
const afterWork = await withWorld(fastTiming, async (world) => {
  for (let i = 0; i < VIDEOS; i += 1) world.prompt(`a lighthouse in the fog, take ${i}`);
  await world.discord.waitFor(() => {
    const { generations } = readDatabase(world.databasePath);
    return generations.length === VIDEOS && generations.every((g) => g.state === 'completed' && g.deliveredRevision === g.revision);
  }, 60_000);
  await sleep(5000);
  return rssMb(world.bot.pid);
});

const mb = (value: number) => value.toFixed(1);
console.log(`node ${process.version}, ${RUNS} starts of node ${entry.args.join(' ')} against the loopback fakes (medians; idle = ${IDLE_MS / 1000} s after READY)\n`);
console.log(
  renderTable(
    ['measure', 'value', 'goal'],
    [
      ['startup: process start → READY (ms)', String(Math.round(median(startups))), ''],
      ['RSS at READY (MB)', mb(median(atReady)), ''],
      ['idle RSS (MB)', mb(median(idle)), '≤ 100'],
      ['idle RSS, peak while idle (MB)', mb(Math.max(...idlePeak)), '≤ 100'],
      [`RSS after ${VIDEOS} videos delivered (MB)`, mb(afterWork), ''],
    ],
  ),
);
const pass = Math.max(...idlePeak) <= 100;
console.log(`\nidle RSS ≤ 100 MB: ${pass ? 'PASS' : 'MISS'}`);
