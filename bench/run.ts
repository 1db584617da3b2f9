import { availableParallelism } from 'node:os';
import { runFairnessSuite } from './fairness.js';
import { fairnessLines } from './fairnessReport.js';
import { strategies, type Job, type StrategyName } from './job.js';
import { runJobs } from './pool.js';
import { HOUR, defaults, tickMs, type Scenario } from './simulation.js';
import { WARMUP_MS } from './stats.js';
import { comparisons, poolLines, resultsTable, serverKeyLines, targetLines } from './table.js';

const DRAIN_MS = 1 * HOUR;
const SATURATION_PER_HOUR = 150;
// Low loads get longer windows so their percentiles rest on more than a handful of videos; the
// vendor example's pile of clients retrying every 5 s is what bounds the high loads' windows.
const loads: [perHour: number, hours: number][] = [
  [1, 12],
  [5, 4],
  [20, 3],
  [60, 2],
];

// Multi-shot videos run their shots one after another, 3 × (2-5 min); only our poller is run, as
// the vendor example's pile of 429 retries adds wall time and nothing new.
const MULTI_SHOT = { label: '20/h 3-shot', perHour: 20, shots: 3 };
// The operator's pool (NANOPHOTO_API_KEYS): three keys, each limited to 100 requests an hour at the
// fake and in the bot, offered three times what one key can take.
const POOL_KEYS = 3;
const POOL_PER_HOUR = 450;
const POOL_LABEL = `${POOL_KEYS} keys sat ${POOL_PER_HOUR}/h`;
// Servers that each bring their own key (each limited to 100 an hour at the fake and in the bot),
// 20 submissions an hour each: the same per-key load as the single key's 20/h run.
const SERVERS = 10;
const SERVER_PER_HOUR = 20;
const SERVERS_LABEL = `${SERVERS} servers own keys ${SERVER_PER_HOUR}/h each`;

const scenarios: Scenario[] = [
  ...loads.map(([perHour, hours]) => ({ label: `${perHour}/h`, perHour, submitMs: hours * HOUR, drainMs: DRAIN_MS, saturation: false, seed: 1000 + perHour, shots: 1 })),
  { label: `sat ${SATURATION_PER_HOUR}/h`, perHour: SATURATION_PER_HOUR, submitMs: 3 * HOUR, drainMs: 0, saturation: true, seed: 1000 + SATURATION_PER_HOUR, shots: 1 },
  { ...MULTI_SHOT, submitMs: 3 * HOUR, drainMs: DRAIN_MS, saturation: false, seed: 3020 },
  { label: POOL_LABEL, perHour: POOL_PER_HOUR, submitMs: 3 * HOUR, drainMs: 0, saturation: true, seed: 1000 + POOL_PER_HOUR, shots: 1, keys: POOL_KEYS },
  { label: SERVERS_LABEL, perHour: SERVERS * SERVER_PER_HOUR, submitMs: 3 * HOUR, drainMs: DRAIN_MS, saturation: false, seed: 5020, shots: 1, servers: SERVERS },
];
const strategiesFor = (scenario: Scenario): StrategyName[] =>
  scenario.shots > 1 || (scenario.keys ?? 1) > 1 || (scenario.servers ?? 0) > 0 ? ['ours'] : (Object.keys(strategies) as StrategyName[]);
const jobs: Job[] = scenarios.flatMap((scenario) => strategiesFor(scenario).map((strategy) => ({ scenario, strategy })));
// The vendor example's cost grows with its pile of clients retrying every 5 s; ours with its queue.
const expectedCost = ({ scenario, strategy }: Job) => (strategy === 'ours' ? 1 + scenario.perHour * scenario.shots * 0.13 : 1 + scenario.perHour * 0.5);
const threads = Math.min(4, availableParallelism());

const wallStart = performance.now();
// The fairness runs are small: this thread runs them while the workers run the loads.
const fairnessRuns = runFairnessSuite();
const summaries = await runJobs(jobs, expectedCost, threads);
const fairness = await fairnessRuns;
const wallMs = performance.now() - wallStart;

