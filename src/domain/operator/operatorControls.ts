import type { OperatorRepo } from '../../../db/operatorRepo.js';
import type { GenerationRepo } from '../../../db/generationRepo.js';
import type { LedgerRepo, ServerCharges } from '../../../db/ledgerRepo.js';
import type { Transaction } from '../../../db/repos.js';
import type { Clock } from '../ports.js';
import { budgetPeriod, creditAmount } from '../quota/adminInput.js';
import { periodWindow, type Period } from '../quota/periods.js';
import type { QuotaSettings } from '../quota/types.js';
import type { KeyPool } from '../keyPool.js';
import type { CreditLimit, OperatorRules } from './operatorRules.js';

export interface OperatorControlsDeps {
  repo: OperatorRepo;
  ledgerRepo: LedgerRepo;
  generations: GenerationRepo;
  rules: OperatorRules;
  /** The operator's API keys, each with its own empty-account hold and pause after unknown outcomes. */
  pool: Pick<KeyPool, 'keys' | 'waitingForCredits' | 'syncWaitReason' | 'overview'>;
  /** A server's own settings, or the defaults. */
  settingsOf(guildId: string): QuotaSettings;
  transaction: Transaction;
  snapshot: Transaction;
  clock: Clock;
}

/** One server as the operator sees it. */
export interface ServerOverview {
  guildId: string;
  budget: number | null;
  period: Period;
  ceiling: CreditLimit;
  /** Used this period of the server's own budget. */
  used: number;
  paused: boolean;
  allowed: boolean;
  lastActivity: Date | null;
}

export interface OperatorUsage {
  period: Period;
  periodKey: string;
  resetsAt: Date;
  globalBudget: number | null;
  /** What the vendor charged for all servers together this period. */
  total: number;
  refunded: number;
  generations: number;
  releases: number;
  /** Submits whose outcome is unknown, and the most they may have cost (part of `total`). */
  unknowns: number;
  unknownCredits: number;
  servers: ServerCharges[];
}

export interface ResumeResult {
  /** Whether the operator's own pause was lifted. */
  wasPaused: boolean;
  /** Whether some key's empty-account hold was lifted. */
  wasEmpty: boolean;
  /** Whether some key's pause after unknown outcomes was lifted. */
  wasUnknownPaused: boolean;
}

export type OperatorControls = ReturnType<typeof createOperatorControls>;

/** What /veo-operator changes and reports; every amount validated as an admin's is. */
export function createOperatorControls({ repo, ledgerRepo, generations, rules, pool, settingsOf, transaction, snapshot, clock }: OperatorControlsDeps) {
  const limitOf = (field: 'ceiling' | 'global_budget', amount: number | null, period: string): CreditLimit => ({
    amount: amount === null ? null : creditAmount(amount, field),
    period: budgetPeriod(period),
  });

  return {
    rules,

    setCeiling(guildId: string, amount: number | null, period: string | null, operatorId: string): CreditLimit {
      const limit = limitOf('ceiling', amount, period ?? rules.ceilingOf(guildId).period);
      transaction(() => repo.saveCeiling({ guildId, ceiling: limit.amount, period: limit.period, updatedBy: operatorId, updatedAt: clock.now() }));
      return limit;
    },

    setGlobalBudget(amount: number | null, period: string | null, operatorId: string): CreditLimit {
      const limit = limitOf('global_budget', amount, period ?? rules.globalBudget().period);
      transaction(() =>
        repo.saveState({ globalBudgetSet: true, globalBudget: limit.amount, globalPeriod: limit.period, updatedBy: operatorId, updatedAt: clock.now() }),
      );
      return limit;
    },

    /** Returns whether anything changed. */
    setAccess(guildId: string, allowed: boolean, operatorId: string): boolean {
      return transaction(() => {
        const before = rules.allows(guildId);
        repo.saveAccess(guildId, allowed, operatorId, clock.now());
        return before !== allowed;
      });
    },

    /** Returns whether it was running. */
    pause(operatorId: string): boolean {
      return transaction(() => {
        const wasPaused = rules.globallyPaused();
        repo.saveState({ paused: true, updatedBy: operatorId, updatedAt: clock.now() });
        return !wasPaused;
      });
    },

    /** Lifts the operator's pause, and every key's empty-account hold and pause after unknown outcomes; never a server's own pause. */
    resume(operatorId: string): ResumeResult {
      return transaction(() => {
        const wasPaused = rules.globallyPaused();
        repo.saveState({ paused: false, updatedBy: operatorId, updatedAt: clock.now() });
        const wasEmpty = pool.keys.map((key) => key.account.lift()).some(Boolean);
        const wasUnknownPaused = pool.keys.map((key) => key.unknowns.lift()).some(Boolean);
        pool.syncWaitReason();
        return { wasPaused, wasEmpty, wasUnknownPaused };
      });
    },

    /** Whether every key is held and members wait for credits. */
    accountEmpty: () => pool.waitingForCredits(),
    /** Whether submissions on every key are paused after unknown outcomes. */
    unknownPaused: () => pool.keys.every((key) => key.unknowns.isPaused()),
    /** Each of the operator's keys: requests left this hour, empty or not, paused or backing off. */
    keys: () => snapshot(() => pool.overview()),

    servers(guildIds: readonly string[]): ServerOverview[] {
      return snapshot(() => {
        const now = clock.now();
        const activity = generations.lastActivity(guildIds);
        return guildIds.map((guildId) => {
          const settings = settingsOf(guildId);
          return {
            guildId,
            budget: settings.budget,
            period: settings.period,
            ceiling: rules.ceilingOf(guildId),
            used: ledgerRepo.used(guildId, periodWindow(now, settings.period)),
            paused: settings.paused,
            allowed: rules.allows(guildId),
            lastActivity: activity.get(guildId) ?? null,
          };
        });
      });
    },

    usage(): OperatorUsage {
      return snapshot(() => {
        const budget = rules.globalBudget();
        const window = periodWindow(clock.now(), budget.period);
        const servers = ledgerRepo.chargesByServer(window);
        const sum = (pick: (s: ServerCharges) => number) => servers.reduce((total, s) => total + pick(s), 0);
        return {
          period: budget.period,
          periodKey: window.key,
          resetsAt: window.end,
          globalBudget: budget.amount,
          total: ledgerRepo.charged(window),
          refunded: sum((s) => s.refunded),
          generations: sum((s) => s.generations),
          releases: sum((s) => s.releases),
          unknowns: sum((s) => s.unknowns),
          unknownCredits: sum((s) => s.unknownCredits),
          servers,
        };
      });
    },
  };
}
