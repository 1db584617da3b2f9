import { sql } from 'drizzle-orm';
import type { GenerationState } from '../src/domain/generation.js';
import type { Db } from './client.js';
import { generations, healthProbe } from './schema/index.js';

/** The ledger's all-time totals, the way an operator reads them. */
export interface CreditTotals {
  /** What the API charged for settled generations. */
  charged: number;
  /** Given back for failed shots. */
  refunded: number;
  /** Reservations neither settled nor released yet. */
  held: number;
}

export type ServiceRepo = ReturnType<typeof createServiceRepo>;

/** Aggregates for the operator's metrics and the health check's write; nothing here is per member. */
export function createServiceRepo(db: Db) {
  const ledgerTotals = db.$client.prepare(`select kind, sum(credits) as total, count(*) as count from credit_ledger group by kind`);
  // As in the usage report: newest first, stopping at the known number of open holds.
  const openHolds = db.$client.prepare(
    `select coalesce(sum(credits), 0) as held from (
       select r.credits from credit_ledger r
       where r.kind = 'reserve'
         and not exists (select 1 from credit_ledger c where c.generation_id = r.generation_id and c.kind in ('settle', 'release'))
       order by r.generation_id desc limit :openCount)`,
  );

  return {
    generationsByState(): Partial<Record<GenerationState, number>> {
      const rows = db.select({ state: generations.state, count: sql<number>`count(*)` }).from(generations).groupBy(generations.state).all();
      return Object.fromEntries(rows.map((row) => [row.state, row.count]));
    },

    creditTotals(): CreditTotals {
      const totals = new Map((ledgerTotals.all() as { kind: string; total: number; count: number }[]).map((row) => [row.kind, row]));
      const sum = (kind: string) => totals.get(kind)?.total ?? 0;
      const count = (kind: string) => totals.get(kind)?.count ?? 0;
      const openCount = count('reserve') - count('settle') - count('release');
      const held = openCount === 0 ? 0 : (openHolds.get({ openCount }) as { held: number }).held;
      return { charged: sum('reserve') + sum('settle') + sum('release') - held, refunded: 0 - sum('refund'), held };
    },

    /** A real, committed write of one row: fails when the database is closed, read-only or full. */
    probeWrite(at: Date): void {
      db.insert(healthProbe).values({ id: 1, checkedAt: at }).onConflictDoUpdate({ target: healthProbe.id, set: { checkedAt: at } }).run();
    },
  };
}
