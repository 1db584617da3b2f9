import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Transaction } from '../../db/repos.js';
import type { Clock } from './ports.js';
import type { Logger } from '../log.js';
import type { ShotState as ApiShotState, StatusResult } from '../veo/types.js';
import type { CreditLedger } from './quota/creditLedger.js';
import type { FinishedState, Generation, Shot, ShotFailure } from './generation.js';
import { nextPollAt, pollDeadline, type PollTiming, type Progress } from './pollSchedule.js';
import { shotPrice } from './pricing.js';

export interface PollOutcomeDeps {
  repo: GenerationRepo;
  transaction: Transaction;
  ledger: CreditLedger;
  clock: Clock;
  timing: PollTiming;
  /** How hard the request budget of the key polling this generation is pressed: stretches its poll intervals (1 = not at all). */
  scarcity?: (generation: Generation) => number;
  log: Logger;
}

export type PollOutcomes = ReturnType<typeof createPollOutcomes>;

type GiveUpCode = 'timeout' | 'TASK_NOT_FOUND' | 'NO_VIDEO_URL' | 'KEY_REMOVED';

/**
 * A running generation whose shots are all done is still waiting for a link to its video: it is
 * polled alone, asking about every shot, so that a top-level URL can be attributed to it.
 */
export const awaitsLink = (generation: Generation): boolean => generation.shots.every(isShotDone);

/** The shots a poll asks about: those not done yet, or every one while the link is awaited. */
export const shotsToAsk = (generation: Generation): Shot[] =>
  awaitsLink(generation) ? generation.shots : generation.shots.filter((shot) => !isShotDone(shot));

