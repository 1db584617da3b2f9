import type { QuotaRepo } from '../../../db/quotaRepo.js';
import type { Transaction } from '../../../db/repos.js';
import type { Clock } from '../../clock.js';
import type { QuotaDefaults, QuotaSettings } from './types.js';

export interface QuotaDeps {
  repo: QuotaRepo;
  /** Credits change only inside it. */
  transaction: Transaction;
  /** Reads that must agree with each other. */
  snapshot: Transaction;
  clock: Clock;
  defaults: QuotaDefaults;
}

/** What the quota service and its admin half share. */
export interface QuotaContext extends QuotaDeps {
  /** The server's settings, or the operator's defaults while its admins changed nothing. */
  settingsOf(guildId: string): QuotaSettings;
}

export function createQuotaContext(deps: QuotaDeps): QuotaContext {
  const { repo, defaults } = deps;
  const settingsOf = (guildId: string): QuotaSettings =>
    repo.settings(guildId) ?? {
      guildId,
      budget: defaults.budget,
      period: defaults.period,
      defaultMemberCap: defaults.memberCap,
      confirmThreshold: defaults.confirmThreshold,
      paused: false,
      updatedBy: null,
      updatedAt: null,
    };
  return { ...deps, settingsOf };
}
