import type { OperatorRepo } from '../../../db/operatorRepo.js';
import type { Period } from '../quota/periods.js';

/** Credits per period; `amount` null = unlimited. */
export interface CreditLimit {
  amount: number | null;
  period: Period;
}

/** What the operator set in the settings, before any /veo-operator change. */
export interface OperatorDefaults {
  ceiling: CreditLimit;
  globalBudget: CreditLimit;
  access: 'open' | 'allowlist';
  allowedGuildIds: readonly string[];
}

/** The operator's settings the domain reads: the defaults, and how the key's holds behave. */
export interface OperatorPolicy extends OperatorDefaults {
  /** While the vendor account is empty, the queue is tried this often: requests cheaper than the refused one first, else the head once. */
  emptyAccountRetryMs: number;
  /** Submits of unknown outcome in a row, with none accepted between, that pause submissions on the key. */
  unknownOutcomePause: number;
}

/** The operator's rules over every server, read inside the quota's own transactions. */
export interface OperatorRules {
  /** The most this server's admins may set, and what it may spend per the ceiling's period. */
  ceilingOf(guildId: string): CreditLimit;
  /** Whether the operator set this server's ceiling (else the default applies). */
  hasOwnCeiling(guildId: string): boolean;
  globalBudget(): CreditLimit;
  globallyPaused(): boolean;
  /** Whether the server may use the bot at all. */
  allows(guildId: string): boolean;
}

export function createOperatorRules(repo: OperatorRepo, defaults: OperatorDefaults): OperatorRules {
  const allowedBySettings = new Set(defaults.allowedGuildIds);
  return {
    ceilingOf(guildId) {
      const own = repo.ceiling(guildId);
      return own ? { amount: own.ceiling, period: own.period } : defaults.ceiling;
    },
    hasOwnCeiling: (guildId) => repo.ceiling(guildId) !== undefined,
    globalBudget() {
      const state = repo.state();
      return state.globalBudgetSet ? { amount: state.globalBudget, period: state.globalPeriod ?? defaults.globalBudget.period } : defaults.globalBudget;
    },
    globallyPaused: () => repo.state().paused,
    allows(guildId) {
      const own = repo.access(guildId);
      if (own !== undefined) return own;
      return defaults.access === 'open' || allowedBySettings.has(guildId);
    },
  };
}

/** An operator who limits nothing: every server open, no ceiling, no global budget. */
export const noOperatorLimits: OperatorDefaults = {
  ceiling: { amount: null, period: 'month' },
  globalBudget: { amount: null, period: 'month' },
  access: 'open',
  allowedGuildIds: [],
};
