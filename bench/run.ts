import { oursStrategy } from './oursStrategy.js';
import { HOUR, defaults, simulate, tickMs, type Scenario, type StrategyFactory } from './simulation.js';
import { summarise, WARMUP_MS, type Summary } from './stats.js';
import { comparisons, resultsTable, targetLines } from './table.js';
import { vendorStrategy } from './vendorStrategy.js';

const SUBMIT_MS = 3 * HOUR;
const DRAIN_MS = 2 * HOUR;
const SATURATION_PER_HOUR = 150;

const scenarios: Scenario[] = [
  ...[1, 5, 20, 60].map((perHour) => ({ label: `${perHour}/h`, perHour, submitMs: SUBMIT_MS, drainMs: DRAIN_MS, saturation: false, seed: 1000 + perHour })),
  { label: `sat ${SATURATION_PER_HOUR}/h`, perHour: SATURATION_PER_HOUR, submitMs: SUBMIT_MS, drainMs: 0, saturation: true, seed: 1000 + SATURATION_PER_HOUR },
];
const strategies: [string, StrategyFactory][] = [
  ['ours', oursStrategy],
  ['vendor example', vendorStrategy],
];

const wallStart = performance.now();
const summaries: Summary[] = [];
for (const scenario of scenarios) {
  for (const [name, factory] of strategies) summaries.push(summarise(await simulate(scenario, name, factory)));
}
const wallMs = performance.now() - wallStart;

const { timing, nanophoto } = defaults;
const rate = nanophoto.rateLimit;
const s = (ms: number) => `${ms / 1000} s`;
console.log('Simulated load against the fake nanophoto API (test/support/fakeNanophoto.ts), one fresh fake server per run.');
console.log(
  `Time is simulated: a ManualClock shared by the fake and the bot steps ${s(tickMs)} (POLLER_TICK_MS) per tick. ` +
    `Shots take ${s(timing.shotMinMs)}-${s(timing.shotMaxMs)} (seeded uniform); single-shot 720p text prompts; ` +
    `limit ${rate.limit} requests per ${s(rate.windowMs)} at the fake and in the bot's budget.`,
);
console.log(
  `Arrivals: seeded Poisson (same arrivals and shot times for both strategies) for ${SUBMIT_MS / HOUR} h, then drain until every ` +
    `video is shown or ${DRAIN_MS / HOUR} h more; the saturation run offers ${SATURATION_PER_HOUR}/h and stops when submissions stop.`,
);
console.log(
  `ours: the bot's domain with its default settings (poll interval ${s(timing.pollIntervalMs)}, batch ${timing.pollBatchSize}, ` +
    `poll reserve ${rate.pollReserve}, submit reserve ${rate.submitReserve}); each tick runs deliver → submit → poll like src/app.ts, ` +
    `"reply edited" is when the delivery outbox hands the finished state to (an instant) Discord.`,
);
console.log('vendor example: generate at once (429 → retry in 5 s), then check-status for that one task every 5 s (429 → retry in 5 s).');
console.log('');
console.log(resultsTable(summaries));
console.log('');
console.log(
  'req/video = requests the API accepted (they count against the key) / delivered videos; sent/video includes 429s. ' +
    `Delays and waits in seconds; queue wait = submission → generate accepted (submissions never accepted are not in it). ` +
    `delivered/h = replies edited with a finished video between ${WARMUP_MS / HOUR} h and ${SUBMIT_MS / HOUR} h (after the first window's warm-up).`,
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
console.log(`wall time ${(wallMs / 1000).toFixed(1)} s`);
