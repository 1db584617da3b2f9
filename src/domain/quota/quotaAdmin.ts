import { adjustmentReason, budgetPeriod, creditAmount } from './adminInput.js';
import { refuse } from '../errors.js';
import { binding, smallest } from './limits.js';
import { periodWindow, type Period } from './periods.js';
import { createQuotaContext, type QuotaDeps } from './quotaContext.js';
import type { CreditLimit } from '../operator/operatorRules.js';
import type { LedgerEntry, LimitStanding, MemberOverride, QuotaSettings, RoleAllowance, UsageReport } from './types.js';

export interface QuotaConfig extends QuotaSettings {
  roleAllowances: RoleAllowance[];
  memberOverrides: MemberOverride[];
  /** The operator's ceiling: the most the admins may set; amount null = none. */
  ceiling: CreditLimit;
  /** The operator's budget for all servers, only when it is what binds this server; else null. */
  global: LimitStanding | null;
  /** The operator stopped new videos everywhere. */
  operatorPaused: boolean;
}

export interface Adjustment {
  entry: LedgerEntry;
  memberUsed: number;
  serverUsed: number;
}

/** Admin operations. Each records who made it; amounts are validated and refused in plain words. */
export interface QuotaAdmin {
  /**
   * null = unlimited (up to the ceiling); 0 = generation off. Above the ceiling in the ceiling's
   * own period it is refused; in another period it is kept, and the ceiling still binds.
   */
  setBudget(guildId: string, amount: number | null, period: Period, adminId: string): QuotaSettings;
  /** null = no default cap. */
  setDefaultMemberCap(guildId: string, amount: number | null, adminId: string): QuotaSettings;
  /** null removes the member's override; 0 blocks the member. */
  setMemberCap(guildId: string, userId: string, amount: number | null, adminId: string): void;
  /** 0 removes the role's allowance. */
  setRoleAllowance(guildId: string, roleId: string, amount: number, adminId: string): void;
  /** Positive `credits` gives back (lowers the member's usage this period); negative takes. */
  adjust(guildId: string, userId: string, credits: number, reason: string, adminId: string): Adjustment;
  pause(guildId: string, adminId: string): QuotaSettings;
  resume(guildId: string, adminId: string): QuotaSettings;
  /** Requests costing at least this ask the member to confirm; 0 asks for every request. */
  setConfirmThreshold(guildId: string, amount: number, adminId: string): QuotaSettings;
  settings(guildId: string): QuotaConfig;
  ceiling(guildId: string): CreditLimit;
  usage(guildId: string, topMembers?: number): UsageReport;
}

export function createQuotaAdmin(deps: QuotaDeps): QuotaAdmin {
  const { settingsRepo, ledgerRepo, transaction, snapshot, clock, settingsOf, rules, limitStanding, payerOf } = createQuotaContext(deps);
  function change(guildId: string, adminId: string, patch: Partial<Omit<QuotaSettings, 'guildId'>>): QuotaSettings {
    return transaction(() => {
      const next = { ...settingsOf(guildId), ...patch, updatedBy: adminId, updatedAt: clock.now() };
      settingsRepo.saveSettings(next);
      return next;
    });
  }

  return {
    setBudget(guildId, amount, period, adminId) {
      const budget = amount === null ? null : creditAmount(amount, 'budget');
      const chosen = budgetPeriod(period);
      return transaction(() => {
        const ceiling = rules.ceilingOf(guildId);
        // The operator's ceiling guards the operator's account; a server paying with its own key sets any budget.
        const operatorPays = payerOf(guildId) === 'operator';
        if (operatorPays && budget !== null && ceiling.amount !== null && ceiling.period === chosen && budget > ceiling.amount) {
          refuse('budget_over_ceiling', { ceiling: ceiling.amount, period: ceiling.period });
        }
        return change(guildId, adminId, { budget, period: chosen });
      });
    },

    setDefaultMemberCap(guildId, amount, adminId) {
      const defaultMemberCap = amount === null ? null : creditAmount(amount, 'member_cap');
      return change(guildId, adminId, { defaultMemberCap });
    },

    setMemberCap(guildId, userId, amount, adminId) {
      if (amount === null) return settingsRepo.removeOverride(guildId, userId);
      const cap = creditAmount(amount, 'member_cap');
      settingsRepo.setOverride(guildId, { userId, cap, updatedBy: adminId, updatedAt: clock.now() });
    },

    setRoleAllowance(guildId, roleId, amount, adminId) {
      const allowance = creditAmount(amount, 'role_allowance');
      if (allowance === 0) return settingsRepo.removeRoleAllowance(guildId, roleId);
      settingsRepo.setRoleAllowance(guildId, { roleId, allowance, updatedBy: adminId, updatedAt: clock.now() });
    },

    adjust(guildId, userId, credits, reason, adminId) {
      const amount = creditAmount(Math.abs(credits), 'adjustment', 1);
      const why = adjustmentReason(reason);
      return transaction(() => {
        const now = clock.now();
        const window = periodWindow(now, settingsOf(guildId).period);
        const memberUsed = ledgerRepo.used(guildId, window, userId);
        // Giving back more than was used would turn into extra allowance; raise the cap for that.
        if (credits > 0 && credits > memberUsed) refuse('give_back_over_used', { userId, used: memberUsed, period: window.period });
        const entry = ledgerRepo.append({
          guildId,
          userId,
          generationId: null,
          kind: 'adjust',
          credits: credits > 0 ? -amount : amount,
          periodKey: window.key,
          countsAt: now,
          reason: why,
          actorId: adminId,
          createdAt: now,
        });
        return { entry, memberUsed: ledgerRepo.used(guildId, window, userId), serverUsed: ledgerRepo.used(guildId, window) };
      });
    },

    pause: (guildId, adminId) => change(guildId, adminId, { paused: true }),
    resume: (guildId, adminId) => change(guildId, adminId, { paused: false }),

    setConfirmThreshold(guildId, amount, adminId) {
      return change(guildId, adminId, { confirmThreshold: creditAmount(amount, 'confirm_threshold') });
    },

    settings(guildId) {
      return snapshot((): QuotaConfig => {
        const settings = settingsOf(guildId);
        const now = clock.now();
        const ceiling = rules.ceilingOf(guildId);
        const budgetLeft = settings.budget === null ? null : settings.budget - ledgerRepo.used(guildId, periodWindow(now, settings.period));
        const ceilingLeft = limitStanding(ceiling, now, guildId)?.remaining ?? null;
        return {
          ...settings,
          roleAllowances: settingsRepo.roleAllowances(guildId),
          memberOverrides: settingsRepo.overrides(guildId),
          ceiling,
          global: binding(limitStanding(rules.globalBudget(), now), smallest([budgetLeft, ceilingLeft])),
          operatorPaused: rules.globallyPaused(),
        };
      });
    },

    ceiling: (guildId) => rules.ceilingOf(guildId),

    usage(guildId, topMembers = 10) {
      return snapshot((): UsageReport => {
        const settings = settingsOf(guildId);
        const window = periodWindow(clock.now(), settings.period);
        const ledger = ledgerRepo.periodLedger(guildId, window);
        return {
          guildId,
          period: settings.period,
          periodKey: window.key,
          periodStart: window.start,
          resetsAt: window.end,
          budget: settings.budget,
          // Usage is the plain sum of the period's rows, which the totals by kind already add up to.
          used: Object.values(ledger.byKind).reduce((sum, credits) => sum + credits, 0),
          ...ledger,
          topMembers: ledgerRepo.topMembers(guildId, window, topMembers),
        };
      });
    },
  };
}
