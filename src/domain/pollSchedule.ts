import type { Timing } from './timing.js';

export type PollTiming = Pick<
  Timing,
  'shotMinMs' | 'shotMaxMs' | 'pollIntervalMs' | 'pollMaxIntervalMs' | 'generationGraceMs'
>;

interface Submitted {
  submittedAt: Date;
  shotCount: number;
}

/** What the polls so far showed of a generation whose shots run one after another. */
export interface Progress {
  /** Shots completed or failed: always the first ones, as the vendor runs them in order. */
  shotsDone: number;
  /** The earliest the last done shot can have ended (the submission while none is done). */
  lastDoneAt: Date;
}

const at = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** Shots of one request run one after another; each takes between shotMin and shotMax. */
export function expectedFinish({ submittedAt, shotCount }: Submitted, timing: PollTiming): Date {
  return at(submittedAt, (shotCount * (timing.shotMinMs + timing.shotMaxMs)) / 2);
}

/**
 * Waiting a third of one shot's spread past its shortest time makes the quickest shots wait at
 * most that third while most shots cost a poll fewer.
 */
const firstLookMs = (timing: PollTiming) => timing.shotMinMs + (timing.shotMaxMs - timing.shotMinMs) / 3;

/**
 * Near when the first shot can plausibly be done, whatever the shot count: a long multi-shot
 * video then shows early whether the vendor makes it at all, and the answer places every later poll.
 */
export function firstPollAt({ submittedAt }: Submitted, timing: PollTiming): Date {
  return at(submittedAt, firstLookMs(timing));
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
 * No poll before the shots still to come can all be done: they run one after another from the end
 * of the last done shot, and the one in progress was not done at `now` either. The last shot is
 * looked at as a single shot is, then polled at the base interval; past the plausible window the
 * interval grows with the overrun (a late video is rarer with every minute), up to the maximum.
 * `scarcity` (≥ 1) stretches the interval while the key's request budget runs low.
 */
export function nextPollAt(generation: Submitted, progress: Progress, now: Date, timing: PollTiming, scarcity = 1): Date {
  const remaining = Math.max(1, generation.shotCount - progress.shotsDone);
  const windowEnd = generation.submittedAt.getTime() + generation.shotCount * timing.shotMaxMs;
  const overrun = Math.max(0, now.getTime() - windowEnd);
  const interval = Math.min(timing.pollMaxIntervalMs, Math.max(timing.pollIntervalMs * scarcity, overrun / 2));
  const restCanBeDone = Math.max(
    progress.lastDoneAt.getTime() + (remaining - 1) * timing.shotMinMs + firstLookMs(timing),
    now.getTime() + (remaining - 1) * timing.shotMinMs,
  );
  return new Date(Math.max(now.getTime() + interval, restCanBeDone));
}
