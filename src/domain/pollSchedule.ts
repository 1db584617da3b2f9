import type { Timing } from '../config.js';

export type PollTiming = Pick<
  Timing,
  'shotMinMs' | 'shotMaxMs' | 'pollIntervalMs' | 'pollMaxIntervalMs' | 'generationGraceMs'
>;

interface Submitted {
  submittedAt: Date;
  shotCount: number;
}

const at = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** Shots of one request run one after another; each takes between shotMin and shotMax. */
export function expectedFinish({ submittedAt, shotCount }: Submitted, timing: PollTiming): Date {
  return at(submittedAt, (shotCount * (timing.shotMinMs + timing.shotMaxMs)) / 2);
}

/**
 * Nothing can be ready before every shot had its shortest time; the first poll waits a third of
 * the spread longer, towards the expected finish, so the quickest videos wait at most that third
 * while most videos cost a poll fewer.
 */
export function firstPollAt({ submittedAt, shotCount }: Submitted, timing: PollTiming): Date {
  return at(submittedAt, shotCount * timing.shotMinMs + (timing.shotMaxMs - timing.shotMinMs) / 3);
}

/** From here on a generation may ride along in any poll at no extra cost. */
export function earliestReadyAt({ submittedAt, shotCount }: Submitted, timing: PollTiming): Date {
  return at(submittedAt, shotCount * timing.shotMinMs);
}

/** After the latest plausible finish, a generation keeps running only until this. */
export function pollDeadline({ submittedAt, shotCount }: Submitted, timing: PollTiming): Date {
  return at(submittedAt, shotCount * timing.shotMaxMs + timing.generationGraceMs);
}

/**
 * Inside the plausible window, poll at the base interval; past it, back off in proportion to the
 * overrun (a late video is rarer with every minute), up to the maximum interval. `scarcity` (≥ 1)
 * stretches the interval while the key's request budget runs low.
 */
export function nextPollAt(generation: Submitted, now: Date, timing: PollTiming, scarcity = 1): Date {
  const windowEnd = generation.submittedAt.getTime() + generation.shotCount * timing.shotMaxMs;
  const overrun = Math.max(0, now.getTime() - windowEnd);
  const interval = Math.min(timing.pollMaxIntervalMs, Math.max(timing.pollIntervalMs * scarcity, overrun / 2));
  return at(now, interval);
}

/**
 * 1 while at least half the budget is free, then growing as it runs out: stretching early keeps
 * the window from running dry, which would hold every poll back until a slot frees.
 */
export function budgetScarcity(available: number, limit: number): number {
  return Math.max(1, limit / 2 / Math.max(1, available));
}
