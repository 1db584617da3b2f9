import type { DailyRunRepo } from '../../../db/dailyRunRepo.js';
import type { GenerationRepo } from '../../../db/generationRepo.js';
import type { Transaction } from '../../../db/repos.js';
import type { Logger } from '../../log.js';
import type { Clock } from '../ports.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_RUN = 'prompt_retention';
// Erased a batch at a time, each in a short transaction: a first run over years of history never holds the database for long.
const BATCH = 200;

export type ResultErasure = ReturnType<typeof createResultErasure>;

export interface ResultErasureDeps {
  repo: Pick<GenerationRepo, 'erase' | 'removedToErase' | 'olderToErase'>;
  dailyRuns: DailyRunRepo;
  transaction: Transaction;
  clock: Clock;
  /** PROMPT_RETENTION_DAYS; null keeps prompts and links for good. */
  retentionDays: number | null;
  log: Logger;
}

/**
 * Blanks what members wrote and linked: a removed result's once it finished (at once when it
 * already had), and every result's past the retention, once a day. The ledger is never touched.
 */
export function createResultErasure({ repo, dailyRuns, transaction, clock, retentionDays, log }: ResultErasureDeps) {
  function inBatches(next: () => number[], erase: (ids: number[]) => number[]): number {
    let total = 0;
    for (;;) {
      const erased = transaction(() => erase(next()));
      total += erased.length;
      if (erased.length < BATCH) return total;
    }
  }

  /** Removed results that finished since they were removed. */
  function eraseRemoved(): number {
    const ids = repo.removedToErase();
    let count = 0;
    for (let at = 0; at < ids.length; at += BATCH) count += transaction(() => repo.erase(ids.slice(at, at + BATCH), 'removed', clock.now())).length;
    if (count > 0) log.info({ count }, 'erased removed results');
    return count;
  }

  /** Once a day (the last run is stored, so a restart neither skips nor repeats it): results older than the retention. */
  function expireOld(): number {
    if (retentionDays === null) return 0;
    const now = clock.now();
    const last = dailyRuns.lastRun(RETENTION_RUN);
    if (last && now.getTime() - last.getTime() < DAY_MS) return 0;
    const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
    const count = inBatches(() => repo.olderToErase(cutoff, BATCH), (ids) => repo.erase(ids, 'expired', now));
    dailyRuns.recordRun(RETENTION_RUN, now);
    log.info({ count, retentionDays }, 'erased results past the retention');
    return count;
  }

  return {
    eraseRemoved,
    expireOld,
    /** The tick's step: both, quickly when there is nothing to do. */
    run(): number {
      return eraseRemoved() + expireOld();
    },
  };
}
