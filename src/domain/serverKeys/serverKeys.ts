import type { ApiBudgetRepo } from '../../../db/apiBudgetRepo.js';
import type { ServerKeysRepo, StoredServerKey } from '../../../db/serverKeysRepo.js';
import type { Transaction } from '../../../db/repos.js';
import type { Logger } from '../../log.js';
import { UserFacingError } from '../errors.js';
import type { FailureCode } from '../generation.js';
import type { AlertServer, Clock, SecretBox, VendorKeys } from '../ports.js';
import { createRequestBudget, type RateLimit, type RequestBudget } from '../requestBudget.js';
import type { Payer } from '../quota/types.js';
import { checkKey } from './keyCheck.js';

/** SERVER_KEYS: whether servers may (or must) bring their own vendor key. */
export type ServerKeyMode = 'off' | 'allowed' | 'required';

/**
 * `off`: SERVER_KEYS=off; `no_secret`: no KEY_ENCRYPTION_SECRET; `locked`: the secret is not the
 * one the keys were stored with (they stay stored, unread); `ready`: keys are read and used.
 */
export type ServerKeysState = 'off' | 'no_secret' | 'locked' | 'ready';

/** Why a server may not start a video because of its own key (or its lack of one): what its member reads. */
export type ServerKeyRefusal = 'server_key_locked' | 'server_key_paused' | 'server_key_required';

/**
 * A request that already holds credits and meets one of those refusals (approved after its server's
 * key changed) is released with the same sentence, its credits given back.
 */
export const releasedFor: Record<ServerKeyRefusal, FailureCode> = {
  server_key_locked: 'SERVER_KEY_LOCKED',
  server_key_paused: 'SERVER_KEY_REFUSED',
  server_key_required: 'SERVER_KEY_REQUIRED',
};

export interface ServerKeyStanding {
  fingerprint: string;
  /** Requests left on the key's own budget this window. */
  requestsLeft: number;
  accountEmpty: boolean;
  /** The vendor refuses the key (401): the server's requests pause until a new one is set. */
  refused: boolean;
}

export interface ServerKeysDeps {
  repo: ServerKeysRepo;
  /** Each key's requests and 429 pause, the operator's and servers' alike, found by fingerprint. */
  budgets: ApiBudgetRepo;
  transaction: Transaction;
  clock: Clock;
  mode: ServerKeyMode;
  /** The current secret; undefined = server keys off. */
  box: SecretBox | undefined;
  /** The secret before a rotation. */
  previousBox: SecretBox | undefined;
  keys: VendorKeys;
  rateLimit: RateLimit;
  alertServer: AlertServer;
  /** Told when an admin stored a key (a new one, or the same again): the holds its lane kept on it are the admin's to lift. */
  onStored?: (fingerprint: string) => void;
  /** Learns each key read or stored, so no log line ever shows it. */
  log: Logger;
}

export type ServerKeys = ReturnType<typeof createServerKeys>;

const CHECK_TEXT = 'veo-bot key encryption check';
const CHECK_CONTEXT = 'key-encryption-check';
/** What a nanophoto key looks like once trimmed: 8 to 200 printable ASCII characters, no spaces. */
export const serverKeyShape = /^[\x21-\x7e]{8,200}$/;

/**
 * Servers' own nanophoto keys: sealed in SQLite under KEY_ENCRYPTION_SECRET (the server id bound
 * as additional data), read once at start, checked with the vendor before they are stored. A
 * server with a key in use pays for all its videos with it: `keyOfGuild` names the key the
 * submit/poll side uses, `payerOf` whose books a reservation goes in.
 */
