import type { GenerationRepo } from '../../db/generationRepo.js';
import type { OperatorRepo } from '../../db/operatorRepo.js';
import type { Transaction } from '../../db/repos.js';
import type { FailureCode } from './generation.js';
import { keyHolds, type KeyPool, type PoolKey } from './keyPool.js';
import type { Clock, VendorKeys } from './ports.js';
import type { ServerKeys } from './serverKeys/serverKeys.js';
import type { Lane } from './turns/lanes.js';
import type { WaitingRequest } from './turns/waitingRequest.js';

/** The keys one lane's requests go out on: the operator's pool, or one server's own key. */
export interface LaneKeySource {
  /** A submit slot on a key of the lane that can send now (not in `except`), or none. */
  takeSubmitSlot(except?: ReadonlySet<string>): PoolKey | undefined;
  /** The lane's keys whose account is empty and due for a retry. */
  retryDue(): PoolKey[];
  /** A request joined the lane's queue. */
  queued(): void;
  /** When each of the lane's first `count` places can go. */
  submitSlotsFreeAt(count: number): Date[];
  /** Why none of the lane's waiting requests can ever go out (they are released with it); undefined while they can. */
  closed(): FailureCode | undefined;
}

/** The operator's pool as a lane's key source: it never closes. */
export const operatorKeys = (pool: KeyPool): LaneKeySource => ({
  takeSubmitSlot: (except) => pool.takeSubmitSlot(except),
  retryDue: () => pool.retryDue(),
  queued: () => pool.queued(),
  submitSlotsFreeAt: (count) => pool.submitSlotsFreeAt(count),
  closed: () => undefined,
});

/**
 * A request goes out on the keys of whoever its reservation says pays: a request reserved on a
 * server's own key never goes out on the operator's (whose books leave it out), and one reserved
 * on the operator's stays there even when its server sets a key meanwhile.
 */
export const laneOfPayer = (request: WaitingRequest): Lane => (request.payer === 'server' ? `guild:${request.guildId}` : 'operator');

/**
 * A server's key as its requests and polls use it. The client and budget are looked up at each use:
 * a key removed and set again gets a new client (the old one closed).
 */
export function serverKeyHandle(keys: Pick<VendorKeys, 'clientFor'>, serverKeys: Pick<ServerKeys, 'budgetFor'>, fingerprint: string): Pick<PoolKey, 'fingerprint' | 'veo' | 'budget'> {
  return {
    fingerprint,
    get veo() {
      return keys.clientFor(fingerprint);
    },
    get budget() {
      return serverKeys.budgetFor(fingerprint);
    },
  };
}

export interface ServerLaneKeysDeps {
  serverKeys: Pick<ServerKeys, 'state' | 'keyOfGuild' | 'isRefused' | 'budgetFor' | 'stored'>;
  keys: Pick<VendorKeys, 'clientFor'>;
  /** Shows a server's queued members that its key's account is empty. */
  generations: Pick<GenerationRepo, 'setQueuedWaitReason'>;
  operatorRepo: OperatorRepo;
  transaction: Transaction;
  clock: Clock;
  emptyAccountRetryMs: number;
  unknownOutcomePause: number;
}

/**
 * Each server lane's one key, built from the server's stored key: its client, its own budget, its
 * own empty-account hold and pause after unknown outcomes (kept by fingerprint like the
 * operator's keys'). One server's key held never holds another lane.
 */
export function createServerLaneKeys(deps: ServerLaneKeysDeps) {
  const { serverKeys, keys, transaction, clock } = deps;
  const built = new Map<string, PoolKey>();

  function keyOf(guildId: string, fingerprint: string): PoolKey {
    const id = `${guildId}:${fingerprint}`;
    let key = built.get(id);
    if (!key) {
      key = Object.assign(serverKeyHandle(keys, serverKeys, fingerprint), keyHolds(deps, fingerprint), { server: guildId });
      built.set(id, key);
    }
    return key;
  }

  /** The server's key while its requests may go out on it; undefined while they wait or are closed. */
  function usable(guildId: string): PoolKey | undefined {
    if (serverKeys.state() !== 'ready' || serverKeys.isRefused(guildId)) return undefined;
    const fingerprint = serverKeys.keyOfGuild(guildId);
    return fingerprint === null ? undefined : keyOf(guildId, fingerprint);
  }

  return {
    /**
     * An admin stored this key again (or anew): its empty-account hold and its pause after unknown
     * outcomes are lifted, as the operator's resume lifts theirs. A retry finds an account still empty.
     */
    lift(fingerprint: string): void {
      const { account, unknowns } = keyHolds(deps, fingerprint);
      transaction(() => {
        account.lift();
        unknowns.lift();
      });
    },

    /**
     * The server's key a generation of `guildId` went out on, found among the stored keys by its
     * fingerprint: removed ones, and ones that cannot be read now (a wrong secret, SERVER_KEYS=off),
     * too. Its holds are kept by fingerprint, so a submission cut off by a restart counts on it
     * without the key itself. Undefined when no server stored that key.
     */
    sentOn(guildId: string, fingerprint: string): PoolKey | undefined {
      return serverKeys.stored().all.includes(fingerprint) ? keyOf(guildId, fingerprint) : undefined;
    },

    /** The key source of server `guildId`'s lane. */
    forGuild(guildId: string): LaneKeySource {
      return {
        takeSubmitSlot(except = new Set()) {
          const key = usable(guildId);
          if (!key || except.has(key.fingerprint) || key.account.isEmpty() || key.unknowns.isPaused()) return undefined;
          if (key.budget.rateLimitedUntil() !== undefined) return undefined;
          return key.budget.tryTakeForSubmit() ? key : undefined;
        },
        retryDue() {
          const key = usable(guildId);
          return key && key.account.isEmpty() && !key.unknowns.isPaused() && key.account.retryDue() ? [key] : [];
        },
        queued() {
          // A request joining while its server's account is empty is told why it waits, as the others are.
          if (usable(guildId)?.account.isEmpty()) deps.generations.setQueuedWaitReason('account_empty', { guildId });
        },
        submitSlotsFreeAt(count) {
          const fingerprint = serverKeys.keyOfGuild(guildId);
          if (fingerprint === null) return Array.from({ length: count }, () => clock.now());
          return serverKeys.budgetFor(fingerprint).submitSlotsFreeAt(count);
        },
        closed() {
          // Keys that cannot be read now (a wrong secret) keep their requests waiting: nothing is lost.
          if (serverKeys.state() === 'locked') return undefined;
          // SERVER_KEYS=off or no KEY_ENCRYPTION_SECRET: nothing reserved on a server's key goes out on it again.
          if (serverKeys.state() !== 'ready') return 'SERVER_KEY_REMOVED';
          if (serverKeys.keyOfGuild(guildId) === null) return 'SERVER_KEY_REMOVED';
          return serverKeys.isRefused(guildId) ? 'SERVER_KEY_REFUSED' : undefined;
        },
      };
    },
  };
}

export type ServerLaneKeys = ReturnType<typeof createServerLaneKeys>;

/** Each lane's key source: `operator` the pool, `guild:<id>` that server's own key. */
export function laneKeySources(pool: KeyPool, servers: ServerLaneKeys | undefined): (lane: Lane) => LaneKeySource {
  const operator = operatorKeys(pool);
  const byLane = new Map<Lane, LaneKeySource>();
  return (lane) => {
    if (lane === 'operator' || !servers) return operator;
    let source = byLane.get(lane);
    if (!source) {
      source = servers.forGuild(lane.slice('guild:'.length));
      byLane.set(lane, source);
    }
    return source;
  };
}
