import { eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { dailyRuns } from './schema/index.js';

export type DailyRunRepo = ReturnType<typeof createDailyRunRepo>;

/** When each once-a-day job last ran. */
export function createDailyRunRepo(db: Db) {
  return {
    lastRun(name: string): Date | undefined {
      return db.select({ at: dailyRuns.lastRunAt }).from(dailyRuns).where(eq(dailyRuns.name, name)).get()?.at;
    },

    recordRun(name: string, at: Date): void {
      db.insert(dailyRuns).values({ name, lastRunAt: at }).onConflictDoUpdate({ target: dailyRuns.name, set: { lastRunAt: at } }).run();
    },
  };
}