export function createServerKeys({ repo, budgets: budgetRepo, transaction, clock, mode, box, previousBox, keys, rateLimit, alertServer, onStored, log }: ServerKeysDeps) {
  let state: ServerKeysState = mode === 'off' ? 'off' : box ? 'locked' : 'no_secret';
  const budgets = new Map<string, RequestBudget>();
  // The stored keys the current secret opened (row id → fingerprint): only those are used.
  const readable = new Map<number, string>();

  const budgetFor = (fingerprint: string): RequestBudget => {
    let budget = budgets.get(fingerprint);
    if (!budget) {
      budget = createRequestBudget({ repo: budgetRepo.forKey(fingerprint), transaction, clock, ...rateLimit });
      budgets.set(fingerprint, budget);
    }
    return budget;
  };

  /** Reads a stored key with the current secret, and teaches the log and the vendor side about it. */
  function learn(stored: StoredServerKey): void {
    const apiKey = box?.open(stored.sealed, stored.guildId);
    if (apiKey === undefined) {
      log.warn({ guildId: stored.guildId, keyFingerprint: stored.fingerprint }, "a server's stored key does not open with the secret that opens the others; it is left as it is");
      return;
    }
    log.learnSecret(apiKey);
    keys.learn(apiKey);
    readable.set(stored.id, stored.fingerprint);
  }

  /** Keys readable with the previous secret are sealed again with the current one, all in one transaction. */
  function rotate(current: SecretBox, previous: SecretBox): number {
    return transaction(() => {
      let resealed = 0;
      for (const stored of repo.all()) {
        const apiKey = previous.open(stored.sealed, stored.guildId);
        if (apiKey === undefined) continue;
        repo.reseal(stored.id, current.seal(apiKey, stored.guildId));
        resealed += 1;
      }
      repo.saveCheck(current.seal(CHECK_TEXT, CHECK_CONTEXT));
      return resealed;
    });
  }

  const inUse = (guildId: string) => (state === 'ready' ? repo.inUse(guildId) : undefined);

  function forgetUnused(fingerprint: string): void {
    if (!repo.all().some((stored) => stored.fingerprint === fingerprint)) {
      keys.forget(fingerprint);
      budgets.delete(fingerprint);
    }
  }

  /** Removed keys whose server has no video left to poll are deleted for good. */
  function purgeRemoved(): number {
    const gone = transaction(() =>
      repo
        .all()
        .filter((stored) => stored.removedAt !== null && !repo.hasUnfinished(stored.guildId))
        .map((stored) => (repo.delete(stored.id), readable.delete(stored.id), stored.fingerprint)),
    );
    for (const fingerprint of new Set(gone)) forgetUnused(fingerprint);
    return gone.length;
  }

  const keyOf = (guildId: string): string | null => {
    const key = inUse(guildId);
    return key && readable.has(key.id) ? key.fingerprint : null;
  };

  /**
   * A key the operator now lists as their own (NANOPHOTO_API_KEY or NANOPHOTO_API_KEYS) is theirs:
   * one key must not serve two lanes against one vendor limit. Each server that stored it is
   * treated as if its admins removed it (its waiting requests are released, its running videos
   * still polled); told by fingerprint, so with or without the secret. Its admins are not messaged:
   * at start the bot is not on Discord yet.
   */
  function yieldToOperatorKeys(): void {
    const operators = new Set(keys.fingerprints());
    const taken = transaction(() => repo.all().filter((stored) => stored.removedAt === null && operators.has(stored.fingerprint) && repo.markRemoved(stored.guildId, clock.now())));
    for (const { guildId, fingerprint } of taken) {
      log.warn({ guildId, keyFingerprint: fingerprint }, "a server's stored key is now one of the operator's own keys (NANOPHOTO_API_KEY or NANOPHOTO_API_KEYS): it is treated as removed for that server, whose waiting requests are released");
    }
  }

  /** Said once at start when servers that stored a key now have their videos paid by the operator. */
  function operatorPaysForStoredKeys(): ServerKeysState {
    const servers = new Set(repo.all().filter((stored) => stored.removedAt === null).map((stored) => stored.guildId)).size;
    if (servers > 0) {
      log.warn({ servers, serverKeys: state }, "servers with a stored key of their own now make their videos on the operator's keys (SERVER_KEYS=off or no KEY_ENCRYPTION_SECRET)");
    }
    return state;
  }

  function refused(guildId: string): void {
    const first = transaction(() => {
      const key = repo.inUse(guildId);
      if (!key || key.refusedAt) return false;
      repo.update(key.id, { refusedAt: clock.now() });
      return true;
    });
    if (first) alertServer({ kind: 'key_refused', guildId });
  }

  function refusal(guildId: string): ServerKeyRefusal | undefined {
    if (state === 'off' || state === 'no_secret') return undefined;
    const key = repo.inUse(guildId);
    if (state === 'locked') return key ? 'server_key_locked' : mode === 'required' ? 'server_key_required' : undefined;
    if (key && !readable.has(key.id)) return 'server_key_locked';
    if (key?.refusedAt) return 'server_key_paused';
    return !key && mode === 'required' ? 'server_key_required' : undefined;
  }

  function usable(): void {
    if (state === 'off') throw new UserFacingError('server_keys_off');
    if (state === 'no_secret') throw new UserFacingError('server_keys_no_secret');
    if (state === 'locked') throw new UserFacingError('server_keys_unusable');
  }

  return {
    state: () => state,
    mode,
    /** Throws the sentence an admin reads when server keys cannot be set or removed at all. */
    assertUsable: usable,

    /**
     * At start: lets the operator's own keys win over a server's stored copy, tells the right secret
     * from a wrong one, rotates from the previous one, and reads every key.
     */
    open(): ServerKeysState {
      yieldToOperatorKeys();
      if (!box) return operatorPaysForStoredKeys();
      const check = repo.check();
      if (!check) {
        transaction(() => repo.saveCheck(box.seal(CHECK_TEXT, CHECK_CONTEXT)));
      } else if (box.open(check, CHECK_CONTEXT) !== CHECK_TEXT) {
        if (!previousBox || previousBox.open(check, CHECK_CONTEXT) !== CHECK_TEXT) {
          log.error({}, "KEY_ENCRYPTION_SECRET is not the secret servers' keys were stored with: those servers cannot make videos until it is set right (nothing stored was changed)");
          return state === 'off' ? operatorPaysForStoredKeys() : state;
        }
        log.info({ resealed: rotate(box, previousBox) }, "servers' keys re-encrypted with the new KEY_ENCRYPTION_SECRET");
      }
      // With SERVER_KEYS=off the keys are still read: the videos already running on them are polled to their end.
      if (state !== 'off') state = 'ready';
      for (const stored of repo.all()) learn(stored);
      purgeRemoved();
      return state === 'off' ? operatorPaysForStoredKeys() : state;
    },

    /** The fingerprint of the key that pays for this server's videos, or null for the operator's. */
    keyOfGuild: keyOf,
    /** Whether the vendor refuses the key this server's videos go out on (401): its requests pause until a new one is set. */
    isRefused: (guildId: string): boolean => inUse(guildId)?.refusedAt != null,
    /**
     * Fingerprints of the stored keys (removed ones included, until their last video ended): the
     * generations submitted on them are theirs to poll. `readable` are those that can be polled now;
     * `protected` those whose generations may not be ended as orphans: with a secret, every stored
     * key (a wrong secret can be set right, nothing is lost); without one, none can ever be read,
     * so their videos end truthfully, refunded, as when no key can poll them.
     */
    stored(): { readable: string[]; all: string[]; protected: string[] } {
      const rows = repo.all();
      const readableNow = rows.filter((row) => readable.has(row.id)).map((row) => row.fingerprint);
      const all = rows.map((row) => row.fingerprint);
      return { readable: readableNow, all, protected: box ? all : readableNow };
    },
    /** Whether generations on this key can be polled now (its key opened), without reading the table: asked at every poll. */
    canPoll: (fingerprint: string): boolean => [...readable.values()].includes(fingerprint),
    /** The servers whose requests go out on this key now. */
    guildsUsing: (fingerprint: string): string[] =>
      state === 'ready' ? repo.all().filter((row) => row.fingerprint === fingerprint && row.removedAt === null && readable.has(row.id)).map((row) => row.guildId) : [],
    payerOf: (guildId: string): Payer => (keyOf(guildId) === null ? 'operator' : 'server'),
    budgetFor,

    /** Part of the one admission: why this server may not start a video because of its key (or its lack of one), or undefined. */
    refusal,

    /**
     * Checks the pasted key with the vendor (one request on its own budget) and stores it sealed,
     * in place of the server's current one. A refusal is thrown; nothing is stored then.
     */
    async set(guildId: string, pasted: string, adminId: string): Promise<{ fingerprint: string; replaced: boolean }> {
      usable();
      const apiKey = pasted.trim();
      if (!serverKeyShape.test(apiKey)) throw new UserFacingError('server_key_malformed');
      log.learnSecret(apiKey);
      const fingerprint = keys.learn(apiKey);
      if (keys.fingerprints().includes(fingerprint)) throw new UserFacingError('server_key_operators');
      const outcome = await checkKey(keys.clientFor(fingerprint), budgetFor(fingerprint));
      if (outcome !== 'valid') {
        forgetUnused(fingerprint);
        throw new UserFacingError(outcome === 'refused' ? 'server_key_invalid' : 'server_key_check_unavailable');
      }
      const sealed = box!.seal(apiKey, guildId);
      const replaced = transaction(() => {
        const had = repo.markRemoved(guildId, clock.now());
        repo.insert({ guildId, fingerprint, sealed, setBy: adminId, setAt: clock.now() });
        return had;
      });
      const stored = repo.inUse(guildId);
      if (stored) readable.set(stored.id, stored.fingerprint);
      onStored?.(fingerprint);
      purgeRemoved();
      return { fingerprint, replaced };
    },

    /** Forgets the server's key; it stays stored for polling until the server's last video ends. */
    remove(guildId: string): void {
      usable();
      if (!transaction(() => repo.markRemoved(guildId, clock.now()))) throw new UserFacingError('server_key_none');
      purgeRemoved();
    },

    /** What `/veo-admin settings` shows: never the key, only whether one is set and how it stands. */
    standing(guildId: string): ServerKeyStanding | null {
      const key = inUse(guildId);
      if (!key) return null;
      return { fingerprint: key.fingerprint, requestsLeft: budgetFor(key.fingerprint).available(), accountEmpty: key.emptyAt !== null, refused: key.refusedAt !== null };
    },

    /** Which of these servers pay with their own key. */
    guildsWithKeys: (guildIds: readonly string[]): Set<string> => (state === 'ready' ? repo.guildsWithKeys(guildIds) : new Set()),

    /** The server key's lane: the vendor said its account is empty. Only its server waits; its owner is told once. */
    accountEmpty(guildId: string): void {
      const notify = transaction(() => {
        const key = repo.inUse(guildId);
        if (!key) return false;
        repo.update(key.id, { emptyAt: key.emptyAt ?? clock.now(), emptyNotified: true });
        return !key.emptyNotified;
      });
      if (notify) alertServer({ kind: 'account_empty', guildId });
    },

    /** The server key's lane: the vendor accepted a request; the empty state (and its one message) is over. */
    accountTookRequest(guildId: string): void {
      transaction(() => {
        const key = repo.inUse(guildId);
        if (key?.emptyAt || key?.emptyNotified) repo.update(key.id, { emptyAt: null, emptyNotified: false });
      });
    },

    /** The server key's lane: the vendor answered 401. The server's requests pause; its owner is told once. */
    refused,

    /** The vendor refused this key on a poll: every server using it pauses, as `refused` says. */
    refusedFingerprint(fingerprint: string): void {
      for (const stored of repo.all()) {
        if (stored.fingerprint === fingerprint && stored.removedAt === null) refused(stored.guildId);
      }
    },

    purgeRemoved,
  };
}
