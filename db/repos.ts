import { createApiBudgetRepo, type ApiBudgetRepo } from './apiBudgetRepo.js';
import { createBlocklistRepo, type BlocklistRepo } from './blocklistRepo.js';
import { inSnapshot, inTransaction, type Db } from './client.js';
import { createDailyRunRepo, type DailyRunRepo } from './dailyRunRepo.js';
import { createGenerationRepo, type GenerationRepo } from './generationRepo.js';
import { createLedgerRepo, type LedgerRepo } from './ledgerRepo.js';
import { createMemberRepo, type MemberRepo } from './memberRepo.js';
import { createModerationRepo, type ModerationRepo } from './moderationRepo.js';
import { createOperatorRepo, type OperatorRepo } from './operatorRepo.js';
import { createQueueTurnsRepo, type QueueTurnsRepo } from './queueTurnsRepo.js';
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
  /** The member rules: active requests, double presses, cooldowns, and what the admins set for them. */
  members: MemberRepo;
  apiBudget: ApiBudgetRepo;
  /** Whose turn it is on each lane of the submission queue. */
  queueTurns: QueueTurnsRepo;
  operator: OperatorRepo;
  /** Servers' own vendor keys, sealed. */
  serverKeys: ServerKeysRepo;
  /** The operator's aggregates and the health check's write. */
  service: ServiceRepo;
  /** Each server's blocked words. */
  blocklists: BlocklistRepo;
  /** When the once-a-day jobs last ran. */
  dailyRuns: DailyRunRepo;
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
    members: createMemberRepo(db),
    apiBudget: createApiBudgetRepo(db),
    queueTurns: createQueueTurnsRepo(db),
    operator: createOperatorRepo(db),
    serverKeys: createServerKeysRepo(db),
    service: createServiceRepo(db),
    blocklists: createBlocklistRepo(db),
    dailyRuns: createDailyRunRepo(db),
    moderation: createModerationRepo(db),
    transaction: (work) => inTransaction(db, work),
    snapshot: (work) => inSnapshot(db, work),
  };
}