/** Records what a poll learned, settles credits for failed shots, and schedules the next poll. */
export function createPollOutcomes({ repo, transaction, ledger, clock, timing, scarcity = () => 1, log }: PollOutcomeDeps) {
  /** Applies one check-status answer to the generations whose shots it asked about. */
  function apply(batch: Generation[], result: StatusResult): void {
    const now = clock.now();
    const byShot = new Map(result.shots.map((shot) => [shot.shotId, shot]));
    // A top-level URL is the whole video's only when the request asked about one generation and
    // every shot of it: asked about the last shot alone, the vendor may answer with that shot's.
    const only = batch.length === 1 ? batch[0]! : undefined;
    const sharedUrl = only && shotsToAsk(only).length === only.shots.length ? result.videoUrl : undefined;
    transaction(() => {
      for (const generation of batch) {
        const changed = generation.shots.filter((shot) => recordShot(generation, shot, byShot.get(shot.id), now));
        const linkAskedAlone = batch.length === 1 && awaitsLink(generation);
        conclude(repo.get(generation.id)!, { changed: changed.length > 0, sharedUrl, linkAskedAlone }, now);
      }
    });
    const unanswered = batch.flatMap((g) => g.shots.filter((shot) => shot.taskId && !isShotDone(shot) && !byShot.has(shot.id)).map((shot) => shot.id));
    if (unanswered.length > 0) log.warn({ shotIds: unanswered }, 'check-status left shots out or garbled them; they count as unanswered');
  }

  function recordShot(generation: Generation, shot: Shot, state: ApiShotState | undefined, now: Date): boolean {
    if (shot.state === 'completed' && !shot.videoUrl && state?.status === 'completed' && state.videoUrl) {
      repo.linkShot(shot.id, state.videoUrl);
      return true;
    }
    if (!state || state.status === 'processing' || state.status === shot.state || isShotDone(shot)) return false;
    if (state.status === 'completed') {
      repo.completeShot(shot.id, { videoUrl: state.videoUrl ?? null, generationSeconds: state.generationSeconds ?? null, at: now });
    } else {
      failShot(generation, shot, 'failed', now);
      log.warn({ generationId: generation.id, shotId: shot.id, apiError: state.error }, 'shot failed');
    }
    return true;
  }

  /** Returns the credits refunded for it. */
  function failShot(generation: Generation, shot: Shot, reason: ShotFailure, now: Date): number {
    repo.failShot(shot.id, reason, now);
    return ledger.refund(generation.id, shotPrice(generation.resolution), `shot ${shot.position + 1} failed`);
  }

  interface Answer {
    changed: boolean;
    sharedUrl: string | undefined;
    /** This poll asked about the generation alone, every shot, after it was found done without a link. */
    linkAskedAlone: boolean;
  }

  /** A poll that changed some shot shows it to the member; one that did not only schedules the next. */
  function pollAgain(id: number, at: Date, changed: boolean): void {
    if (changed) repo.recordProgress(id, at);
    else repo.schedulePoll(id, at);
  }

  /** Finishes a generation whose shots are all done and whose video has a link, or schedules its next poll. */
  function conclude(generation: Generation, { changed, sharedUrl, linkAskedAlone }: Answer, now: Date): void {
    const state = finalState(generation.shots);
    if (state && lacksLink(generation, sharedUrl)) {
      if (linkAskedAlone) {
        giveUp(generation, 'NO_VIDEO_URL', now);
        return;
      }
      pollAgain(generation.id, new Date(now.getTime() + timing.pollIntervalMs * scarcity(generation)), changed);
      log.warn({ generationId: generation.id }, 'every shot done but no video link yet; asking about it alone');
      return;
    }
    if (state) {
      repo.finish(generation.id, { state, at: now, videoUrl: sharedUrl ?? null, errorCode: state === 'completed' ? null : 'GENERATION_FAILED' });
      log.info({ generationId: generation.id, state }, 'generation finished');
      return;
    }
    const submitted = { submittedAt: generation.submittedAt ?? now, shotCount: generation.shots.length };
    if (pollDeadline(submitted, timing) <= now) {
      // Only an answer that it is still not done, this late, gives a generation up.
      giveUp(generation, 'timeout', now);
      return;
    }
    const next = nextPollAt(submitted, progressOf(generation, submitted.submittedAt, now, timing), now, timing, scarcity(generation));
    pollAgain(generation.id, next, changed);
  }

  /**
   * Fails the unfinished shots, and the finished ones too when no link to them is known, refunding
   * each, and ends the generation; call inside a transaction. Returns the credits refunded.
   */
  function giveUp(generation: Generation, errorCode: GiveUpCode, now: Date): number {
    const linkless = lacksLink(generation, undefined);
    let refunded = 0;
    for (const shot of generation.shots) {
      if (!isShotDone(shot) || (linkless && shot.state === 'completed')) refunded += failShot(generation, shot, errorCode, now);
    }
    const state = finalState(repo.get(generation.id)!.shots) ?? 'failed';
    repo.finish(generation.id, { state, at: now, errorCode });
    log.warn({ generationId: generation.id, errorCode }, 'generation abandoned');
    return refunded;
  }

  /** Ends a generation the API can no longer tell us about: unfinished shots fail and are refunded. */
  function abandon(generation: Generation, errorCode: 'timeout' | 'TASK_NOT_FOUND'): void {
    transaction(() => {
      const current = repo.get(generation.id)!;
      if (current.state === 'running') giveUp(current, errorCode, clock.now());
    });
  }

  /**
   * Ends a running generation whose API key left the settings: no key can ask about it any more.
   * Its member is refunded as for any abandoned shot; the vendor charged those credits all the
   * same, so the operator's books keep them. Returns the credits refunded.
   */
  function orphan(generation: Generation): number {
    return transaction(() => {
      const current = repo.get(generation.id)!;
      if (current.state !== 'running') return 0;
      const refunded = giveUp(current, 'KEY_REMOVED', clock.now());
      if (refunded > 0) ledger.unpolled(generation.id, refunded, 'no configured API key can poll it');
      return refunded;
    });
  }

  return {
    apply,
    abandon,
    orphan,
    /** Running generations past their deadline, for the poller to abandon. */
    overdue(generations: Generation[]): Generation[] {
      const now = clock.now();
      return generations.filter(
        (g) => g.submittedAt && pollDeadline({ submittedAt: g.submittedAt, shotCount: g.shots.length }, timing) <= now,
      );
    },
    /** Puts off the next poll after a failed check-status call. */
    retryLater(generations: Generation[], delayMs: number): void {
      const at = new Date(clock.now().getTime() + delayMs);
      transaction(() => {
        for (const g of generations) repo.schedulePoll(g.id, at);
      });
    },
  };
}

const isShotDone = (shot: Shot) => shot.state === 'completed' || shot.state === 'failed';

/** Some shot was made, yet no link to any of it is known: the member would see "ready" and nothing to watch. */
function lacksLink(generation: Generation, sharedUrl: string | undefined): boolean {
  if (sharedUrl || generation.videoUrl) return false;
  return generation.shots.some((shot) => shot.state === 'completed') && !generation.shots.some((shot) => shot.videoUrl);
}

/**
 * Done shots ran one after another from the submission: each completed one took the time the
 * vendor reports (at least the shortest plausible time when it does not say), a failed one may
 * have taken none. The sum is the earliest the last of them can have ended.
 */
function progressOf(generation: Generation, submittedAt: Date, now: Date, timing: PollTiming): Progress {
  const done = generation.shots.filter(isShotDone);
  const took = (shot: Shot) => (shot.state === 'failed' ? 0 : shot.generationSeconds !== null ? shot.generationSeconds * 1000 : timing.shotMinMs);
  const tookMs = done.reduce((sum, shot) => sum + took(shot), 0);
  return { shotsDone: done.length, lastDoneAt: new Date(Math.min(now.getTime(), submittedAt.getTime() + tookMs)) };
}

function finalState(shots: Shot[]): FinishedState | undefined {
  if (!shots.every(isShotDone)) return undefined;
  const completed = shots.filter((shot) => shot.state === 'completed').length;
  return completed === shots.length ? 'completed' : completed === 0 ? 'failed' : 'partial';
}
