import type { GenerationRepo } from '../../db/generationRepo.js';
import type { QueueTurnsRepo } from '../../db/queueTurnsRepo.js';
import type { Transaction } from '../../db/repos.js';
import type { Clock } from './ports.js';
import type { Logger } from '../log.js';
import type { FailureCode, Generation } from './generation.js';
import type { ReplySetups } from './replySetups.js';
import type { GenerationLifecycle } from './generationLifecycle.js';
import type { GenerationSubmitter } from './generationSubmitter.js';
import type { KeyPool, PoolKey } from './keyPool.js';
import { operatorKeys, type LaneKeySource } from './laneKeys.js';
import { everyRequestOnOperatorKey, type Lane, type LaneOf } from './turns/lanes.js';
import { placeWorthShowing } from './turns/placeShown.js';
import { turnOrder } from './turns/turnOrder.js';
import type { WaitingRequest } from './turns/waitingRequest.js';

export interface SubmissionQueueDeps {
  repo: GenerationRepo;
  /** Whose turn it is on each lane, kept across restarts. */
  turns: QueueTurnsRepo;
  transaction: Transaction;
  generations: Pick<GenerationLifecycle, 'abort'>;
  submitter: Pick<GenerationSubmitter, 'send'>;
  /**
   * The operator's keys: which one has a free submit slot (the least loaded). A key whose account
   * is empty takes one retry now and then; a key paused after unknown outcomes takes nothing.
   */
  pool: KeyPool;
  /** Each lane's keys; every lane on the operator's pool when left out. */
  keysOf?: (lane: Lane) => LaneKeySource;
  replySetups: ReplySetups;
  clock: Clock;
  /** A request with images waiting longer is given up with its credits released: its image links expire. */
  maxWaitMs: number;
  /** A text-only request waiting longer is given up too: nothing waits for ever. */
  maxTextWaitMs: number;
  /** Which lane a request goes out on; every one on the operator's key unless told otherwise. */
  laneOf?: LaneOf;
  log: Logger;
}

export type SubmissionQueue = ReturnType<typeof createSubmissionQueue>;

/**
 * Waiting requests go out on the operator's keys in turns (src/domain/turns/turnOrder.ts): the
 * servers with requests waiting take turns, and a server's members take turns inside its own. A
 * request goes straight out only when it is next and some key has a slot; otherwise it waits,
 * stored, across restarts, and its member is shown its place in that order.
 */
