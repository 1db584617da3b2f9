import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Transaction } from '../../db/repos.js';
import type { Clock } from './ports.js';
import type { Logger } from '../log.js';
import type { FailureCode, Generation, GenerationState, Origin } from './generation.js';
import type { CreditLedger } from './quota/creditLedger.js';
import type { MemberRef } from './quota/types.js';
import type { VideoRequest } from './videoRequest.js';

export interface GenerationLifecycleDeps {
  repo: GenerationRepo;
  transaction: Transaction;
  ledger: CreditLedger;
  clock: Clock;
  log: Logger;
}

export type GenerationLifecycle = ReturnType<typeof createGenerationLifecycle>;

/** The states a generation holds its credits in before anything reaches the API. */
const notSentStates = ['queued', 'awaiting_approval'] as const satisfies readonly GenerationState[];
type NotSentState = (typeof notSentStates)[number];

/** A generation from its request to its end before the API: stored with its credits held, given up on, or shown. */
export function createGenerationLifecycle({ repo, transaction, ledger, clock, log }: GenerationLifecycleDeps) {
  /**
   * Stores the generation, queued (or waiting for a moderator), and reserves its credits in one
   * transaction; throws a refusal if over quota. A waiting generation already holds its credits,
   * so neither the queue nor approval overspends. `alongside` joins the same transaction.
   */
  function create(
    origin: Origin,
    roleIds: readonly string[],
    request: VideoRequest,
    state: NotSentState = 'queued',
    alongside?: (generation: Generation) => void,
  ): Generation {
    const member: MemberRef = { guildId: origin.guildId, userId: origin.userId, roleIds };
    return transaction(() => {
      const generation = repo.insert(origin, request, state, clock.now());
      ledger.reserve(member, generation.id, request.credits);
      alongside?.(generation);
      return generation;
    });
  }

  /** Ends a generation that the API never took on: its reservation is released, not charged. */
  function fail(generation: Generation, code: FailureCode, cancelledBy: string | null = null): void {
    transaction(() => {
      ledger.release(generation.id, code);
      repo.fail(generation.id, code, clock.now(), cancelledBy);
    });
  }

  return {
    create,
    fail,
    /** Gives up on a generation that has not reached the API yet; returns false if it already has. */
    abort(generation: Generation, code: FailureCode): boolean {
      const state = repo.get(generation.id)?.state;
      if (!(notSentStates as readonly (GenerationState | undefined)[]).includes(state)) return false;
      fail(generation, code);
      log.warn({ generationId: generation.id, code }, 'generation aborted before submission');
      return true;
    },
    /** Remembers the reply message so later edits can go through the channel. */
    attachReply(generationId: number, messageId: string): void {
      repo.attachReply(generationId, messageId);
    },
    get: repo.get,
    listForMember: repo.listForMember,
  };
}
