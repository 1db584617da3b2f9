import type { ApiBudgetRepo } from '../../db/apiBudgetRepo.js';
import type { GenerationRepo } from '../../db/generationRepo.js';
import type { OperatorRepo } from '../../db/operatorRepo.js';
import type { Transaction } from '../../db/repos.js';
import type { Logger } from '../log.js';
import type { VeoClient } from '../veo/types.js';
import { createEmptyAccount, type EmptyAccount } from './operator/emptyAccount.js';
import { createUnknownOutcomes, type UnknownOutcomes } from './operator/unknownOutcomes.js';
import type { Clock, VendorKeys } from './ports.js';
import { createRequestBudget, type RateLimit, type RequestBudget } from './requestBudget.js';

/** One of the operator's API keys with everything that is its own: client, budget, account and pause. */
export interface PoolKey {
  fingerprint: string;
  veo: VeoClient;
  budget: RequestBudget;
  account: EmptyAccount;
  unknowns: UnknownOutcomes;
  /** Set for a server's own key: the server whose key it is (its owner is told about it, not the operator). */
  server?: string;
}

export type KeyHoldsDeps = Pick<KeyPoolDeps, 'operatorRepo' | 'transaction' | 'clock' | 'emptyAccountRetryMs' | 'unknownOutcomePause'>;

/** A key's two holds, kept by its fingerprint whoever's key it is: its empty account and its pause after unknown outcomes. */
export function keyHolds({ operatorRepo, transaction, clock, emptyAccountRetryMs, unknownOutcomePause }: KeyHoldsDeps, fingerprint: string): Pick<PoolKey, 'account' | 'unknowns'> {
  return {
    account: createEmptyAccount({ repo: operatorRepo, transaction, clock, retryMs: emptyAccountRetryMs, key: fingerprint }),
    unknowns: createUnknownOutcomes({ repo: operatorRepo, transaction, clock, key: fingerprint, pauseAfter: unknownOutcomePause }),
  };
}

/** One key as the operator sees it. */
export interface KeyOverview {
  fingerprint: string;
  requestsLeft: number;
  accountEmpty: boolean;
  unknownPaused: boolean;
  /** Until when a 429 holds it; null when it does not. */
  rateLimitedUntil: Date | null;
  running: number;
}

export interface KeyPoolDeps {
  keys: VendorKeys;
  budgets: ApiBudgetRepo;
  operatorRepo: OperatorRepo;
  generations: GenerationRepo;
  transaction: Transaction;
  clock: Clock;
  rateLimit: RateLimit;
  /** How often a key whose account is empty is tried again. */
  emptyAccountRetryMs: number;
  /** Unknown outcomes in a row that pause a key. */
  unknownOutcomePause: number;
  log: Logger;
}

export type KeyPool = ReturnType<typeof createKeyPool>;

/**
 * The operator's API keys (NANOPHOTO_API_KEYS), each with its own request budget, 429 back-off,
 * empty-account hold and pause after unknown outcomes: one key held never holds the others. A
 * submission goes out on the least loaded key that can send now.
 */
