import { ManualClock } from '../src/clock.js';
import { loadConfig, type Config } from '../src/config.js';
import { startFakeNanophoto, type FakeNanophoto, type FakeShotInfo } from '../test/support/fakeNanophoto.js';

/** One load to simulate: Poisson arrivals at `perHour` for `submitMs`, then up to `drainMs` to finish. */
export interface Scenario {
  label: string;
  perHour: number;
  submitMs: number;
  drainMs: number;
  /** Saturation runs stop when submissions stop; they measure throughput, not completion. */
  saturation: boolean;
  seed: number;
  /** Shots per video, run one after another by the vendor. */
  shots: number;
  /** The operator's API keys (NANOPHOTO_API_KEYS), each limited at the fake as in the bot; default 1. */
  keys?: number;
  /** Servers that each pay with their own key (limited at the fake like any key); submissions go to them in turn. Default none. */
  servers?: number;
}

/** One member's `/veo prompt`, identical for every strategy of a scenario. */
export interface Submission {
  index: number;
  /** Offset from the start of the run, on the tick grid. */
  atMs: number;
  /** One prompt per shot, each starting with the submission's index. */
  shotPrompts: string[];
  /** Generation time of each shot. */
  shotMs: number[];
  /** The server it comes from, drawn at random so each server's arrivals are Poisson too; 0 without servers. */
  server: number;
}

/** What a strategy saw of one submission; times are absolute simulated ms. */
export interface Observed {
  index: number;
  acceptedAt: number | undefined;
  editedAt: number | undefined;
  /** The final state shown to the member, if the run got that far. */
  outcome: 'completed' | 'partial' | 'failed' | undefined;
  /** Which of the scenario's servers it came from, when it has several. */
  server?: number;
}

/** A strategy bound to one fake API and one clock for one run. */
export interface StrategyRun {
  submit(submission: Submission): Promise<void>;
  /** One step of simulated time: whatever the strategy does on a timer. */
  tick(): Promise<void>;
  /** True once every submission so far has a final, shown outcome. */
  settled(): boolean;
  observe(): Observed[];
  /** Extra counters worth printing (e.g. Discord edits). */
  extras(): Record<string, number>;
  close(): Promise<void>;
}

export interface StrategyContext {
  clock: ManualClock;
  api: FakeNanophoto;
  config: Config;
  /** The first key: all a single-key strategy uses. */
  apiKey: string;
  /** Every key of the run, the first one first. */
  apiKeys: string[];
  /** The servers' own keys, one per server, when the scenario has servers. */
  serverKeys: string[];
}

export type StrategyFactory = (context: StrategyContext) => Promise<StrategyRun>;

/** Everything a run measured, plain data so it can be summarised anywhere. */
export interface RunResult {
  scenario: Scenario;
  strategy: string;
  startMs: number;
  endMs: number;
  wallMs: number;
  submissions: Submission[];
  observed: Observed[];
  /** API task end of each submission's last shot, by submission index. */
  readyAt: Map<number, number>;
  requests: { endpoint: string; status: number; at: number; key: string | null }[];
  extras: Record<string, number>;
}

export const HOUR = 3_600_000;
export const START_MS = Date.UTC(2026, 10, 25, 12);
/** The operator's i-th key at the fake; the first is the one `defaults` is configured with. */
const operatorKeyName = (i: number) => `bench-key-${String(i).padStart(4, '0')}`;
const API_KEY = operatorKeyName(0);
/** The vendor key server `index` brings. */
export const serverKeyName = (index: number) => `bench-server-key-${String(index).padStart(4, '0')}`;

/** The bot's defaults, exactly as an operator who set only the two secrets would get them. */
export const defaults: Config = loadConfig({ DISCORD_TOKEN: 'bench-token', NANOPHOTO_API_KEY: API_KEY });
export const tickMs = defaults.timing.pollerTickMs;

/** mulberry32: small, seeded, good enough to draw arrivals and shot times reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Poisson arrivals (exponential gaps), rounded up to the next tick; each shot's time uniform in [min, max]. */
export function submissionsFor(scenario: Scenario): Submission[] {
  const random = seededRandom(scenario.seed);
  const { shotMinMs, shotMaxMs } = defaults.timing;
  const meanGapMs = HOUR / scenario.perHour;
  const list: Submission[] = [];
  for (let at = -Math.log(1 - random()) * meanGapMs; at < scenario.submitMs; at += -Math.log(1 - random()) * meanGapMs) {
    const index = list.length;
    const shots = Array.from({ length: scenario.shots }, (_, shot) => shot);
    list.push({
      index,
      atMs: Math.ceil(at / tickMs) * tickMs,
      shotPrompts: shots.map((shot) => `bench #${index}: a red fox trotting through fresh snow at dawn${shot > 0 ? `, scene ${shot + 1}` : ''}`),
      shotMs: shots.map(() => Math.round(shotMinMs + random() * (shotMaxMs - shotMinMs))),
      server: scenario.servers ? Math.floor(random() * scenario.servers) : 0,
    });
  }
  return list;
}

export const indexOfPrompt = (prompt: string): number | undefined => {
  const match = /^bench #(\d+):/.exec(prompt);
  return match ? Number(match[1]) : undefined;
};

/**
 * Runs one strategy through one scenario on its own fake API and clock: each tick the clock moves
 * by the bot's poller tick, new submissions arrive, then the strategy does its timed work.
 */
export async function simulate(scenario: Scenario, strategy: string, factory: StrategyFactory): Promise<RunResult> {
  const wallStart = performance.now();
  const submissions = submissionsFor(scenario);
  const clock = new ManualClock(START_MS);
  const apiKeys = Array.from({ length: scenario.keys ?? 1 }, (_, i) => operatorKeyName(i));
  const serverKeys = Array.from({ length: scenario.servers ?? 0 }, (_, i) => serverKeyName(i));
  const shotMs = (shot: FakeShotInfo) => submissions[indexOfPrompt(shot.prompt) ?? -1]?.shotMs[shot.index] ?? defaults.timing.shotMaxMs;
  const api = await startFakeNanophoto({
    now: () => clock.now().getTime(),
    shotDurationMs: shotMs,
    rateLimit: defaults.nanophoto.rateLimit.limit,
    retryAfter: true,
    apiKeys: [...apiKeys, ...serverKeys],
  });
  const run = await factory({ clock, api, config: defaults, apiKey: API_KEY, apiKeys, serverKeys });
  const stopAt = START_MS + scenario.submitMs + (scenario.saturation ? 0 : scenario.drainMs);
  let next = 0;
  try {
    for (;;) {
      const elapsed = clock.now().getTime() - START_MS;
      for (let s = submissions[next]; s && s.atMs <= elapsed; s = submissions[++next]) await run.submit(s);
      await run.tick();
      const done = elapsed >= scenario.submitMs && (scenario.saturation || run.settled());
      if (done || clock.now().getTime() >= stopAt) break;
      clock.advance(tickMs);
    }
    const readyAt = new Map<number, number>();
    for (const task of api.tasks()) {
      const index = indexOfPrompt(task.prompt);
      if (index !== undefined) readyAt.set(index, Math.max(readyAt.get(index) ?? 0, task.endsAt));
    }
    return {
      scenario,
      strategy,
      startMs: START_MS,
      endMs: clock.now().getTime(),
      wallMs: performance.now() - wallStart,
      submissions,
      observed: run.observe(),
      readyAt,
      requests: api.requests.map(({ endpoint, status, at, key }) => ({ endpoint, status, at, key })),
      extras: run.extras(),
    };
  } finally {
    await run.close();
    await api.close();
  }
}
