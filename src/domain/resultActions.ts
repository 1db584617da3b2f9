import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Transaction } from '../../db/repos.js';
import type { Clock } from './ports.js';
import { refuse } from './errors.js';
import type { Generation } from './generation.js';

/** Who pressed a result's button, and where. */
export interface Presser {
  guildId: string;
  userId: string;
  /** Manage Messages in the channel of the result. */
  canManageMessages: boolean;
}

export type ResultActions = ReturnType<typeof createResultActions>;

/**
 * What a result's buttons may do to a generation, found by its id alone (so they work on old
 * messages and after a restart); each refusal says why, and nothing is charged by any of them.
 */
export function createResultActions({ repo, transaction, clock }: { repo: GenerationRepo; transaction: Transaction; clock: Clock }) {
  /** The generation behind a button pressed in this server, still shown. */
  function find(id: number, guildId: string): Generation {
    const generation = Number.isSafeInteger(id) && id > 0 ? repo.get(id) : undefined;
    if (!generation) return refuse('result_unknown', { id });
    if (generation.guildId !== guildId) return refuse('result_other_server', { id });
    if (generation.removedAt) return refuse('result_removed', { id });
    return generation;
  }

  /**
   * Marks the result removed, for its member or a moderator: it stays in `/veo status`, its
   * credits stay as they are, and whatever revision it had is treated as shown, for good.
   */
  function remove(id: number, presser: Presser): Generation {
    return transaction(() => {
      const generation = find(id, presser.guildId);
      if (generation.userId !== presser.userId && !presser.canManageMessages) refuse('result_remove_not_allowed', { id });
      repo.remove(id, generation.revision, clock.now());
      return repo.get(id)!;
    });
  }

  return { find, remove };
}

/** The generation id a button or form carries in its custom id; anything else names no generation. */
export const generationIdOf = (rest: string): number => (/^\d{1,15}$/.test(rest) ? Number(rest) : 0);
