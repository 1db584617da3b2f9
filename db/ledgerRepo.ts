import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { LedgerEntry, LedgerKind, NewLedgerEntry, UsageBreakdown, UsageKind } from '../src/domain/quota/types.js';
import type { Db } from './client.js';
import { everyKind, ledgerTotalsQuery } from './ledgerTotals.js';
import { creditLedger } from './schema/index.js';

/** A stretch of time in which ledger rows count: `start` inclusive, `end` exclusive. */
export interface TimeRange {
  start: Date;
  end: Date;
}

/** Where one generation's credits stand. */
export interface GenerationCredits {
  reservation: LedgerEntry | undefined;
  closedBy: 'settle' | 'release' | undefined;
  /** Whether the release was followed by an unknown outcome's row. */
  unknown: boolean;
  /** Whether the operator's books already keep what was refunded when no key could poll it. */
  unpolled: boolean;
  /** reserve + settle: what the API charged once settled, the hold while open, 0 once released. */
  charged: number;
  /** Refunded so far, as a positive number. */
  refunded: number;
}

export interface PeriodLedger {
  byKind: Record<UsageKind, number>;
  breakdown: UsageBreakdown;
  generations: number;
  refunds: number;
  releases: number;
}

/** One server's share of what the vendor charged in a range, for the operator's usage report. */
export interface ServerCharges {
  guildId: string;
  /** Reserve + settle + refund + release + unknown: what the vendor kept, open reservations and unknown outcomes included. */
  charged: number;
  refunded: number;
  generations: number;
  releases: number;
  /** Submits whose outcome is unknown, and the most they may have cost (part of `charged`). */
  unknowns: number;
  unknownCredits: number;
}

export type LedgerRepo = ReturnType<typeof createLedgerRepo>;

/** What the vendor charged, or may have: every kind of row but an admin's adjustment. */
const chargedKinds: LedgerKind[] = ['reserve', 'settle', 'refund', 'release', 'unknown', 'unpolled'];

/** The rows a server's and a member's own usage sum: one index range per kind, never unknown outcomes. */
const ownUsage = sql.raw(everyKind);

const total = sql<number>`coalesce(sum(${creditLedger.credits}), 0)`;

