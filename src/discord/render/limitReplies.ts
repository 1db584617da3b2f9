import type { CreditLimit } from '../../domain/operator/operatorRules.js';
import type { Period, QuotaSettings } from '../../domain/quota/types.js';
import type { Translate } from '../words/catalogue.js';

/** What `/veo-admin budget` did, with this period's use so far. */
export interface BudgetChange {
  settings: Pick<QuotaSettings, 'budget' | 'paused'>;
  period: Period;
  used: number;
  resetsAt: Date;
  ceiling: CreditLimit;
}

/** The admin's answer to a new budget; a ceiling of another period, or a pause, is said too. */
export function budgetSetText({ settings, period, used, resetsAt, ceiling }: BudgetChange, say: Translate): string {
  const content =
    settings.budget === null
      ? ceiling.amount === null
        ? say('budget.unlimited', { period, used, resetsAt })
        : say('budget.unlimitedCapped', { ceiling: ceiling.amount, ceilingPeriod: ceiling.period, used, resetsAt })
      : settings.budget === 0
        ? say('budget.off')
        : say('budget.set', { budget: settings.budget, period, used, resetsAt });
  // Under a ceiling of another period the budget is kept, but the ceiling binds too.
  const otherPeriod = settings.budget !== 0 && settings.budget !== null && ceiling.amount !== null && ceiling.period !== period;
  const notes = [
    ...(otherPeriod && ceiling.amount !== null ? [say('budget.ceilingBinds', { ceiling: ceiling.amount, period: ceiling.period })] : []),
    ...(settings.paused ? [say('budget.stillPaused')] : []),
  ];
  return [content, ...notes].join(' ');
}

/** The server's default member cap, set (or removed with no amount). */
export const defaultMemberCapText = (cap: number | null, period: Period, say: Translate): string =>
  cap === null ? say('memberCap.defaultRemoved') : say('memberCap.defaultSet', { cap, period });

/** One member's cap, set, blocked (0) or removed (no amount). */
export const memberCapText = (userId: string, cap: number | null, period: Period, say: Translate): string =>
  cap === null ? say('memberCap.removed', { userId }) : cap === 0 ? say('memberCap.blocked', { userId }) : say('memberCap.set', { userId, cap, period });

/** A role's allowance, set or removed (0). */
export const roleAllowanceText = (roleId: string, allowance: number, period: Period, say: Translate): string =>
  allowance === 0 ? say('roleAllowance.removed', { roleId }) : say('roleAllowance.set', { roleId, allowance, period });

/** From what cost members are asked to confirm; 0 asks for every request. */
export const confirmThresholdText = (threshold: number, say: Translate): string =>
  threshold === 0 ? say('confirmThreshold.always') : say('confirmThreshold.set', { threshold });

/** What `/veo-admin resume` did: a budget of 0 still keeps generation off. */
export const resumedText = (budget: number | null, say: Translate): string => say(budget === 0 ? 'resume.budgetZero' : 'resume.done');
