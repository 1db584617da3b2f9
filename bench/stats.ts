import { HOUR, serverKeyName, type RunResult } from './simulation.js';

/** Nearest-rank percentile; undefined for an empty sample. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Throughput is counted after the first hour: the key's rolling window starts empty. */
export const WARMUP_MS = HOUR;

export interface Summary {
  label: string;
  strategy: string;
  perHour: number;
  saturation: boolean;
  submitted: number;
  delivered: number;
  failed: number;
  unfinished: number;
  sent: number;
  rateLimited: number;
  /** Requests the API accepted, i.e. the ones that count against the key's hourly limit. */
  counted: number;
  generates: number;
  polls: number;
  /** Ready at the API (task end of the last shot) → reply edited, seconds, delivered videos only. */
  delayP50: number | undefined;
  delayP95: number | undefined;
  delayMax: number | undefined;
  /** Submission → generate accepted, seconds, for every submission the API took. */
  waitP50: number | undefined;
  waitP95: number | undefined;
  neverAccepted: number;
  /** Videos delivered per hour between the end of the warm-up and the end of submissions. */
  deliveredPerHour: number | undefined;
  /** Generations the API accepted per hour in that same stretch. */
  acceptedPerHour: number | undefined;
  keys: number;
  /** Requests the API counted, and 429s, per key, in the keys' order. */
  perKey: { counted: number; rateLimited: number }[];
  /** Each server that brings its own key: its delays, its videos and what its own key was asked. */
  perServer: { delayP95: number | undefined; delivered: number; counted: number; rateLimited: number }[];
  simulatedHours: number;
  wallMs: number;
  extras: Record<string, number>;
}

export function summarise(run: RunResult): Summary {
  const { scenario } = run;
  const byIndex = new Map(run.submissions.map((s) => [s.index, s]));
  const delivered = run.observed.filter((o) => o.outcome === 'completed' && o.editedAt !== undefined);
  const delays = delivered.flatMap((o) => {
    const ready = run.readyAt.get(o.index);
    return ready === undefined || o.editedAt === undefined ? [] : [(o.editedAt - ready) / 1000];
  });
  const waits = run.observed.flatMap((o) => {
    const submission = byIndex.get(o.index);
    return o.acceptedAt === undefined || !submission ? [] : [(o.acceptedAt - run.startMs - submission.atMs) / 1000];
  });
  const from = run.startMs + WARMUP_MS;
  const to = run.startMs + scenario.submitMs;
  const inWindow = delivered.filter((o) => o.editedAt !== undefined && o.editedAt >= from && o.editedAt < to).length;
  const acceptedInWindow = run.observed.filter((o) => o.acceptedAt !== undefined && o.acceptedAt >= from && o.acceptedAt < to).length;
  const keys = [...new Set(run.requests.map((r) => r.key))];
  const rateLimited = run.requests.filter((r) => r.status === 429).length;
  const counted = run.requests.filter((r) => r.status !== 429);
  return {
    label: scenario.label,
    strategy: run.strategy,
    perHour: scenario.perHour,
    saturation: scenario.saturation,
    submitted: run.submissions.length,
    delivered: delivered.length,
    failed: run.observed.filter((o) => o.outcome === 'failed' || o.outcome === 'partial').length,
    unfinished: run.observed.filter((o) => o.outcome === undefined).length,
    sent: run.requests.length,
    rateLimited,
    counted: counted.length,
    generates: counted.filter((r) => r.endpoint === 'generate').length,
    polls: counted.filter((r) => r.endpoint === 'check-status').length,
    delayP50: percentile(delays, 50),
    delayP95: percentile(delays, 95),
    delayMax: percentile(delays, 100),
    waitP50: percentile(waits, 50),
    waitP95: percentile(waits, 95),
    neverAccepted: run.observed.filter((o) => o.acceptedAt === undefined).length,
    deliveredPerHour: to > from ? inWindow / ((to - from) / HOUR) : undefined,
    acceptedPerHour: to > from ? acceptedInWindow / ((to - from) / HOUR) : undefined,
    keys: scenario.keys ?? 1,
    perKey: keys.map((key) => ({
      counted: run.requests.filter((r) => r.key === key && r.status !== 429).length,
      rateLimited: run.requests.filter((r) => r.key === key && r.status === 429).length,
    })),
    perServer: Array.from({ length: scenario.servers ?? 0 }, (_, server) => {
      const own = delivered.filter((o) => o.server === server);
      const key = serverKeyName(server);
      return {
        delayP95: percentile(own.flatMap((o) => { const ready = run.readyAt.get(o.index); return ready === undefined || o.editedAt === undefined ? [] : [(o.editedAt - ready) / 1000]; }), 95),
        delivered: own.length,
        counted: run.requests.filter((r) => r.key === key && r.status !== 429).length,
        rateLimited: run.requests.filter((r) => r.key === key && r.status === 429).length,
      };
    }),
    simulatedHours: (run.endMs - run.startMs) / HOUR,
    wallMs: run.wallMs,
    extras: run.extras,
  };
}

/** Requests per delivered video; Infinity when nothing was delivered. */
export const perVideo = (requests: number, delivered: number): number => (delivered === 0 ? Infinity : requests / delivered);
