import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Transaction } from '../../db/repos.js';
import type { Clock } from './ports.js';
import { refuse } from './errors.js';
import { isFinished, type Generation } from './generation.js';
import { remixRequest, requestOf, type RemixInput } from './generationRequest.js';
import type { VideoRequest } from './videoRequest.js';

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

/** A result just removed, as told to whoever listens (the moderators' log): who and where, never what it showed. */
export interface RemovedResult {
  id: number;
  guildId: string;
  channelId: string;
  userId: string;
  /** Who removed it: its member or a moderator. */
  removedBy: string;
  removedAt: Date;
  replyMessageId: string | null;
  /** Its prompts and links are blanked already; otherwise they are once it finishes (see ResultErasure). */
  erased: boolean;
}

export type RemovalListener = (removed: RemovedResult) => void;

/**
 * What a result's buttons may do to a generation, found by its id alone (so they work on old
 * messages and after a restart); each refusal says why, and nothing is charged by any of them.
 */
export function createResultActions({ repo, transaction, clock }: { repo: GenerationRepo; transaction: Transaction; clock: Clock }) {
  const removalListeners = new Set<RemovalListener>();

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

  /** The generation behind Again, Remix or Details: still shown, and its prompts and links still kept. */
  function findKept(id: number, press: Press): Generation {
    const generation = find(id, press);
    if (generation.erasedBecause === 'expired') return refuse('result_too_old', { id });
    return generation;
  }

  /**
   * What Again asks for. Another member never reuses the author's uploaded images: they are
   * pointed to Remix, where they bring their own.
   */
  function againRequest(generation: Generation, userId: string): VideoRequest {
    if (generation.userId !== userId && generation.imageUrls.length > 0) refuse('again_images_not_yours', { id: generation.id });
    return requestOf(generation);
  }

  /** What a Remix form asks for: only its author may keep the original images; another member brings their own, or none for a text video. */
  function remixOf(generation: Generation, input: RemixInput, userId: string): VideoRequest {
    return remixRequest(generation, input, { keepImages: generation.userId === userId });
  }

  /**
   * Marks the result removed, for its member or a moderator: it stays in `/veo status`, its
   * credits stay as they are, and whatever revision it had is treated as shown, for good. Its
   * prompts and links are blanked at once when it is finished, else as soon as it is.
   */
  function remove(id: number, presser: Presser): Generation {
    return transaction(() => {
      const generation = find(id, presser);
      if (generation.userId !== presser.userId && !presser.canManageMessages) refuse('result_remove_not_allowed', { id });
      const at = clock.now();
      repo.remove(id, generation.revision, at);
      if (isFinished(generation)) repo.erase([id], 'removed', at);
      const removed = repo.get(id)!;
      const event: RemovedResult = {
        id: removed.id,
        guildId: removed.guildId,
        channelId: removed.channelId,
        userId: removed.userId,
        removedBy: presser.userId,
        removedAt: removed.removedAt!,
        replyMessageId: removed.replyMessageId,
        erased: removed.erasedAt !== null,
      };
      // In the same transaction: a crash cannot leave the log post or approval message showing the prompt.
      for (const listener of removalListeners) listener(event);
      return removed;
    });
  }

  /**
   * Tells `listener` of every removal, inside the removal's transaction (so it must be a synchronous
   * database write: a listener that throws undoes the removal); returns the way to stop.
   */
  function onRemoved(listener: RemovalListener): () => void {
    removalListeners.add(listener);
    return () => removalListeners.delete(listener);
  }

  return { find, findKept, againRequest, remixOf, remove, onRemoved };
}

/** The generation id a button or form carries in its custom id; anything else names no generation. */
export const generationIdOf = (rest: string): number => (/^\d{1,15}$/.test(rest) ? Number(rest) : 0);
