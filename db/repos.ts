import { createApiBudgetRepo, type ApiBudgetRepo } from './apiBudgetRepo.js';
import { inSnapshot, inTransaction, type Db } from './client.js';
import { createGenerationRepo, type GenerationRepo } from './generationRepo.js';
import { createLedgerRepo, type LedgerRepo } from './ledgerRepo.js';
import { createOperatorRepo, type OperatorRepo } from './operatorRepo.js';
import { createQuotaSettingsRepo, type QuotaSettingsRepo } from './quotaSettingsRepo.js';
import { createServerKeysRepo, type ServerKeysRepo } from './serverKeysRepo.js';
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
  /** Servers' own vendor keys, sealed. */
  serverKeys: ServerKeysRepo;
  /** The operator's aggregates and the health check's write. */
  service: ServiceRepo;
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
    serverKeys: createServerKeysRepo(db),
    service: createServiceRepo(db),
    transaction: (work) => inTransaction(db, work),
    snapshot: (work) => inSnapshot(db, work),
  };
}
