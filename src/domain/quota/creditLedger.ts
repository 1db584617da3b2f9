import { assertCredits } from './adminInput.js';
import { createQuotaContext, type QuotaDeps } from './quotaContext.js';
import { refusalFor, standingOf } from './standing.js';
import type { LedgerEntry, MemberRef } from './types.js';

/**
 * The credit moves the generation lifecycle makes. All are synchronous so they join the caller's
 * SQLite transaction together with the generation row they belong to.
 */
export interface CreditLedger {
  /** Throws a UserFacingError (quota_disabled | quota_paused | quota_budget_spent | quota_member_cap …) if the cost does not fit. */
  reserve(member: MemberRef, generationId: number, credits: number): void;
  /** The API accepted: closes the reservation at `creditsUsed`. Settling twice changes nothing. */
  settle(generationId: number, creditsUsed: number): void;
  /** Gives back up to what is still settled and unrefunded for the generation; returns what it gave back. */
  refund(generationId: number, credits: number, reason: string): number;
  /** Closes an open reservation uncharged; returns false (and changes nothing) if none is open. */
  release(generationId: number, reason: string): boolean;
  /**
   * After the release of a submit whose outcome is unknown: records what it may have cost, for the
   * operator's ceilings and global budget (never the member's usage; the server's only when it paid
   * with its own key). Once per generation; returns the credits recorded, 0 if none.
   */
  unknown(generationId: number, reason: string): number;
  /**
   * After refunding `credits` of a settled generation no configured key can poll any more: records
   * that the vendor charged them all the same, for the operator's ceilings and global budget (never
   * the member's or the server's usage). Once per generation; returns the credits recorded, 0 if none.
   */
  unpolled(generationId: number, credits: number, reason: string): number;
}

export function createCreditLedger(deps: QuotaDeps): CreditLedger {
  const context = createQuotaContext(deps);
  const { ledgerRepo: repo, transaction, clock } = context;

  /** The reservation of a generation, to copy its member and period onto the rows that follow it. */
  function followUp(reservation: Pick<LedgerEntry, 'guildId' | 'userId' | 'generationId' | 'periodKey' | 'countsAt' | 'payer'>) {
    const { guildId, userId, generationId, periodKey, countsAt, payer } = reservation;
    return { guildId, userId, generationId, periodKey, countsAt, payer, createdAt: clock.now() };
  }

  return {
    reserve(member, generationId, credits) {
      assertCredits(credits, 'a reservation', 1);
      transaction(() => {
        const now = clock.now();
        const s = standingOf(context, member, now);
        const refusal = refusalFor(context, s, credits);
        if (refusal) throw refusal;
        repo.append({
          guildId: member.guildId,
          userId: member.userId,
          generationId,
          kind: 'reserve',
          credits,
          periodKey: s.window.key,
          countsAt: now,
          reason: null,
          actorId: member.userId,
          createdAt: now,
          payer: s.payer,
        });
      });
    },

    settle(generationId, creditsUsed) {
      assertCredits(creditsUsed, 'creditsUsed', 0);
      transaction(() => {
        const { reservation, closedBy } = repo.generationCredits(generationId);
        if (!reservation) throw new Error(`generation ${generationId} has no reservation to settle`);
        if (closedBy === 'settle') return;
        if (closedBy === 'release') throw new Error(`generation ${generationId} was released; it cannot be settled`);
        const difference = creditsUsed - reservation.credits;
        repo.append({
          ...followUp(reservation),
          kind: 'settle',
          credits: difference,
          reason: difference === 0 ? null : `the API charged ${creditsUsed} credits; our price was ${reservation.credits}`,
          actorId: null,
        });
      });
    },

    refund(generationId, credits, reason) {
      assertCredits(credits, 'a refund', 1);
      return transaction(() => {
        const { reservation, closedBy, charged, refunded } = repo.generationCredits(generationId);
        if (!reservation || closedBy !== 'settle') return 0;
        const amount = Math.min(credits, charged - refunded);
        if (amount <= 0) return 0;
        repo.append({ ...followUp(reservation), kind: 'refund', credits: -amount, reason, actorId: null });
        return amount;
      });
    },

    release(generationId, reason) {
      return transaction(() => {
        const { reservation, closedBy } = repo.generationCredits(generationId);
        if (!reservation || closedBy) return false;
        repo.append({ ...followUp(reservation), kind: 'release', credits: -reservation.credits, reason, actorId: null });
        return true;
      });
    },

    unknown(generationId, reason) {
      return transaction(() => {
        const { reservation, closedBy, unknown } = repo.generationCredits(generationId);
        if (!reservation || closedBy !== 'release' || unknown) return 0;
        repo.append({ ...followUp(reservation), kind: 'unknown', credits: reservation.credits, reason, actorId: null });
        return reservation.credits;
      });
    },

    unpolled(generationId, credits, reason) {
      assertCredits(credits, 'unpolled credits', 1);
      return transaction(() => {
        const { reservation, closedBy, unpolled } = repo.generationCredits(generationId);
        if (!reservation || closedBy !== 'settle' || unpolled) return 0;
        repo.append({ ...followUp(reservation), kind: 'unpolled', credits, reason, actorId: null });
        return credits;
      });
    },
  };
}
