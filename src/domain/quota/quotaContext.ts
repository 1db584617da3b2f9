import type { LedgerRepo } from '../../../db/ledgerRepo.js';
import type { QuotaSettingsRepo } from '../../../db/quotaSettingsRepo.js';
import type { Transaction } from '../../../db/repos.js';
import type { Clock } from '../ports.js';
import type { CreditLimit, OperatorRules } from '../operator/operatorRules.js';
import { periodWindow } from './periods.js';
import type { LimitStanding, Payer, QuotaDefaults, QuotaSettings } from './types.js';

/** What the ledger, the checks and the admin are built from. */
export interface QuotaDeps {
  settingsRepo: QuotaSettingsRepo;
  ledgerRepo: LedgerRepo;
  /** Credits change only inside it. */
  transaction: Transaction;
  /** Reads that must agree with each other. */
  snapshot: Transaction;
  clock: Clock;
  defaults: QuotaDefaults;
  /** The operator's ceilings, global budget, pause and server access, above every server's own. */
  rules: OperatorRules;
  /** Whose vendor account pays for this server's videos now; the operator's when left out. */
  payerOf?: (guildId: string) => Payer;
}

/** What the ledger, the checks and the admin share. */
export interface QuotaContext extends QuotaDeps {
  /** The server's settings, or the operator's defaults while its admins changed nothing. */
  settingsOf(guildId: string): QuotaSettings;
  /** Where the vendor's charges stand under an operator's limit, in the limit's own period; null = unlimited. */
  limitStanding(limit: CreditLimit, now: Date, guildId?: string): LimitStanding | null;
  payerOf(guildId: string): Payer;
}

export function createQuotaContext(deps: QuotaDeps): QuotaContext {
  const { settingsRepo, ledgerRepo, defaults } = deps;
  const settingsOf = (guildId: string): QuotaSettings =>
    settingsRepo.settings(guildId) ?? {
      guildId,
      budget: defaults.budget,
      period: defaults.period,
      defaultMemberCap: defaults.memberCap,
      confirmThreshold: defaults.confirmThreshold,
      paused: false,
      updatedBy: null,
      updatedAt: null,
    };
  const limitStanding = (limit: CreditLimit, now: Date, guildId?: string): LimitStanding | null => {
    if (limit.amount === null) return null;
    const window = periodWindow(now, limit.period);
    const used = ledgerRepo.charged(window, guildId);
    return { amount: limit.amount, period: limit.period, used, remaining: Math.max(0, limit.amount - used), resetsAt: window.end };
  };
  return { ...deps, settingsOf, limitStanding, payerOf: deps.payerOf ?? (() => 'operator') };
}
