import { sql } from 'drizzle-orm';
import type { GenerationState } from '../src/domain/generation.js';
import type { Db } from './client.js';
import { ledgerTotalsQuery } from './ledgerTotals.js';
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
  const allTime = ledgerTotalsQuery<Record<string, never>>(db, '1 = 1', 'r.generation_id');

  return {
    generationsByState(): Partial<Record<GenerationState, number>> {
      const rows = db.select({ state: generations.state, count: sql<number>`count(*)` }).from(generations).groupBy(generations.state).all();
      return Object.fromEntries(rows.map((row) => [row.state, row.count]));
    },

    creditTotals(): CreditTotals {
      const { settled, refunded, open } = allTime({});
      return { charged: settled, refunded, held: open };
    },

    /** A real, committed write of one row: fails when the database is closed, read-only or full. */
    probeWrite(at: Date): void {
      db.insert(healthProbe).values({ id: 1, checkedAt: at }).onConflictDoUpdate({ target: healthProbe.id, set: { checkedAt: at } }).run();
    },
  };
}
