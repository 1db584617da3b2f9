import { eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { apiKeyState, operatorState, serverAccess, serverCeilings } from './schema/index.js';

type StateRow = typeof operatorState.$inferSelect;
type StatePatch = Partial<Omit<StateRow, 'id'>>;
export type CeilingRow = typeof serverCeilings.$inferSelect;
type KeyStateRow = typeof apiKeyState.$inferSelect;
export type KeyState = Omit<KeyStateRow, 'keyFingerprint'>;
const blankKey: KeyState = {
  unknownStreak: 0,
  unknownPausedAt: null,
  refusedCredits: null,
  accountEmptyAt: null,
  accountRetryAt: null,
  accountEmptyNotified: false,
  rateLimitedUntil: null,
};

const STATE_ID = 1;
const blank: StateRow = {
  id: STATE_ID,
  globalBudgetSet: false,
  globalBudget: null,
  globalPeriod: null,
  paused: false,
  updatedBy: null,
  updatedAt: null,
};

export type OperatorRepo = ReturnType<typeof createOperatorRepo>;

/** What the operator set over the settings: ceilings, access, the global budget and pauses. */
export function createOperatorRepo(db: Db) {
  return {
    state(): Omit<StateRow, 'id'> {
      const { id: _id, ...state } = db.select().from(operatorState).where(eq(operatorState.id, STATE_ID)).get() ?? blank;
      return state;
    },
    saveState(patch: StatePatch): void {
      db.insert(operatorState).values({ ...blank, ...patch }).onConflictDoUpdate({ target: operatorState.id, set: patch }).run();
    },
    /** What one API key has been through, by its fingerprint. */
    keyState(keyFingerprint: string): KeyState {
      const row = db.select().from(apiKeyState).where(eq(apiKeyState.keyFingerprint, keyFingerprint)).get();
      if (!row) return blankKey;
      const { keyFingerprint: _key, ...state } = row;
      return state;
    },
    saveKeyState(keyFingerprint: string, patch: Partial<KeyState>): void {
      db.insert(apiKeyState)
        .values({ ...blankKey, ...patch, keyFingerprint })
        .onConflictDoUpdate({ target: apiKeyState.keyFingerprint, set: patch })
        .run();
    },
    ceiling(guildId: string): CeilingRow | undefined {
      return db.select().from(serverCeilings).where(eq(serverCeilings.guildId, guildId)).get();
    },
    saveCeiling(row: CeilingRow): void {
      const { guildId: _guildId, ...values } = row;
      db.insert(serverCeilings).values(row).onConflictDoUpdate({ target: serverCeilings.guildId, set: values }).run();
    },
    access(guildId: string): boolean | undefined {
      return db.select({ allowed: serverAccess.allowed }).from(serverAccess).where(eq(serverAccess.guildId, guildId)).get()?.allowed;
    },
    saveAccess(guildId: string, allowed: boolean, updatedBy: string, updatedAt: Date): void {
      db.insert(serverAccess)
        .values({ guildId, allowed, updatedBy, updatedAt })
        .onConflictDoUpdate({ target: serverAccess.guildId, set: { allowed, updatedBy, updatedAt } })
        .run();
    },
  };
}