/** The credit ledger: rows appended, never edited, and the sums read from them. */
export function createLedgerRepo(db: Db) {
  const periodTotals = ledgerTotalsQuery<{ guildId: string; start: number; end: number }>(
    db,
    `guild_id = :guildId and ${everyKind} and counts_at >= :start and counts_at < :end`,
    'counts_at',
  );
  // Each member of the server is found by one seek in credit_ledger_member_idx and summed over the
  // period there, one range per kind of their usage: no sort of the period's rows. Members without
  // such rows in the period sum to null, which sorts last and is dropped.
  const topSpenders = db.$client.prepare(
    `with recursive members(user_id) as (
       select min(user_id) from credit_ledger where guild_id = :guildId
       union all
       select (select min(user_id) from credit_ledger where guild_id = :guildId and user_id > members.user_id)
       from members where members.user_id is not null)
     select user_id as userId, (select sum(credits) from credit_ledger c
       where c.guild_id = :guildId and c.user_id = members.user_id and c.counts_at >= :start and c.counts_at < :end
         and c.${everyKind}) as used
     from members where user_id is not null
     order by used desc, user_id limit :limit`,
  );
  const periodParams = (guildId: string, range: TimeRange) => ({ guildId, start: range.start.getTime(), end: range.end.getTime() });

  const inRange = (guildId: string, range: TimeRange) =>
    and(eq(creditLedger.guildId, guildId), gte(creditLedger.countsAt, range.start), lt(creditLedger.countsAt, range.end));

  return {
    append(entry: NewLedgerEntry): LedgerEntry {
      return db.insert(creditLedger).values(entry).returning().get();
    },

    generationCredits(generationId: number): GenerationCredits {
      const rows = db.select().from(creditLedger).where(eq(creditLedger.generationId, generationId)).all();
      const reservation = rows.find((row) => row.kind === 'reserve');
      const closing = rows.find((row) => row.kind === 'settle' || row.kind === 'release');
      const sumOf = (kinds: LedgerKind[]) =>
        rows.filter((row) => kinds.includes(row.kind)).reduce((sum, row) => sum + row.credits, 0);
      return {
        reservation,
        closedBy: closing?.kind === 'settle' || closing?.kind === 'release' ? closing.kind : undefined,
        unknown: rows.some((row) => row.kind === 'unknown'),
        unpolled: rows.some((row) => row.kind === 'unpolled'),
        charged: sumOf(['reserve', 'settle', 'release']),
        refunded: -sumOf(['refund']),
      };
    },

    /** Usage of a server (or of one member in it): the sum of the rows counting in the range, unknown outcomes apart. */
    used(guildId: string, range: TimeRange, userId?: string): number {
      const row = db
        .select({ total })
        .from(creditLedger)
        .where(and(inRange(guildId, range), ownUsage, userId === undefined ? undefined : eq(creditLedger.userId, userId)))
        .get();
      return row?.total ?? 0;
    },

    /**
     * What a server's own key was charged, or may have been, beyond its usage rows in the range:
     * submits of unknown outcome, and videos no key could poll any more (refunded to the member,
     * spent all the same). The server's budget counts it.
     */
    ownKeyUnknowns(guildId: string, range: TimeRange): number {
      const row = db
        .select({ total })
        .from(creditLedger)
        .where(and(inRange(guildId, range), inArray(creditLedger.kind, ['unknown', 'unpolled']), eq(creditLedger.payer, 'server')))
        .get();
      return row?.total ?? 0;
    },

    /**
     * What the operator's account was charged, or may have been, in the range (every row but admin adjustments,
     * never a server's own key), for one server or, without `guildId`, for all of them together: ceilings and the
     * global budget count this.
     */
    charged(range: TimeRange, guildId?: string): number {
      const row = db
        .select({ total })
        .from(creditLedger)
        .where(
          and(
            guildId === undefined ? undefined : eq(creditLedger.guildId, guildId),
            gte(creditLedger.countsAt, range.start),
            lt(creditLedger.countsAt, range.end),
            // One index range per kind (the kind index has it after the server), never adjustments.
            inArray(creditLedger.kind, chargedKinds),
            eq(creditLedger.payer, 'operator'),
          ),
        )
        .get();
      return row?.total ?? 0;
    },

    /** Every server's charges to the operator's account in the range, largest first (a server's own key's are its own). */
    chargesByServer(range: TimeRange): ServerCharges[] {
      const when = (kind: LedgerKind) => sql`case when ${creditLedger.kind} = ${kind} then 1 else 0 end`;
      const charged = sql<number>`coalesce(sum(case when ${creditLedger.kind} <> 'adjust' then ${creditLedger.credits} end), 0)`;
      return db
        .select({
          guildId: creditLedger.guildId,
          charged,
          refunded: sql<number>`coalesce(-sum(case when ${creditLedger.kind} = 'refund' then ${creditLedger.credits} end), 0)`,
          generations: sql<number>`sum(${when('reserve')})`,
          releases: sql<number>`sum(${when('release')})`,
          unknowns: sql<number>`sum(${when('unknown')})`,
          unknownCredits: sql<number>`coalesce(sum(case when ${creditLedger.kind} = 'unknown' then ${creditLedger.credits} end), 0)`,
        })
        .from(creditLedger)
        .where(and(gte(creditLedger.countsAt, range.start), lt(creditLedger.countsAt, range.end), eq(creditLedger.payer, 'operator')))
        .groupBy(creditLedger.guildId)
        .orderBy(desc(charged), creditLedger.guildId)
        .all();
    },

    /**
     * The period's totals by kind and how they add up, from SQL aggregates over credit_ledger_kind_idx,
     * independently of the plain sum used for budget checks, so tests can hold one against the other.
     */
    periodLedger(guildId: string, range: TimeRange): PeriodLedger {
      const { byKind, counts, settled, refunded, open } = periodTotals(periodParams(guildId, range));
      const breakdown: UsageBreakdown = { settled, refunded, open, adjusted: byKind.adjust };
      return { byKind, breakdown, generations: counts.reserve, refunds: counts.refund, releases: counts.release };
    },

    topMembers(guildId: string, range: TimeRange, limit: number): { userId: string; used: number }[] {
      const rows = topSpenders.all({ ...periodParams(guildId, range), limit }) as { userId: string; used: number | null }[];
      return rows.filter((row): row is { userId: string; used: number } => row.used !== null);
    },
  };
}
