import { eq } from 'drizzle-orm';
import type { TurnState } from '../src/domain/turns/turnOrder.js';
import type { Db } from './client.js';
import { queueMemberTurns, queueTurns } from './schema/index.js';

export type QueueTurnsRepo = ReturnType<typeof createQueueTurnsRepo>;

/** The round robin's place on each lane, two primary-key lookups a tick. */
export function createQueueTurnsRepo(db: Db) {
  return {
    state(lane: string): TurnState {
      const row = db.select({ lastGuildId: queueTurns.lastGuildId }).from(queueTurns).where(eq(queueTurns.lane, lane)).get();
      const members = db
        .select({ guildId: queueMemberTurns.guildId, lastUserId: queueMemberTurns.lastUserId })
        .from(queueMemberTurns)
        .where(eq(queueMemberTurns.lane, lane))
        .all();
      return { lastGuildId: row?.lastGuildId ?? null, lastMemberOf: new Map(members.map((m) => [m.guildId, m.lastUserId])) };
    },

    /** A request of this member of this server went out on the lane: the next turn is the next server's. */
    served(lane: string, guildId: string, userId: string): void {
      db.insert(queueTurns).values({ lane, lastGuildId: guildId }).onConflictDoUpdate({ target: queueTurns.lane, set: { lastGuildId: guildId } }).run();
      db.insert(queueMemberTurns)
        .values({ lane, guildId, lastUserId: userId })
        .onConflictDoUpdate({ target: [queueMemberTurns.lane, queueMemberTurns.guildId], set: { lastUserId: userId } })
        .run();
    },
  };
}
