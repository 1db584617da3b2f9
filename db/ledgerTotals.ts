import type { UsageKind } from '../src/domain/quota/types.js';
import type { Db } from './client.js';

/** A stretch of the ledger's rows, summed as a whole. */
export interface LedgerTotals {
  byKind: Record<UsageKind, number>;
  counts: Record<UsageKind, number>;
  /** What settled generations cost: reserve + settle rows of the generations settled. */
  settled: number;
  /** Given back for failed shots, as a positive number. */
  refunded: number;
  /** Reservations neither settled nor released. */
  open: number;
}

/**
 * `kind in (…)` lets SQLite walk an index that has kind after the equality columns once per kind,
 * already grouped. Every kind a server's usage sums: unknown outcomes are the operator's, not the server's.
 */
export const everyKind = `kind in ('reserve', 'settle', 'refund', 'release', 'adjust')`;

/**
 * Sums the ledger rows matching `where` without reading anything per generation into memory. A
 * release gives back exactly its reservation, so reserve + settle + release is what settled
 * generations cost plus the holds still open; only the open holds are looked up one by one, from
 * the newest (`newestFirst`, an order an index serves), stopping once all the counts say exist.
 */
export function ledgerTotalsQuery<P extends Record<string, unknown>>(db: Db, where: string, newestFirst: string) {
  const byKindQuery = db.$client.prepare(`select kind, sum(credits) as total, count(*) as count from credit_ledger where ${where} group by kind`);
  const openQuery = db.$client.prepare(
    `select coalesce(sum(credits), 0) as open from (
       select r.credits from credit_ledger r
       where r.kind = 'reserve' and ${where}
         and not exists (select 1 from credit_ledger c where c.generation_id = r.generation_id and c.kind in ('settle', 'release'))
       order by ${newestFirst} desc limit :openCount)`,
  );

  return (params: P): LedgerTotals => {
    const byKind: Record<UsageKind, number> = { reserve: 0, settle: 0, refund: 0, release: 0, adjust: 0 };
    const counts: Record<UsageKind, number> = { ...byKind };
    for (const row of byKindQuery.all(params) as { kind: UsageKind; total: number; count: number }[]) {
      byKind[row.kind] = row.total;
      counts[row.kind] = row.count;
    }
    const openCount = counts.reserve - counts.settle - counts.release;
    const open = openCount === 0 ? 0 : (openQuery.get({ ...params, openCount }) as { open: number }).open;
    // `0 - x`, not `-x`: nothing refunded is 0, not -0.
    return { byKind, counts, settled: byKind.reserve + byKind.settle + byKind.release - open, refunded: 0 - byKind.refund, open };
  };
}