export function createSubmissionQueue(deps: SubmissionQueueDeps) {
  const { repo, turns, transaction, generations, submitter, pool, replySetups, clock, maxWaitMs, maxTextWaitMs, log } = deps;
  const laneOf = deps.laneOf ?? everyRequestOnOperatorKey;
  const everyLaneOnPool = operatorKeys(pool);
  const keysOf = deps.keysOf ?? (() => everyLaneOnPool);
  const operatorSource = keysOf('operator');

  /** Each lane's waiting requests, in the order its turns will send them. */
  function lanes(waiting: WaitingRequest[] = repo.waiting()): Map<Lane, WaitingRequest[]> {
    const byLane = new Map<Lane, WaitingRequest[]>();
    for (const request of waiting) {
      const lane = laneOf(request);
      const list = byLane.get(lane);
      if (list) list.push(request);
      else byLane.set(lane, [request]);
    }
    return new Map([...byLane].map(([lane, requests]) => [lane, turnOrder(requests, turns.state(lane))]));
  }

  /**
   * Tells waiting members their place in their lane's order and when they should start, editing
   * a reply only when the place is worth it (see placeWorthShowing).
   */
  function refreshPositions(current: Map<Lane, WaitingRequest[]> = lanes()): void {
    transaction(() => {
      for (const [lane, order] of current) {
        let startsAt: Date[] | undefined;
        order.forEach((request, index) => {
          if (!placeWorthShowing(request.queuePosition, index + 1)) return;
          startsAt ??= keysOf(lane).submitSlotsFreeAt(order.length);
          repo.placeInQueue(request.id, index + 1, startsAt[index]!);
        });
      }
    });
  }

  // Discord's attachment links live about a day and the vendor fetches them only when it starts,
  // so a request with images cannot wait long; a text prompt waits longer, but not for ever.
  function expiryOf(request: WaitingRequest, now: number): FailureCode | undefined {
    if (request.hasImages) return now - request.createdAt.getTime() > maxWaitMs ? 'QUEUE_TIMEOUT' : undefined;
    return now - request.createdAt.getTime() > maxTextWaitMs ? 'QUEUE_TEXT_TIMEOUT' : undefined;
  }

  /**
   * A lane whose requests can never go out (its server's key refused, or removed while they
   * waited) releases them, each with the sentence why; returns the others.
   */
  function releaseClosed(current: Map<Lane, WaitingRequest[]>): Map<Lane, WaitingRequest[]> {
    const open = new Map<Lane, WaitingRequest[]>();
    for (const [lane, order] of current) {
      const code = lane === 'operator' ? undefined : keysOf(lane).closed();
      if (!code) {
        open.set(lane, order);
        continue;
      }
      for (const request of order) {
        const generation = repo.get(request.id);
        if (generation?.state === 'queued' && !replySetups.has(request.id) && generations.abort(generation, code)) {
          log.info({ generationId: request.id, lane, code }, "released: its lane's key cannot send it");
        }
      }
    }
    return open;
  }

  /** Gives up the requests that waited too long; returns the others. */
  function dropExpiring(waiting: WaitingRequest[]): WaitingRequest[] {
    const now = clock.now().getTime();
    return waiting.filter((request) => {
      const code = expiryOf(request, now);
      const generation = code && repo.get(request.id);
      return !(code && generation && generations.abort(generation, code));
    });
  }

  /**
   * Sends one waiting request on a slot the caller took on `key`. Only the request whose turn it
   * was moves the turns on, and only once the vendor answered: one it did not take (429, empty
   * account) waits first in line again.
   */
  async function send(lane: Lane, request: WaitingRequest, itsTurn: boolean, key: PoolKey): Promise<Generation> {
    const sent = await submitter.send(repo.get(request.id)!, key);
    if (itsTurn && sent.state !== 'queued') turns.served(lane, request.guildId, request.userId);
    return sent;
  }

  /**
   * A key whose account is empty is tried now and then, not with the whole queue: each try spends
   * one of its requests. The first waiting request (in turn order) cheaper than the one the vendor
   * refused goes first (the requests it skips keep their turn), and cheaper ones keep going while
   * the account takes them. With none cheaper, the head is tried once, so a top-up is noticed
   * without a resume.
   */
  async function retryEmptyAccount(key: PoolKey, source: LaneKeySource, stopping: AbortSignal | undefined): Promise<void> {
    let tried = false;
    while (key.account.isEmpty() && !stopping?.aborted && !key.unknowns.isPaused()) {
      const refused = key.account.refusedCredits();
      // Only the lanes this key serves: a server's key never sends the operator's requests, nor the reverse.
      const ordered = [...lanes()].filter(([lane]) => keysOf(lane) === source);
      const heads = new Set(ordered.map(([, order]) => order[0]?.id));
      // One being set up is left to its own start(), as in the plain loop.
      const waiting = ordered.flatMap(([lane, order]) => order.map((request) => ({ lane, request }))).filter(({ request }) => !replySetups.has(request.id));
      const next = (refused === null ? undefined : waiting.find(({ request }) => request.credits < refused)) ?? (tried ? undefined : waiting[0]);
      if (!next || !key.budget.tryTakeForSubmit()) return;
      tried = true;
      log.info({ generationId: next.request.id, credits: next.request.credits, refused, keyFingerprint: key.fingerprint }, "the key's vendor account is empty: trying one waiting request");
      const sent = await send(next.lane, next.request, heads.has(next.request.id), key);
      if (sent.state === 'queued') return;
    }
  }

  return {
    /**
     * Submits a new generation now if it is next in its lane and some key has a slot, else queues it.
     * One whose lane can never send it (approved after its server's key was removed) is released at once.
     */
    async start(generation: Generation): Promise<Generation> {
      const current = repo.get(generation.id)!;
      if (current.state !== 'queued') return current;
      const ordered = lanes();
      const itsLane = [...ordered].find(([, order]) => order.some((request) => request.id === current.id))?.[0] ?? 'operator';
      const closed = itsLane === 'operator' ? undefined : keysOf(itsLane).closed();
      if (closed) {
        generations.abort(current, closed);
        log.info({ generationId: current.id, lane: itsLane, code: closed }, "released: its lane's key cannot send it");
        return repo.get(current.id)!;
      }
      const head = ordered.get(itsLane)?.[0];
      if (head?.id === current.id) {
        const key = keysOf(itsLane).takeSubmitSlot();
        if (key) return send(itsLane, head, true, key);
      }
      keysOf(itsLane).queued();
      refreshPositions(ordered);
      log.info({ generationId: current.id, waiting: repo.queueLength() }, 'generation queued for the API key');
      return repo.get(current.id)!;
    },

    /** Sends waiting generations in their turns while some key has slots. */
    async submitDue(stopping?: AbortSignal): Promise<void> {
      // One read of the queue serves the whole tick: serving the head of an order leaves the
      // rest of it as it was, and a request that arrives meanwhile is placed by its own start().
      let ordered = releaseClosed(lanes(dropExpiring(repo.waiting())));
      const sources = new Set([operatorSource, ...[...ordered.keys()].map(keysOf)]);
      const retrying = [...sources].flatMap((source) => source.retryDue().map((key) => ({ key, source })));
      for (const { key, source } of retrying) {
        await retryEmptyAccount(key, source, stopping);
        key.account.retried();
      }
      if (retrying.length > 0) ordered = releaseClosed(lanes());
      // A key that just refused (429, empty account) is not asked again this tick, whatever it said.
      const refused = new Set<string>();
      let changed = false;
      lanes: for (const [lane, order] of ordered) {
        for (const next of order) {
          // A head whose reply is being set up keeps its place: its own start() sends it a moment later.
          if (stopping?.aborted || replySetups.has(next.id)) break;
          // Taken meanwhile (sent by its own start(), or cancelled): the next in the order is next.
          if (repo.get(next.id)?.state !== 'queued') continue;
          // One a key did not take stays first in line, and goes to the next key that has a slot.
          for (;;) {
            const key = keysOf(lane).takeSubmitSlot(refused);
            // This lane's keys are spent for now; another lane's may not be.
            if (!key) continue lanes;
            changed = true;
            const sent = await send(lane, next, true, key);
            if (sent.state !== 'queued') break;
            refused.add(key.fingerprint);
          }
        }
      }
      refreshPositions(changed ? lanes() : ordered);
    },

    /** Every lane's waiting requests in the order they will go out (for places shown elsewhere). */
    order: (): Map<Lane, WaitingRequest[]> => lanes(),

    /**
     * Generations waiting for a slot. One still being set up is not waiting: its own start() sends
     * it, and polls must keep the submit reserve free for it meanwhile.
     */
    length: () => repo.queueLength() - replySetups.ids().filter((id) => repo.get(id)?.state === 'queued').length,

    /**
     * The lanes where some generation waits for a slot (one still being set up apart, as in
     * `length`), in one read of the queue: a poll step asks once for all its keys.
     */
    waitingLanes(): Set<Lane> {
      const settingUp = new Set(replySetups.ids());
      return new Set(repo.waiting().flatMap((request) => (settingUp.has(request.id) ? [] : [laneOf(request)])));
    },
  };
}