export function createKeyPool({ keys, budgets, operatorRepo, generations, transaction, clock, rateLimit, emptyAccountRetryMs, unknownOutcomePause, log }: KeyPoolDeps) {
  const members: PoolKey[] = keys.fingerprints().map((fingerprint) => ({
    fingerprint,
    veo: keys.clientFor(fingerprint),
    budget: createRequestBudget({ repo: budgets.forKey(fingerprint), transaction, clock, ...rateLimit }),
    ...keyHolds({ operatorRepo, transaction, clock, emptyAccountRetryMs, unknownOutcomePause }, fingerprint),
  }));
  if (members.length === 0) throw new Error('no vendor API key');
  const byFingerprint = new Map(members.map((key) => [key.fingerprint, key]));

  /** Held until the operator acts or a retry goes through: its account is empty or it is paused after unknown outcomes. */
  const held = (key: PoolKey) => key.account.isEmpty() || key.unknowns.isPaused();
  const sendsNow = (key: PoolKey) => !held(key) && key.budget.rateLimitedUntil() === undefined;
  /** Members wait for credits when no key is free of a hold and some key's account is empty. */
  const waitingForCredits = () => members.every(held) && members.some((key) => key.account.isEmpty());

  /** Shows the queued members why they wait, or that they no longer do. */
  function syncWaitReason(): void {
    generations.setQueuedWaitReason(waitingForCredits() ? 'account_empty' : null, 'operator');
  }

  return {
    keys: members as readonly PoolKey[],
    fingerprints: () => members.map((key) => key.fingerprint),
    get: (fingerprint: string | null): PoolKey | undefined => (fingerprint === null ? undefined : byFingerprint.get(fingerprint)),

    /**
     * Takes a submit slot on the least loaded key that can send now (not held, not backing off
     * after a 429, not in `except`): the one with the most requests left in its window, then the
     * fewest generations running on it (they will need polls), then the settings' order.
     */
    takeSubmitSlot(except: ReadonlySet<string> = new Set()): PoolKey | undefined {
      const candidates = members.filter((key) => !except.has(key.fingerprint) && sendsNow(key));
      if (candidates.length === 0) return undefined;
      const running = candidates.length > 1 ? generations.runningByKey() : new Map<string, number>();
      const ranked = candidates
        .map((key, order) => ({ key, order, left: key.budget.available(), running: running.get(key.fingerprint) ?? 0 }))
        .sort((a, b) => b.left - a.left || a.running - b.running || a.order - b.order);
      return ranked.find(({ key }) => key.budget.tryTakeForSubmit())?.key;
    },

    /** Keys whose account is empty, not paused, and due for a retry. */
    retryDue: (): PoolKey[] => members.filter((key) => key.account.isEmpty() && !key.unknowns.isPaused() && key.account.retryDue()),

    /** Whether no key can take a submission until the operator acts or a retry goes through. */
    allHeld: () => members.every(held),
    waitingForCredits,
    syncWaitReason,

    /** A request joined the queue: while every key waits for credits, its member is told why. */
    queued(): void {
      if (waitingForCredits()) generations.setQueuedWaitReason('account_empty', 'operator');
    },

    /**
     * When each of the first `count` places in the queue can go, if every one before it goes as
     * early as it can on whichever key frees first. Keys held by the operator's decision are left
     * out while another key can send.
     */
    submitSlotsFreeAt(count: number): Date[] {
      const open = members.filter((key) => !held(key));
      const counted = open.length > 0 ? open : members;
      if (counted.length === 1) return counted[0]!.budget.submitSlotsFreeAt(count);
      return counted
        .flatMap((key) => key.budget.submitSlotsFreeAt(count))
        .sort((a, b) => a.getTime() - b.getTime())
        .slice(0, count);
    },

    /** Requests left in each key's window, by fingerprint (0 while a 429 holds it). */
    requestsLeft: (): Map<string, number> => new Map(members.map((key) => [key.fingerprint, key.budget.available()])),

    overview(): KeyOverview[] {
      const running = generations.runningByKey();
      return members.map((key) => ({
        fingerprint: key.fingerprint,
        requestsLeft: key.budget.available(),
        accountEmpty: key.account.isEmpty(),
        unknownPaused: key.unknowns.isPaused(),
        rateLimitedUntil: key.budget.rateLimitedUntil() ?? null,
        running: running.get(key.fingerprint) ?? 0,
      }));
    },

    /**
     * Rows from before the key pool name no key; they were the only key's, which the settings list
     * first. A migration cannot read the settings, so the start does it, once, in one transaction.
     */
    claimUnnamedRows(): void {
      const first = members[0]!.fingerprint;
      const claimed = transaction(() => ({ generations: generations.claimUnnamed(first), requests: budgets.claimUnnamed(first) }));
      if (claimed.generations + claimed.requests > 0) {
        log.info({ keyFingerprint: first, ...claimed }, 'rows from before the key pool given the first configured key');
      }
    },
  };
}
