import { inTransaction, type Db } from '../../../db/client.js';
import { createRepos } from '../../../db/repos.js';
import { generations } from '../../../db/schema/index.js';
import type { Clock } from '../../../src/clock.js';
import { UserFacingError } from '../../../src/domain/errors.js';
import { refusalText } from '../../../src/discord/render/refusal.js';
import { translator } from '../../../src/discord/words/catalogue.js';
import { createOperatorRules, noOperatorLimits, type OperatorDefaults } from '../../../src/domain/operator/operatorRules.js';
import type { LedgerEntry } from '../../../src/domain/quota/types.js';
import { createCreditLedger, type CreditLedger } from '../../../src/domain/quota/creditLedger.js';
import { createQuotaAdmin, type QuotaAdmin } from '../../../src/domain/quota/quotaAdmin.js';
import { createQuotaChecks, type QuotaChecks } from '../../../src/domain/quota/quotaChecks.js';
import type { QuotaDeps } from '../../../src/domain/quota/quotaContext.js';
import type { MemberRef, QuotaDefaults } from '../../../src/domain/quota/types.js';

/** The three quota services over one database, as the bot builds them. */
export interface Quota {
  ledger: CreditLedger;
  checks: QuotaChecks;
  admin: QuotaAdmin;
}

/** The quota services over `db`, its repos built as the bot builds them. */
export function quotaOn({ db, clock, defaults, operator = noOperatorLimits }: { db: Db; clock: Clock; defaults: QuotaDefaults; operator?: OperatorDefaults }): Quota {
  const repos = createRepos(db);
  const rules = createOperatorRules(repos.operator, operator);
  return quotaOver({ settingsRepo: repos.quotaSettings, ledgerRepo: repos.ledger, transaction: repos.transaction, snapshot: repos.snapshot, clock, defaults, rules });
}

export const quotaOver = (deps: QuotaDeps): Quota => ({ ledger: createCreditLedger(deps), checks: createQuotaChecks(deps), admin: createQuotaAdmin(deps) });

/** A generation row for the ledger to point at (the ledger's generation_id is a foreign key). */
export function insertGeneration(db: Db, member: MemberRef, credits: number, now: Date): number {
  return db
    .insert(generations)
    .values({
      guildId: member.guildId,
      channelId: '300000000000000001',
      userId: member.userId,
      prompt: 'a fox in the snow',
      mode: 'text',
      aspectRatio: '16:9',
      resolution: '720p',
      imageUrls: [],
      credits,
      state: 'submitting',
      createdAt: now,
    })
    .returning({ id: generations.id })
    .get().id;
}

/** As the generation lifecycle does it: the generation row and its reservation in one transaction. */
export function submit(db: Db, { ledger }: Pick<Quota, 'ledger'>, clock: Clock, member: MemberRef, credits: number): number {
  return inTransaction(db, () => {
    const id = insertGeneration(db, member, credits, clock.now());
    ledger.reserve(member, id, credits);
    return id;
  });
}

/** The raw ledger, read without our repo. */
export function ledgerRows(db: Db): LedgerEntry[] {
  return db.$client
    .prepare(
      `select id, guild_id as guildId, user_id as userId, generation_id as generationId, kind, credits,
              period_key as periodKey, counts_at as countsAt, reason, actor_id as actorId, created_at as createdAt
       from credit_ledger order by id`,
    )
    .all()
    .map((row) => {
      const r = row as Omit<LedgerEntry, 'countsAt' | 'createdAt'> & { countsAt: number; createdAt: number };
      return { ...r, countsAt: new Date(r.countsAt), createdAt: new Date(r.createdAt) };
    });
}

/** Plain SUM(credits) over a time range, straight from SQL. */
export function sqlUsed(db: Db, guildId: string, start: Date, end: Date, userId?: string): number {
  const userClause = userId === undefined ? '' : 'and user_id = @userId';
  return db.$client
    .prepare(
      `select coalesce(sum(credits), 0) from credit_ledger
       where guild_id = @guildId and counts_at >= @start and counts_at < @end ${userClause}`,
    )
    .pluck()
    .get({ guildId, start: start.getTime(), end: end.getTime(), ...(userId === undefined ? {} : { userId }) }) as number;
}

export const day = 86_400_000;
export const hour = 3_600_000;

/** Seconds since the epoch, as Discord timestamp markup wants them. */
export const unix = (at: Date | number) => Math.floor((typeof at === 'number' ? at : at.getTime()) / 1000);

/** The refusal, with what the member reads in English. */
export function refusalOf(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (error) {
    if (error instanceof UserFacingError) return { code: error.code, message: refusalText(error, translator('en')) };
    throw error;
  }
  throw new Error('expected a refusal');
}
