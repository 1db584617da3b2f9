import type { GenerationRepo } from '../../../db/generationRepo.js';
import type { OperatorRepo } from '../../../db/operatorRepo.js';
import type { Transaction } from '../../../db/repos.js';
import type { Clock } from '../ports.js';

export interface EmptyAccountDeps {
  repo: OperatorRepo;
  generations: GenerationRepo;
  transaction: Transaction;
  clock: Clock;
  /** How often the queue is tried while the account is empty. */
  retryMs: number;
  /** The fingerprint of the API key the submits go out on: the refused price is kept per key. */
  key: string;
}

export type EmptyAccount = ReturnType<typeof createEmptyAccount>;

/**
 * The vendor account that pays for every video ran out of credits: nothing is submitted, for any
 * server, until the operator resumes or a periodic retry goes through, and every waiting member
 * is shown why. A retry tries requests cheaper than the one refused first. Kept in SQLite, so a
 * restart neither floods the vendor nor tells the operator twice.
 */
export function createEmptyAccount({ repo, generations, transaction, clock, retryMs, key }: EmptyAccountDeps) {
  const isEmpty = () => repo.state().accountEmptyAt !== null;

  /** Lifts the hold; the waiting members' replies lose their note. Returns whether it was held. */
  const lift = (): boolean =>
    transaction(() => {
      const held = isEmpty();
      repo.saveState({ accountEmptyAt: null, accountRetryAt: null });
      repo.saveKeyState(key, { refusedCredits: null });
      generations.setQueuedWaitReason(null);
      return held;
    });

  return {
    isEmpty,

    /** Whether a held queue may try one request now. */
    retryDue(): boolean {
      const { accountEmptyAt, accountRetryAt } = repo.state();
      return accountEmptyAt === null || accountRetryAt === null || accountRetryAt <= clock.now();
    },

    /** A retry round ended with the account still empty: the next round waits its interval, whatever this one sent. */
    retried(): void {
      if (isEmpty()) repo.saveState({ accountRetryAt: new Date(clock.now().getTime() + retryMs) });
    },

    /**
     * What the vendor last refused for want of credits while the account is empty: only cheaper
     * requests are worth a retry. Null when unknown (an account emptied before this was kept).
     */
    refusedCredits: (): number | null => (isEmpty() ? repo.keyState(key).refusedCredits : null),

    /**
     * The vendor answered INSUFFICIENT_CREDITS to a request needing `refusedCredits`. Returns true
     * when the operator must be told: the first time since the account last took a request.
     */
    emptied(refusedCredits: number): boolean {
      return transaction(() => {
        const now = clock.now();
        const { accountEmptyNotified } = repo.state();
        repo.saveState({ accountEmptyAt: now, accountRetryAt: new Date(now.getTime() + retryMs), accountEmptyNotified: true });
        repo.saveKeyState(key, { refusedCredits });
        generations.setQueuedWaitReason('account_empty');
        return !accountEmptyNotified;
      });
    },

    /** A request joined the queue: while the account is empty, its member is told why it waits. */
    queued(): void {
      if (isEmpty()) generations.setQueuedWaitReason('account_empty');
    },

    /**
     * The vendor took a request costing `credits`: the account has credits again, and the next
     * empty account is news. A request cheaper than the one refused proves only that the account
     * has that much: the hold stays, and the refused request keeps its turn for when it lifts.
     */
    accepted(credits: number): void {
      const { accountEmptyAt, accountEmptyNotified } = repo.state();
      if (accountEmptyAt === null && !accountEmptyNotified) return;
      const refused = accountEmptyAt === null ? null : repo.keyState(key).refusedCredits;
      if (refused !== null && credits < refused) return;
      transaction(() => {
        lift();
        repo.saveState({ accountEmptyNotified: false });
      });
    },

    /** The operator says the account is topped up: the queue is tried at once. */
    lift,
  };
}
