import type { GenerationRepo } from '../../../db/generationRepo.js';
import type { OperatorRepo } from '../../../db/operatorRepo.js';
import type { Transaction } from '../../../db/repos.js';
import type { Clock } from '../ports.js';

export interface EmptyAccountDeps {
  repo: OperatorRepo;
  generations: GenerationRepo;
  transaction: Transaction;
  clock: Clock;
  /** How often one queued request is tried while the account is empty. */
  retryMs: number;
}

export type EmptyAccount = ReturnType<typeof createEmptyAccount>;

/**
 * The vendor account that pays for every video ran out of credits: nothing is submitted, for any
 * server, until the operator resumes or a periodic retry goes through, and every waiting member
 * is shown why. Kept in SQLite, so a restart neither floods the vendor nor tells the operator twice.
 */
export function createEmptyAccount({ repo, generations, transaction, clock, retryMs }: EmptyAccountDeps) {
  const isEmpty = () => repo.state().accountEmptyAt !== null;

  /** Lifts the hold; the waiting members' replies lose their note. Returns whether it was held. */
  const lift = (): boolean =>
    transaction(() => {
      const held = isEmpty();
      repo.saveState({ accountEmptyAt: null, accountRetryAt: null });
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

    /**
     * The vendor answered INSUFFICIENT_CREDITS. Returns true when the operator must be told: the
     * first time since the account last took a request.
     */
    emptied(): boolean {
      return transaction(() => {
        const now = clock.now();
        const { accountEmptyNotified } = repo.state();
        repo.saveState({ accountEmptyAt: now, accountRetryAt: new Date(now.getTime() + retryMs), accountEmptyNotified: true });
        generations.setQueuedWaitReason('account_empty');
        return !accountEmptyNotified;
      });
    },

    /** A request joined the queue: while the account is empty, its member is told why it waits. */
    queued(): void {
      if (isEmpty()) generations.setQueuedWaitReason('account_empty');
    },

    /** The vendor took a request: the account has credits again, and the next empty account is news. */
    accepted(): void {
      const { accountEmptyAt, accountEmptyNotified } = repo.state();
      if (accountEmptyAt === null && !accountEmptyNotified) return;
      transaction(() => {
        lift();
        repo.saveState({ accountEmptyNotified: false });
      });
    },

    /** The operator says the account is topped up: the queue is tried at once. */
    lift,
  };
}
