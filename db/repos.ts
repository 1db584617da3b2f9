import { createApiBudgetRepo, type ApiBudgetRepo } from './apiBudgetRepo.js';
import { inSnapshot, inTransaction, type Db } from './client.js';
import { createGenerationRepo, type GenerationRepo } from './generationRepo.js';
import { createLedgerRepo, type LedgerRepo } from './ledgerRepo.js';
import { createModerationRepo, type ModerationRepo } from './moderationRepo.js';
import { createOperatorRepo, type OperatorRepo } from './operatorRepo.js';
import { createQuotaSettingsRepo, type QuotaSettingsRepo } from './quotaSettingsRepo.js';
import { createServiceRepo, type ServiceRepo } from './serviceRepo.js';

/** Runs `work` synchronously in one SQLite transaction and returns its result. */
export type Transaction = <T>(work: () => T) => T;

/** Every repository over one database, and its transactions: built once, then handed to the domain. */
export interface Repos {
  generations: GenerationRepo;
  /** What each server's admins set. */
  quotaSettings: QuotaSettingsRepo;
  /** The credit ledger. */
  ledger: LedgerRepo;
  apiBudget: ApiBudgetRepo;
  operator: OperatorRepo;
  /** The operator's aggregates and the health check's write. */
  service: ServiceRepo;
  /** Approval, the moderators' log, and their settings. */
  moderation: ModerationRepo;
  /** A write transaction (see inTransaction): credits change only inside one. */
  transaction: Transaction;
  /** A read-only snapshot (see inSnapshot). */
  snapshot: Transaction;
}

export function createRepos(db: Db): Repos {
  return {
    generations: createGenerationRepo(db),
    quotaSettings: createQuotaSettingsRepo(db),
    ledger: createLedgerRepo(db),
    apiBudget: createApiBudgetRepo(db),
    operator: createOperatorRepo(db),
    service: createServiceRepo(db),
    moderation: createModerationRepo(db),
    transaction: (work) => inTransaction(db, work),
    snapshot: (work) => inSnapshot(db, work),
  };
}
