import type { GenerationRepo } from '../../../db/generationRepo.js';
import type { MemberRepo } from '../../../db/memberRepo.js';
import type { Transaction } from '../../../db/repos.js';
import { refuse } from '../errors.js';
import type { Generation } from '../generation.js';
import type { Clock } from '../ports.js';
import type { Approvals } from '../moderation/approvals.js';
import type { CreditLedger } from '../quota/creditLedger.js';

/** Who pressed Cancel, where, and whether they may take back others' requests. */
export interface Withdrawer {
  guildId: string;
  userId: string;
  /** Manage Messages in the channel, checked when pressed. */
  canManageMessages: boolean;
}

export type Withdrawals = ReturnType<typeof createWithdrawals>;

export interface WithdrawalsDeps {
  repo: MemberRepo;
  generations: Pick<GenerationRepo, 'get'>;
  ledger: Pick<CreditLedger, 'release'>;
  /** A request waiting for a moderator is released through its approval, so the approval message shows it too. */
  approvals: Pick<Approvals, 'release'>;
  transaction: Transaction;
  clock: Clock;
}

/**
 * Cancel on a waiting request: by its member or a moderator, only while it waits (in the queue or
 * for a moderator). The state change and the release of its credits are one transaction, and the
 * change applies only to a request still waiting, so one the submitter already took is never
 * cancelled and nothing is sent for a cancelled one.
 */
export function createWithdrawals({ repo, generations, ledger, approvals, transaction, clock }: WithdrawalsDeps) {
  return {
    async withdraw(id: number, by: Withdrawer): Promise<Generation> {
      const found = transaction(() => {
        const generation = Number.isSafeInteger(id) && id > 0 ? generations.get(id) : undefined;
        if (!generation) return refuse('result_unknown', { id });
        if (generation.guildId !== by.guildId) return refuse('result_other_server', { id });
        if (generation.userId !== by.userId && !by.canManageMessages) return refuse('withdraw_not_allowed', { id });
        if (generation.errorCode === 'CANCELLED') return refuse('withdraw_already', { id, by: generation.cancelledBy });
        if (generation.state === 'awaiting_approval') return generation;
        if (!repo.cancelQueued(id, by.userId, clock.now())) return refuse('withdraw_too_late', { id, sent: generation.submittedAt !== null || generation.state !== 'failed' });
        ledger.release(id, by.userId === generation.userId ? 'cancelled by its member' : `cancelled by ${by.userId}`);
        return generations.get(id)!;
      });
      if (found.state !== 'awaiting_approval') return found;
      // A moderator may have decided meanwhile: then it is no longer waiting, and the press is told so.
      if (!(await approvals.release(id, 'cancelled', by.userId))) {
        const now = generations.get(id)!;
        if (now.errorCode === 'CANCELLED') return refuse('withdraw_already', { id, by: now.cancelledBy });
        return refuse('withdraw_too_late', { id, sent: now.submittedAt !== null || now.state !== 'failed' });
      }
      return generations.get(id)!;
    },
  };
}
