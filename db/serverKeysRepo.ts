import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from './client.js';
import { generations, keyEncryptionCheck, serverApiKeys } from './schema/index.js';

/** Sealed bytes as stored: base64 IV, ciphertext and tag. */
export interface SealedKey {
  iv: string;
  ciphertext: string;
  tag: string;
}

export interface StoredServerKey {
  id: number;
  guildId: string;
  fingerprint: string;
  sealed: SealedKey;
  setBy: string;
  setAt: Date;
  removedAt: Date | null;
  refusedAt: Date | null;
  emptyAt: Date | null;
  emptyNotified: boolean;
}

export type ServerKeysRepo = ReturnType<typeof createServerKeysRepo>;

const toKey = (row: typeof serverApiKeys.$inferSelect): StoredServerKey => ({
  id: row.id,
  guildId: row.guildId,
  fingerprint: row.keyFingerprint,
  sealed: { iv: row.iv, ciphertext: row.ciphertext, tag: row.tag },
  setBy: row.setBy,
  setAt: row.setAt,
  removedAt: row.removedAt,
  refusedAt: row.refusedAt,
  emptyAt: row.emptyAt,
  emptyNotified: row.emptyNotified,
});

/** Servers' sealed keys, the secret's check value, and each server key's request window. */
export function createServerKeysRepo(db: Db) {
  return {
    all(): StoredServerKey[] {
      return db.select().from(serverApiKeys).orderBy(asc(serverApiKeys.id)).all().map(toKey);
    },
    inUse(guildId: string): StoredServerKey | undefined {
      const row = db.select().from(serverApiKeys).where(and(eq(serverApiKeys.guildId, guildId), isNull(serverApiKeys.removedAt))).get();
      return row && toKey(row);
    },
    /** Servers among these that have a key in use. */
    guildsWithKeys(guildIds: readonly string[]): Set<string> {
      if (guildIds.length === 0) return new Set();
      const rows = db
        .select({ guildId: serverApiKeys.guildId })
        .from(serverApiKeys)
        .where(and(isNull(serverApiKeys.removedAt), inArray(serverApiKeys.guildId, [...guildIds])))
        .all();
      return new Set(rows.map((row) => row.guildId));
    },
    /** Whether the server has a video not yet finished: a removed key may still be needed to poll it. */
    hasUnfinished(guildId: string): boolean {
      return (
        db
          .select({ id: generations.id })
          .from(generations)
          .where(and(eq(generations.guildId, guildId), inArray(generations.state, ['queued', 'submitting', 'running'])))
          .limit(1)
          .get() !== undefined
      );
    },
    insert(key: { guildId: string; fingerprint: string; sealed: SealedKey; setBy: string; setAt: Date }): void {
      db.insert(serverApiKeys)
        .values({ guildId: key.guildId, keyFingerprint: key.fingerprint, ...key.sealed, setBy: key.setBy, setAt: key.setAt })
        .run();
    },
    markRemoved(guildId: string, at: Date): boolean {
      return db.update(serverApiKeys).set({ removedAt: at }).where(and(eq(serverApiKeys.guildId, guildId), isNull(serverApiKeys.removedAt))).run().changes > 0;
    },
    delete(id: number): void {
      db.delete(serverApiKeys).where(eq(serverApiKeys.id, id)).run();
    },
    reseal(id: number, sealed: SealedKey): void {
      db.update(serverApiKeys).set(sealed).where(eq(serverApiKeys.id, id)).run();
    },
    update(id: number, change: Partial<Pick<StoredServerKey, 'refusedAt' | 'emptyAt' | 'emptyNotified'>>): void {
      db.update(serverApiKeys).set(change).where(eq(serverApiKeys.id, id)).run();
    },
    check(): SealedKey | undefined {
      const row = db.select().from(keyEncryptionCheck).where(eq(keyEncryptionCheck.id, 1)).get();
      return row && { iv: row.iv, ciphertext: row.ciphertext, tag: row.tag };
    },
    saveCheck(sealed: SealedKey): void {
      db.insert(keyEncryptionCheck).values({ id: 1, ...sealed }).onConflictDoUpdate({ target: keyEncryptionCheck.id, set: sealed }).run();
    },
  };
}