const { timing, nanophoto } = defaults;
const rate = nanophoto.rateLimit;
const s = (ms: number) => `${ms / 1000} s`;
console.log('Simulated load against the fake nanophoto API (test/support/fakeNanophoto.ts), one fresh fake server per run.');
console.log(
  `Time is simulated: a ManualClock shared by the fake and the bot steps ${s(tickMs)} (POLLER_TICK_MS) per tick. ` +
    `Shots take ${s(timing.shotMinMs)}-${s(timing.shotMaxMs)} (seeded uniform); 720p text prompts, single-shot except "${MULTI_SHOT.label}" (${MULTI_SHOT.shots} shots each); ` +
    `limit ${rate.limit} requests per ${s(rate.windowMs)} at the fake and in the bot's budget.`,
);
const windows = scenarios.map((sc) => `${sc.label} for ${sc.submitMs / HOUR} h`).join(', ');
console.log(
  `Arrivals: seeded Poisson, the same arrivals and shot times for both strategies (${windows}), then drain until every ` +
    `video is shown or ${DRAIN_MS / HOUR} h more; the saturation run stops when its submissions stop.`,
);
console.log(
  `ours: the bot's domain with its default settings (poll interval ${s(timing.pollIntervalMs)}, batch ${timing.pollBatchSize}, ` +
    `poll reserve ${rate.pollReserve}, submit reserve ${rate.submitReserve}); each tick runs the bot's own steps (src/domain/tickSteps.ts: starved polls, submit, poll, deliver), ` +
    `"reply edited" is when the delivery outbox hands the finished state to (an instant) Discord.`,
);
console.log('vendor example: generate at once (429 → retry in 5 s), then check-status for its own task every 5 s (429 → retry in 5 s).');
console.log('');
console.log(resultsTable(summaries));
console.log('');
console.log(
  'req/video = requests the API accepted (they count against the key) / delivered videos; sent/video includes 429s. ' +
    `Delays and waits in seconds; queue wait = submission → generate accepted (submissions never accepted are not in it). ` +
    `delivered/h = replies edited with a finished video from ${WARMUP_MS / HOUR} h (the key's first window is a warm-up) to the end of submissions.`,
);
for (const summary of summaries) {
  const notes: string[] = [];
  if (summary.unfinished > 0) notes.push(`${summary.unfinished} not finished when the run stopped`);
  if (summary.neverAccepted > 0) notes.push(`${summary.neverAccepted} never accepted by the API`);
  if (summary.failed > 0) notes.push(`${summary.failed} failed`);
  const edits = summary.extras['discordEdits'];
  if (edits !== undefined) notes.push(`${edits} Discord edits (${(edits / Math.max(1, summary.submitted)).toFixed(1)} per submission)`);
  if (summary.extras['warnings']) notes.push(`${summary.extras['warnings']} warn/error log lines`);
  notes.push(`generate ${summary.generates}, check-status ${summary.polls}`);
  console.log(`  ${summary.label} ${summary.strategy}: ${notes.join('; ')}`);
}
console.log('');
for (const line of comparisons(summaries)) console.log(line);
console.log('');
for (const line of targetLines(summaries, '20/h', `sat ${SATURATION_PER_HOUR}/h`)) console.log(line);
console.log('');
for (const line of fairnessLines(fairness)) console.log(line);
console.log('');
console.log(
  `The operator's key pool: "${POOL_LABEL}" offers ${POOL_PER_HOUR} submissions an hour to ${POOL_KEYS} keys, each limited to ${rate.limit} requests per ${s(rate.windowMs)} ` +
    `at the fake and in its own budget; next to it one key saturated as above (sat ${SATURATION_PER_HOUR}/h). accepted/h and delivered/h from ${WARMUP_MS / HOUR} h to the end of submissions.`,
);
for (const line of poolLines(summaries, `sat ${SATURATION_PER_HOUR}/h`, POOL_LABEL)) console.log(line);
console.log('');
console.log(
  `Servers' own keys: "${SERVERS_LABEL}" — ${SERVERS} servers, each paying with its own key (limited to ${rate.limit} requests per ${s(rate.windowMs)} at the fake and in its own budget), ` +
    `${SERVER_PER_HOUR} submissions an hour each (${SERVERS * SERVER_PER_HOUR}/h in all, Poisson, each submission's server drawn at random so each server's arrivals are Poisson too) for 3 h, then drain; each key's one check when it was set is in its requests. Next to it one key at 20/h.`,
);
for (const line of serverKeyLines(summaries, '20/h', SERVERS_LABEL)) console.log(line);
console.log('');
console.log(`wall time ${(wallMs / 1000).toFixed(1)} s (one process, ${threads} worker thread${threads === 1 ? '' : 's'}; "wall s" above is each run's own)`);
