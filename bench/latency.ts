import { watchedOursStrategy, type TickWatcher } from './oursStrategy.js';
import { HOUR, defaults, serverKeyName, simulate, tickMs, type RunResult, type Scenario } from './simulation.js';
import { percentile, perVideo, summarise } from './stats.js';

/**
 * `npm run bench:keys`: only the keys' latency scenarios of `npm run bench` — one key at 20/h over
 * several arrival seeds and the 10 servers with their own keys — each server's p95 ready→shown and
 * requests per video, and, with `--slow`, why every video slower than 60 s was slow: when its poll
 * was due at the moment it became ready (first look, the base interval stretched by scarcity, the
 * growth past the window) or whether a due poll was held by the key's budget (its pace's bucket and
 * the hour's requests when the poll fell due).
 */
const SLOW_S = 60;
const DRAIN_MS = HOUR;
const single = (seed: number): Scenario => ({ label: `20/h seed ${seed}`, perHour: 20, submitMs: 3 * HOUR, drainMs: DRAIN_MS, saturation: false, seed, shots: 1 });
const scenarios: Scenario[] = [
  ...[1020, 5021, 5022, 5023, 5024, 5025].map(single),
  { label: '10 servers own keys 20/h each', perHour: 200, submitMs: 3 * HOUR, drainMs: DRAIN_MS, saturation: false, seed: 5020, shots: 1, servers: 10 },
];
const showSlow = process.argv.includes('--slow');
// With `--saturation`, also the rows a latency change must leave alone: one key and the 3-key pool saturated.
const saturated: Scenario[] = [
  { label: 'sat 150/h', perHour: 150, submitMs: 3 * HOUR, drainMs: 0, saturation: true, seed: 1150, shots: 1 },
  { label: '3 keys sat 450/h', perHour: 450, submitMs: 3 * HOUR, drainMs: 0, saturation: true, seed: 1450, shots: 1, keys: 3 },
];

/** Each generation's scheduled next poll, every time it changed, and its shots' task ids. */
interface Trace {
  nextPollAt: { at: number; next: number }[];
  taskIds: Set<string>;
  keyFingerprint: string | null;
}

function tracer(clockNow: () => number): { watch: TickWatcher; traces: Map<number, Trace> } {
  const traces = new Map<number, Trace>();
  const watch: TickWatcher = (bot, generationIdOf) => {
    const now = clockNow();
    for (const [index, id] of generationIdOf) {
      const generation = bot.repos.generations.get(id);
      if (!generation || generation.state !== 'running') continue;
      const trace = traces.get(index) ?? { nextPollAt: [], taskIds: new Set<string>(), keyFingerprint: generation.keyFingerprint };
      traces.set(index, trace);
      for (const shot of generation.shots) if (shot.taskId) trace.taskIds.add(shot.taskId);
      const next = generation.nextPollAt?.getTime();
      if (next !== undefined && trace.nextPollAt.at(-1)?.next !== next) trace.nextPollAt.push({ at: now, next });
    }
  };
  return { watch, traces };
}

const s = (ms: number) => (ms / 1000).toFixed(0);

