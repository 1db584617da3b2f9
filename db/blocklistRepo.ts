import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { blocklistEntries, blocklistSettings } from './schema/index.js';

export type BlocklistRepo = ReturnType<typeof createBlocklistRepo>;

/** Each server's blocked entries and whether the built-in list is on. */
export function createBlocklistRepo(db: Db) {
  return {
    entries(guildId: string): string[] {
      return db
        .select({ entry: blocklistEntries.entry })
        .from(blocklistEntries)
        .where(eq(blocklistEntries.guildId, guildId))
        .orderBy(asc(blocklistEntries.entry))
        .all()
        .map((row) => row.entry);
    },

    count(guildId: string): number {
      return db.select({ n: sql<number>`count(*)` }).from(blocklistEntries).where(eq(blocklistEntries.guildId, guildId)).get()?.n ?? 0;
    },

    /** Adds the entries not there yet; returns those added. */
    add(guildId: string, entries: readonly string[], addedBy: string, at: Date): string[] {
      return entries.filter(
        (entry) => db.insert(blocklistEntries).values({ guildId, entry, addedBy, addedAt: at }).onConflictDoNothing().run().changes > 0,
      );
    },

    /** Removes the entries that are there; returns how many went. */
    remove(guildId: string, entries: readonly string[]): number {
      if (entries.length === 0) return 0;
      return db.delete(blocklistEntries).where(and(eq(blocklistEntries.guildId, guildId), inArray(blocklistEntries.entry, [...entries]))).run().changes;
    },

    builtin(guildId: string): boolean {
      return db.select({ builtin: blocklistSettings.builtin }).from(blocklistSettings).where(eq(blocklistSettings.guildId, guildId)).get()?.builtin ?? false;
    },

    setBuiltin(guildId: string, builtin: boolean, updatedBy: string, at: Date): void {
      db.insert(blocklistSettings)
        .values({ guildId, builtin, updatedBy, updatedAt: at })
        .onConflictDoUpdate({ target: blocklistSettings.guildId, set: { builtin, updatedBy, updatedAt: at } })
        .run();
    },
  };
}
