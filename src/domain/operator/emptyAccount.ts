import type { OperatorRepo } from '../../../db/operatorRepo.js';
import type { Transaction } from '../../../db/repos.js';
import type { Clock } from '../ports.js';

export interface EmptyAccountDeps {
  repo: OperatorRepo;
  transaction: Transaction;
  clock: Clock;
  /** How often a request is tried on the key while its account is empty. */
  retryMs: number;
  /** The fingerprint of the API key whose account this is. */
  key: string;
}

export type EmptyAccount = ReturnType<typeof createEmptyAccount>;

/**
 * The vendor account behind one API key ran out of credits: nothing is submitted on that key
 * until the operator resumes or a periodic retry goes through; the pool's other keys go on. A
 * retry tries requests cheaper than the one refused first. Kept in SQLite per key fingerprint, so
 * a restart neither floods the vendor nor tells the operator twice. What members are shown is the
 * pool's to decide (see keyPool.ts): they wait for credits only when every key's account is empty.
 */
export function createEmptyAccount({ repo, transaction, clock, retryMs, key }: EmptyAccountDeps) {
  const state = () => repo.keyState(key);
  const isEmpty = () => state().accountEmptyAt !== null;

  /** Lifts the hold on this key. Returns whether it was held. */
  const lift = (): boolean =>
    transaction(() => {
      const held = isEmpty();
      repo.saveKeyState(key, { accountEmptyAt: null, accountRetryAt: null, refusedCredits: null });
      return held;
    });

  return {
    key,
    isEmpty,

    /** Whether a held key may try one request now. */
    retryDue(): boolean {
      const { accountEmptyAt, accountRetryAt } = state();
      return accountEmptyAt === null || accountRetryAt === null || accountRetryAt <= clock.now();
    },

    /** A retry round ended with the account still empty: the next round waits its interval, whatever this one sent. */
    retried(): void {
      if (isEmpty()) repo.saveKeyState(key, { accountRetryAt: new Date(clock.now().getTime() + retryMs) });
    },

    /**
     * What the vendor last refused for want of credits while the account is empty: only cheaper
     * requests are worth a retry. Null when unknown (an account emptied before this was kept).
     */
    refusedCredits: (): number | null => (isEmpty() ? state().refusedCredits : null),

    /**
     * The vendor answered INSUFFICIENT_CREDITS to a request needing `refusedCredits`. Returns true
     * when the operator must be told: the first time since the account last took a request.
     */
    emptied(refusedCredits: number): boolean {
      return transaction(() => {
        const now = clock.now();
        const { accountEmptyNotified } = state();
        repo.saveKeyState(key, { accountEmptyAt: now, accountRetryAt: new Date(now.getTime() + retryMs), accountEmptyNotified: true, refusedCredits });
        return !accountEmptyNotified;
      });
    },

    /**
     * The vendor took a request costing `credits` on this key: its account has credits again, and
     * the next empty account is news. A request cheaper than the one refused proves only that the
     * account has that much: the hold stays, and the refused request keeps its turn for when it lifts.
     */
    accepted(credits: number): void {
      const { accountEmptyAt, accountEmptyNotified, refusedCredits } = state();
      if (accountEmptyAt === null && !accountEmptyNotified) return;
      const refused = accountEmptyAt === null ? null : refusedCredits;
      if (refused !== null && credits < refused) return;
      transaction(() => {
        lift();
        repo.saveKeyState(key, { accountEmptyNotified: false });
      });
    },

    /** The operator says the account is topped up: the key is tried at once. */
    lift,
  };
}
