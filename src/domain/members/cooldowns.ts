import { COOLDOWN_MS, SPELL_MIN_REQUESTS, SPELL_WINDOW_MS } from './memberPolicy.js';
import { countsAgainstMember, vendorOutcome, type EndedRequest } from './requestOutcomes.js';

/** How far back the requests that decide a cooldown reach: a cooldown started an hour ago by failures an hour before it, and the spell before those. */
export const COOLDOWN_LOOKBACK_MS = 2 * COOLDOWN_MS + SPELL_WINDOW_MS;

/**
 * Whether the vendor was failing for everyone when `request` ended: half or more of the other
 * members' requests that reached it in the ten minutes before failed. Others' only, so a member
 * whose own prompts keep being refused cannot make a spell that excuses them.
 */
export function duringSpell(request: EndedRequest, ended: readonly EndedRequest[]): boolean {
  const from = request.finishedAt.getTime() - SPELL_WINDOW_MS;
  const to = request.finishedAt.getTime();
  const others = ended.filter((o) => o.userId !== request.userId && o.finishedAt.getTime() >= from && o.finishedAt.getTime() <= to);
  const outcomes = others.map(vendorOutcome).filter((outcome) => outcome !== 'not_sent');
  if (outcomes.length < SPELL_MIN_REQUESTS) return false;
  return outcomes.filter((outcome) => outcome === 'failed').length * 2 >= outcomes.length;
}

export interface Cooldown {
  userId: string;
  until: Date;
  /** The member's counted failures within the hour before it started. */
  failures: number;
}

/**
 * Each member of `guildId` in a cooldown at `now`: it starts at the failure that makes `limit`
 * counted failures within an hour, and lasts an hour from it. Failures before an admin lifted the
 * member's cooldown (`clears`) no longer count. `ended` must reach back COOLDOWN_LOOKBACK_MS.
 */
export function cooldownsAt(input: { guildId: string; ended: readonly EndedRequest[]; clears: ReadonlyMap<string, Date>; limit: number; now: Date }): Cooldown[] {
  const { guildId, ended, clears, limit, now } = input;
  if (limit <= 0) return [];
  const counted = new Map<string, EndedRequest[]>();
  for (const request of ended) {
    if (request.guildId !== guildId || !countsAgainstMember(request)) continue;
    const clearedAt = clears.get(request.userId);
    if (clearedAt && request.finishedAt <= clearedAt) continue;
    if (duringSpell(request, ended)) continue;
    counted.set(request.userId, [...(counted.get(request.userId) ?? []), request]);
  }
  const cooldowns: Cooldown[] = [];
  for (const [userId, failures] of counted) {
    const times = failures.map((f) => f.finishedAt.getTime()).sort((a, b) => a - b);
    let latest: Cooldown | undefined;
    times.forEach((at, index) => {
      const within = times.slice(0, index + 1).filter((t) => t > at - COOLDOWN_MS).length;
      if (within >= limit && at + COOLDOWN_MS > now.getTime()) latest = { userId, until: new Date(at + COOLDOWN_MS), failures: within };
    });
    if (latest) cooldowns.push(latest);
  }
  return cooldowns.sort((a, b) => a.until.getTime() - b.until.getTime());
}
