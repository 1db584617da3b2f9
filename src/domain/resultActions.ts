import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Transaction } from '../../db/repos.js';
import type { Clock } from './ports.js';
import { refuse } from './errors.js';
import type { Generation } from './generation.js';

/** The message a result's button was pressed on (or the Remix form was opened from), as Discord says. */
export interface PressedMessage {
  id: string;
  channelId: string;
  /** Posted by this bot. */
  byBot: boolean;
}

/** Where a result's button was pressed: the server, and the message it sits on (none when Discord gave none). */
export interface Press {
  guildId: string;
  message: PressedMessage | null;
}

/** Who pressed a result's button, and where. */
export interface Presser extends Press {
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
  /**
   * The generation behind a button pressed in this server, on one of its own messages, still shown.
   * Its messages are on record since they were; results shown before that are accepted on any
   * message of the bot's in the generation's channel.
   */
  function find(id: number, { guildId, message }: Press): Generation {
    const generation = Number.isSafeInteger(id) && id > 0 ? repo.get(id) : undefined;
    if (!generation) return refuse('result_unknown', { id });
    if (generation.guildId !== guildId) return refuse('result_other_server', { id });
    if (!isItsMessage(generation, message)) return refuse('result_other_message', { id });
    if (generation.removedAt) return refuse('result_removed', { id });
    return generation;
  }

  const isItsMessage = (generation: Generation, message: PressedMessage | null): boolean =>
    message !== null &&
    (repo.isMessageOf(generation.id, message.id) || (!repo.hasMessages(generation.id) && message.byBot && message.channelId === generation.channelId));

  /**
   * Marks the result removed, for its member or a moderator: it stays in `/veo status`, its
   * credits stay as they are, and whatever revision it had is treated as shown, for good.
   */
  function remove(id: number, presser: Presser): Generation {
    return transaction(() => {
      const generation = find(id, presser);
      if (generation.userId !== presser.userId && !presser.canManageMessages) refuse('result_remove_not_allowed', { id });
      repo.remove(id, generation.revision, clock.now());
      return repo.get(id)!;
    });
  }

  return { find, remove };
}

/** The generation id a button or form carries in its custom id; anything else names no generation. */
export const generationIdOf = (rest: string): number => (/^\d{1,15}$/.test(rest) ? Number(rest) : 0);
