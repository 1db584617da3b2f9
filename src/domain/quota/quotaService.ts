import type { CreditLedger } from '../creditLedger.js';
import type { UserFacingError } from '../errors.js';
import { assertCredits } from './adminInput.js';
import { resolveMemberCap } from './memberCap.js';
import { periodWindow, type PeriodWindow } from './periods.js';
import { createQuotaAdmin, type QuotaAdmin } from './quotaAdmin.js';
import { createQuotaContext, type QuotaDeps } from './quotaContext.js';
import { binding, smallest } from './limits.js';
import { refusals } from './refusals.js';
import type { CheckResult, CreditsSummary, LimitStanding, MemberCap, MemberRef, QuotaSettings } from './types.js';

export type {
  CapSource,
  CheckResult,
  CreditsSummary,
  LedgerEntry,
  LedgerKind,
  MemberCap,
  MemberOverride,
  MemberRef,
  LimitStanding,
  Period,
  QuotaDefaults,
  QuotaSettings,
  RoleAllowance,
  UsageBreakdown,
  UsageReport,
} from './types.js';
export type { Adjustment, QuotaAdmin, QuotaConfig } from './quotaAdmin.js';
export type { QuotaDeps } from './quotaContext.js';

export interface QuotaService extends CreditLedger, QuotaAdmin {
  /** Throws a UserFacingError (quota_disabled | quota_paused | quota_budget_spent | quota_member_cap) if the cost does not fit. */
  reserve(member: MemberRef, generationId: number, credits: number): void;
  /** The API accepted: closes the reservation at `creditsUsed`. Settling twice changes nothing. */
  settle(generationId: number, creditsUsed: number): void;
  /** Gives back up to what is still settled and unrefunded for the generation; returns what it gave back. */
  refund(generationId: number, credits: number, reason: string): number;
  /** Closes an open reservation uncharged; returns false (and changes nothing) if none is open. */
  release(generationId: number, reason: string): boolean;
  check(member: MemberRef, credits: number): CheckResult;
  summary(member: MemberRef): CreditsSummary;
  needsConfirmation(guildId: string, credits: number): boolean;
  /** The server's own settings, or the defaults while its admins changed nothing. */
  settingsOf(guildId: string): QuotaSettings;
}

/** Where a member stands in the current period of their server, and under the operator's limits. */
interface Standing {
  settings: QuotaSettings;
  window: PeriodWindow;
  serverUsed: number;
  memberUsed: number;
  cap: MemberCap;
  ceiling: LimitStanding | null;
  global: LimitStanding | null;
}

export function createQuotaService(deps: QuotaDeps): QuotaService {
  const context = createQuotaContext(deps);
  const { repo, transaction, snapshot, clock, settingsOf, rules, limitStanding } = context;

  function standing(member: MemberRef, now: Date): Standing {
    const settings = settingsOf(member.guildId);
    const window = periodWindow(now, settings.period);
    return {
      settings,
      window,
      ceiling: limitStanding(rules.ceilingOf(member.guildId), now, member.guildId),
      global: limitStanding(rules.globalBudget(), now),
      serverUsed: repo.used(member.guildId, window),
      memberUsed: repo.used(member.guildId, window, member.userId),
      cap: resolveMemberCap({
        override: repo.override(member.guildId, member.userId)?.cap,
        roleAllowances: repo.roleAllowances(member.guildId, member.roleIds),
        defaultCap: settings.defaultMemberCap,
      }),
    };
  }

  function refusalFor(s: Standing, cost: number): UserFacingError | undefined {
    const { budget, period, paused } = s.settings;
    const resetsAt = s.window.end;
    if (!rules.allows(s.settings.guildId)) return refusals.notEnabled();
    if (rules.globallyPaused()) return refusals.operatorPaused();
    if (budget === 0) return refusals.disabled();
    if (paused) return refusals.paused();
    const { ceiling, global } = s;
    if (ceiling && ceiling.used + cost > ceiling.amount) {
      return refusals.ceilingSpent({ ceiling: ceiling.amount, used: ceiling.used, cost, period: ceiling.period, resetsAt: ceiling.resetsAt });
    }
    if (global && global.used + cost > global.amount) {
      return refusals.globalSpent({ budget: global.amount, used: global.used, cost, period: global.period, resetsAt: global.resetsAt });
    }
    if (budget !== null && s.serverUsed + cost > budget) {
      return refusals.budgetSpent({ budget, used: s.serverUsed, cost, period, resetsAt });
    }
    const { cap } = s.cap;
    if (cap !== null && s.memberUsed + cost > cap) {
      return refusals.memberCap({ cap, used: s.memberUsed, cost, period, resetsAt });
    }
    return undefined;
  }

  /** The reservation of a generation, to copy its member and period onto the rows that follow it. */
  function followUp(reservation: { guildId: string; userId: string; generationId: number | null; periodKey: string; countsAt: Date }) {
    const { guildId, userId, generationId, periodKey, countsAt } = reservation;
    return { guildId, userId, generationId, periodKey, countsAt, createdAt: clock.now() };
  }

  const admin = createQuotaAdmin(context);

  return {
    ...admin,
    settingsOf,

    reserve(member, generationId, credits) {
      assertCredits(credits, 'a reservation', 1);
      transaction(() => {
        const now = clock.now();
        const s = standing(member, now);
        const refusal = refusalFor(s, credits);
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

    check(member, credits) {
      assertCredits(credits, 'a cost', 1);
      return snapshot((): CheckResult => {
        const s = standing(member, clock.now());
        const refusal = refusalFor(s, credits);
        if (refusal) return { ok: false, refusal };
        const { budget, confirmThreshold } = s.settings;
        const { cap } = s.cap;
        const left = [budget === null ? null : budget - s.serverUsed, cap === null ? null : cap - s.memberUsed, ...operatorRemainders(s)];
        const remaining = smallest(left);
        return { ok: true, remainingAfter: remaining === null ? null : remaining - credits, needsConfirmation: credits >= confirmThreshold };
      });
    },

    summary(member) {
      return snapshot((): CreditsSummary => {
        const s = standing(member, clock.now());
        const { budget, period, paused, confirmThreshold } = s.settings;
        const serverRemaining = budget === null ? null : Math.max(0, budget - s.serverUsed);
        const memberRemaining = s.cap.cap === null ? null : Math.max(0, s.cap.cap - s.memberUsed);
        const blocked = paused || budget === 0 || rules.globallyPaused() || !rules.allows(member.guildId);
        const serverLeft = smallest([serverRemaining, s.ceiling?.remaining ?? null]);
        return {
          guildId: member.guildId,
          userId: member.userId,
          period,
          periodKey: s.window.key,
          periodStart: s.window.start,
          resetsAt: s.window.end,
          paused,
          enabled: budget !== 0,
          confirmThreshold,
          server: { budget, used: s.serverUsed, remaining: serverRemaining },
          member: { ...s.cap, used: s.memberUsed, remaining: memberRemaining },
          ceiling: s.ceiling,
          global: binding(s.global, smallest([serverLeft, memberRemaining])),
          operatorPaused: rules.globallyPaused(),
          available: blocked ? 0 : smallest([serverLeft, memberRemaining, s.global?.remaining ?? null]),
        };
      });
    },

    needsConfirmation(guildId, credits) {
      return credits >= settingsOf(guildId).confirmThreshold;
    },
  };
}

const operatorRemainders = (s: Pick<Standing, 'ceiling' | 'global'>) => [s.ceiling?.remaining ?? null, s.global?.remaining ?? null];