/** Why one slow video was slow, from its schedule and its key's requests. */
function diagnose(run: RunResult, traces: Map<number, Trace>, index: number, readyAt: number, shownAt: number, acceptedAt: number): string {
  const trace = traces.get(index);
  // A server's video goes out on that server's key; one key's video on the only key there is.
  const server = run.submissions[index]?.server ?? 0;
  const key = run.scenario.servers ? serverKeyName(server) : (run.requests.find((r) => r.endpoint === 'generate')?.key ?? null);
  const polls = run.requests.filter((r) => r.endpoint === 'check-status' && r.key === key && r.status !== 429 && r.at >= acceptedAt && r.at <= shownAt).map((r) => r.at);
  const before = polls.filter((at) => at < readyAt);
  const after = polls.find((at) => at >= readyAt);
  const inForce = trace?.nextPollAt.filter((t) => t.at <= readyAt).at(-1)?.next;
  const { burst, windowMs, limit } = defaults.nanophoto.rateLimit;
  const intervalMs = windowMs / limit;
  // The pace's bucket at `at`: how many requests it held (see RateLimit.burst).
  const inBucket = (at: number) => {
    const refilledAt = run.requests.filter((r) => r.key === key && r.status !== 429 && r.at <= at).reduce((full, r) => Math.max(full, r.at) + intervalMs, 0);
    return (burst - Math.max(0, refilledAt - at) / intervalMs).toFixed(1);
  };
  const inHour = (at: number) => run.requests.filter((r) => r.key === key && r.status !== 429 && r.at > at - HOUR && r.at <= at).length;
  const rel = (at: number | undefined) => (at === undefined ? '-' : `+${s(at - acceptedAt)}`);
  let cause: string;
  if (after === undefined) cause = 'no poll after ready';
  else if (inForce !== undefined && after > inForce + tickMs) cause = `HELD: due ${rel(inForce)}, sent ${rel(after)} (key's bucket ${inBucket(inForce)} of ${burst}, last-hour ${inHour(inForce)})`;
  else if (before.length === 0) cause = `FIRST LOOK at ${rel(inForce)}`;
  else {
    const gap = (inForce ?? after) - before.at(-1)!;
    cause = `INTERVAL ${s(gap)} s after the poll at ${rel(before.at(-1))} (${(gap / defaults.timing.pollIntervalMs).toFixed(2)}× base; last-hour ${inHour(before.at(-1)!)})`;
  }
  return `  #${index} shot ${s(readyAt - acceptedAt)} s, ready→shown ${s(shownAt - readyAt)} s, polls ${polls.map(rel).join(' ')}, shown ${rel(shownAt)}: ${cause}`;
}

if (process.argv.includes('--saturation')) {
  for (const scenario of saturated) {
    const summary = summarise(await simulate(scenario, 'ours', watchedOursStrategy()));
    const perKey = summary.perKey.map((k) => `${k.counted} counted/${k.rateLimited} × 429`).join(', ');
    console.log(`${scenario.label}: accepted/h ${summary.acceptedPerHour?.toFixed(1)} (${((summary.acceptedPerHour ?? 0) / summary.keys).toFixed(1)} per key), delivered/h ${summary.deliveredPerHour?.toFixed(1)}, req/video ${perVideo(summary.counted, summary.delivered).toFixed(2)}, per key: ${perKey}`);
  }
}

for (const scenario of scenarios) {
  let now = () => 0;
  const { watch, traces } = tracer(() => now());
  const run = await simulate(scenario, 'ours', (context) => {
    now = () => context.clock.now().getTime();
    return watchedOursStrategy(watch)(context);
  });
  const summary = summarise(run);
  const perServer = summary.perServer.map((server, i) => `s${i + 1} ${server.delayP95 ?? '-'}/${perVideo(server.counted, server.delivered).toFixed(2)}`);
  console.log(
    `${scenario.label}: delivered ${summary.delivered}, p50 ${summary.delayP50} s, p95 ${summary.delayP95} s, max ${summary.delayMax} s, req/video ${perVideo(summary.counted, summary.delivered).toFixed(2)}, 429s ${summary.rateLimited}` +
      (perServer.length > 0 ? `, worst server p95 ${Math.max(...summary.perServer.map((x) => x.delayP95 ?? 0))} s; per server p95 s/req per video: ${perServer.join(', ')}` : ''),
  );
  const slow = run.observed.flatMap((o) => {
    const ready = run.readyAt.get(o.index);
    if (o.outcome !== 'completed' || o.editedAt === undefined || ready === undefined || o.acceptedAt === undefined) return [];
    return o.editedAt - ready > SLOW_S * 1000 ? [{ index: o.index, ready, shown: o.editedAt, accepted: o.acceptedAt }] : [];
  });
  const delays = run.observed.flatMap((o) => (o.editedAt !== undefined && run.readyAt.has(o.index) ? [(o.editedAt - run.readyAt.get(o.index)!) / 1000] : []));
  console.log(`  ${slow.length} of ${delays.length} videos over ${SLOW_S} s (p90 ${percentile(delays, 90)} s)`);
  if (showSlow) for (const v of slow) console.log(diagnose(run, traces, v.index, v.ready, v.shown, v.accepted));
}
