import { ManualClock } from '../src/clock.js';
import { parseVideoRequest } from '../src/domain/videoRequest.js';
import { startFakeNanophoto } from '../test/support/fakeNanophoto.js';
import { startBenchBot } from './benchBot.js';
import { HOUR, START_MS, defaults, indexOfPrompt, seededRandom, tickMs } from './simulation.js';

/** One member's request in a fairness workload. */
export interface Ask {
  atMs: number;
  server: string;
  member: string;
}

export interface Workload {
  name: string;
  asks: Ask[];
  runMs: number;
  seed: number;
}

/**
 * How the queue orders waiting requests. `turns` is the bot as it is; `first come` is the same bot
 * with every request asked under one member of one server, which the turns serve in the order
 * made: the queue's order before servers took turns.
 */
export type QueueOrder = 'turns' | 'first come';

/** What one run saw of each ask, in submit slots: the requests the vendor accepted, counted from 1. */
export interface AskSeen extends Ask {
  /** Accepted submits before this one was made. */
  slotsBefore: number;
  /** Its own submit's number, if it was submitted. */
  slot: number | undefined;
}

export interface FairnessRun {
  workload: string;
  order: QueueOrder;
  asks: AskSeen[];
  /** When each accepted submit went out, and whose it was. */
  accepted: { at: number; server: string }[];
  wallMs: number;
}

const API_KEY = 'bench-key-0000';
const guildOf = (server: string) => `1000000000000000${String(server.charCodeAt(0)).padStart(2, '0')}`;
const userOf = (member: string) => `2000000000000${member.padStart(5, '0')}`;

/** Runs one workload through the bot's domain against the fake API, on a simulated clock. */
export async function runFairness(workload: Workload, order: QueueOrder): Promise<FairnessRun> {
  const wallStart = performance.now();
  const clock = new ManualClock(START_MS);
  const random = seededRandom(workload.seed);
  const { shotMinMs, shotMaxMs } = defaults.timing;
  const shotMs = workload.asks.map(() => Math.round(shotMinMs + random() * (shotMaxMs - shotMinMs)));
  const api = await startFakeNanophoto({
    now: () => clock.now().getTime(),
    shotDurationMs: (shot) => shotMs[indexOfPrompt(shot.prompt) ?? -1] ?? shotMaxMs,
    rateLimit: defaults.nanophoto.rateLimit.limit,
    retryAfter: true,
    apiKeys: [API_KEY],
  });
  const bot = startBenchBot({ clock, api, config: defaults, apiKeys: [API_KEY] });
  const acceptedSubmits = () => api.requests.filter((r) => r.endpoint === 'generate' && r.status === 200);
  const asks = [...workload.asks].sort((a, b) => a.atMs - b.atMs);
  const slotsBefore: number[] = [];
  try {
    let next = 0;
    for (let elapsed = 0; elapsed < workload.runMs; elapsed += tickMs) {
      for (let ask = asks[next]; ask && ask.atMs <= elapsed; ask = asks[++next]) {
        const one = order === 'first come';
        const origin = {
          guildId: guildOf(one ? 'A' : ask.server),
          channelId: '300000000000000001',
          userId: userOf(one ? '1' : ask.member),
          interactionId: null,
          locale: null,
          guildLocale: null,
          attachmentSizeLimit: null,
        };
        const request = parseVideoRequest({ text: `bench #${next}: a heron on a misty lake, ${ask.server}${ask.member}`, images: [], mode: null, aspect: null, resolution: null });
        slotsBefore[next] = acceptedSubmits().length;
        await bot.queue.start(bot.generations.create(origin, [], request));
      }
      await bot.tick();
      clock.advance(tickMs);
    }
    const accepted = acceptedSubmits().map((r) => ({ at: r.at, index: indexOfPrompt((r.body as { shots: { prompt: string }[] }).shots[0]!.prompt) ?? -1 }));
    const slotOf = new Map(accepted.map((a, i) => [a.index, i + 1]));
    return {
      workload: workload.name,
      order,
      asks: asks.map((ask, i) => ({ ...ask, slotsBefore: slotsBefore[i] ?? 0, slot: slotOf.get(i) })),
      accepted: accepted.map((a) => ({ at: a.at, server: asks[a.index]?.server ?? '?' })),
      wallMs: performance.now() - wallStart,
    };
  } finally {
    await bot.close();
    await api.close();
  }
}

const minute = 60_000;
const many = (atMs: number, server: string, members: number, each: number): Ask[] =>
  Array.from({ length: members }, (_, m) => Array.from({ length: each }, () => ({ atMs, server, member: String(m + 1) }))).flat();

/**
 * Issue 19, scenario A: server A keeps the key saturated (twenty members asking three videos each,
 * every half hour, more than the key can take); an hour in, right after A's third sixty, server B
 * and then server C ask for three videos each. Three hours, so first come reaches them too.
 */
export const busyServerAndTwoSmall: Workload = {
  name: 'A: 60 at once, then B 3 and C 3',
  asks: [...[0, 30, 60, 90, 120, 150].flatMap((at) => many(at * minute, 'A', 20, 3)), ...many(HOUR + tickMs, 'B', 1, 3), ...many(HOUR + tickMs, 'C', 1, 3)],
  runMs: 3 * HOUR,
  seed: 1901,
};

/**
 * Scenario B: the key saturated by member W (sixty at once: at the key's pace of one a 36 s after a
 * first burst of twenty, some still wait at minute 10); then member X queues three and member Y one,
 * in the same server.
 */
export const twoMembersOneServer: Workload = {
  name: 'B: X 3 then Y 1',
  asks: [
    ...many(0, 'S', 1, 60).map((ask) => ({ ...ask, member: 'W' })),
    ...many(10 * minute, 'S', 1, 3).map((ask) => ({ ...ask, member: 'X' })),
    { atMs: 10 * minute + tickMs, server: 'S', member: 'Y' },
  ],
  runMs: 60 * minute,
  seed: 1902,
};

export interface FairnessResults {
  busy: Record<QueueOrder, FairnessRun>;
  members: Record<QueueOrder, FairnessRun>;
}

/** Both scenarios under both orders, side by side on this thread. */
export async function runFairnessSuite(): Promise<FairnessResults> {
  const [busyTurns, busyFirst, membersTurns, membersFirst] = await Promise.all([
    runFairness(busyServerAndTwoSmall, 'turns'),
    runFairness(busyServerAndTwoSmall, 'first come'),
    runFairness(twoMembersOneServer, 'turns'),
    runFairness(twoMembersOneServer, 'first come'),
  ]);
  return { busy: { turns: busyTurns, 'first come': busyFirst }, members: { turns: membersTurns, 'first come': membersFirst } };
}
