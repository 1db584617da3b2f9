import type { OperatorRepo } from '../../../db/operatorRepo.js';
import type { Transaction } from '../../../db/repos.js';
import type { Clock } from '../ports.js';

export interface UnknownOutcomesDeps {
  repo: OperatorRepo;
  transaction: Transaction;
  clock: Clock;
  /** The fingerprint of the API key the submits go out on. */
  key: string;
  /** Unknown outcomes in a row, with no accepted submit between them, that pause the key. */
  pauseAfter: number;
}

export type UnknownOutcomes = ReturnType<typeof createUnknownOutcomes>;

/**
 * Submits on a key whose outcome is unknown (a time-out, a cut connection, an unreadable answer)
 * may each have been charged. A run of them means the vendor is slow or changed its answers:
 * submissions on the key pause until the operator resumes, rather than drain the account unseen.
 * Kept in SQLite per key fingerprint, so a restart neither resumes the key nor tells the operator twice.
 */
export function createUnknownOutcomes({ repo, transaction, clock, key, pauseAfter }: UnknownOutcomesDeps) {
  return {
    isPaused: () => repo.keyState(key).unknownPausedAt !== null,

    /** Counts one unknown outcome; returns the streak when this one paused the key (the operator is told once), else null. */
    counted(): number | null {
      return transaction(() => {
        const { unknownStreak, unknownPausedAt } = repo.keyState(key);
        const streak = unknownStreak + 1;
        const pauses = unknownPausedAt === null && streak >= pauseAfter;
        repo.saveKeyState(key, { unknownStreak: streak, ...(pauses ? { unknownPausedAt: clock.now() } : {}) });
        return pauses ? streak : null;
      });
    },

    /** The vendor took a submit on the key: the streak starts again. */
    accepted(): void {
      if (repo.keyState(key).unknownStreak === 0) return;
      repo.saveKeyState(key, { unknownStreak: 0 });
    },

    /** The operator resumes: the key sends again, its streak from zero. Returns whether it was paused. */
    lift(): boolean {
      return transaction(() => {
        const paused = repo.keyState(key).unknownPausedAt !== null;
        repo.saveKeyState(key, { unknownStreak: 0, unknownPausedAt: null });
        return paused;
      });
    },
  };
}
