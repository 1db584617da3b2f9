import { inTransaction, type Db } from '../../db/client.js';
import { periodWindow } from '../../src/domain/quota/periods.js';

export const GUILD_ID = '100000000000000001';
const CHANNEL_ID = '300000000000000001';
const OTHER_GUILD_ID = '100000000000000002';

export interface SeedPlan {
  generations: number;
  members: number;
  /** Generations of another server in the same period, which every report must leave out. */
  otherServer: number;
  now: Date;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same ledger. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const prices = [10, 10, 10, 14, 30] as const;

/**
 * Generations with their shot and the ledger rows the lifecycle writes for them, all reserved in
 * the week of `now`: mostly settled, some with a failed shot refunded, some released (the API
 * refused, or its answer was unknown: then an `unknown` row follows), a few still open, and a
 * handful of admin adjustments. Written with plain inserts: going through the quota service would sum the period once per reservation, which is what is measured.
 */
export function seedPeriod(db: Db, plan: SeedPlan): void {
  const next = random(42);
  const week = periodWindow(plan.now, 'week');
  const span = plan.now.getTime() - week.start.getTime();
  const sqlite = db.$client;
  const insertGeneration = sqlite.prepare(
    `insert into generations (guild_id, channel_id, user_id, prompt, mode, aspect_ratio, resolution, image_urls, credits,
       credits_used, state, created_at, submitted_at, finished_at, video_url, revision, delivered_revision)
     values (?, ?, ?, ?, 'text', '16:9', '720p', '[]', ?, ?, ?, ?, ?, ?, ?, 3, 3)`,
  );
  const insertShot = sqlite.prepare(`insert into shots (id, generation_id, position, prompt, task_id, state) values (?, ?, 0, ?, ?, ?)`);
  const insertLedger = sqlite.prepare(
    `insert into credit_ledger (guild_id, user_id, generation_id, kind, credits, period_key, counts_at, reason, actor_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const seedOne = (guildId: string, index: number, total: number) => {
    const userId = String(200000000000000000n + BigInt(Math.floor(next() * plan.members)));
    const at = week.start.getTime() + Math.floor((span * index) / total);
    const price = prices[Math.floor(next() * prices.length)]!;
    const roll = next();
    const outcome = index >= total - 20 ? 'open' : roll < 0.005 ? 'unknown' : roll < 0.03 ? 'released' : roll < 0.1 ? 'refunded' : 'settled';
    const state = outcome === 'open' ? 'running' : outcome === 'settled' ? 'completed' : 'failed';
    const charged = outcome === 'settled' || outcome === 'refunded' ? price : null;
    const prompt = `a fox in the snow, shot ${index}, ${'slow pan across a frozen lake at dawn '.repeat(3)}`;
    const { lastInsertRowid } = insertGeneration.run(
      guildId, CHANNEL_ID, userId, prompt, price, charged, state, at, at + 1000,
      outcome === 'open' ? null : at + 200_000, outcome === 'settled' ? `https://cdn.example/${index}.mp4` : null,
    );
    const id = Number(lastInsertRowid);
    insertShot.run(`veo-${id}-1`, id, prompt, outcome === 'released' || outcome === 'unknown' ? null : `task-${id}`, outcome === 'open' ? 'processing' : outcome === 'settled' ? 'completed' : 'failed');
    const row = (kind: string, credits: number, reason: string | null, actorId: string | null) =>
      insertLedger.run(guildId, userId, id, kind, credits, week.key, at, reason, actorId, at);
    row('reserve', price, null, userId);
    if (outcome === 'released') row('release', -price, 'the API refused the request', null);
    if (outcome === 'unknown') {
      row('release', -price, 'OUTCOME_UNKNOWN', null);
      row('unknown', price, 'the outcome of the submit is unknown', null);
    }
    if (outcome === 'settled' || outcome === 'refunded') row('settle', 0, null, null);
    if (outcome === 'refunded') row('refund', -price, 'shot failed', null);
  };

  inTransaction(db, () => {
    for (let i = 0; i < plan.generations; i += 1) seedOne(GUILD_ID, i, plan.generations);
    for (let i = 0; i < plan.otherServer; i += 1) seedOne(OTHER_GUILD_ID, i, plan.otherServer);
    for (let i = 0; i < 50; i += 1) {
      const at = week.start.getTime() + Math.floor(span * next());
      const userId = String(200000000000000000n + BigInt(i));
      insertLedger.run(GUILD_ID, userId, null, 'adjust', i % 2 === 0 ? 5 : -5, week.key, at, 'bench adjustment', '200000000000000999', at);
    }
  });
}
