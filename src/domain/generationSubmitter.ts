import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Transaction } from '../../db/repos.js';
import type { AlertOperator, Clock } from './ports.js';
import type { Logger } from '../log.js';
import { VeoApiError, VeoTransportError } from '../veo/errors.js';
import type { GenerateResult } from '../veo/types.js';
import type { VeoTransportFailure } from '../veo/errors.js';
import type { GenerationLifecycle } from './generationLifecycle.js';
import type { KeyPool, PoolKey } from './keyPool.js';
import type { CreditLedger } from './quota/creditLedger.js';
import type { ServerKeys } from './serverKeys/serverKeys.js';
import type { FailureCode, Generation } from './generation.js';
import { expectedFinish, firstPollAt, type PollTiming } from './pollSchedule.js';
import { shotPrice } from './pricing.js';
import { generationTypeOf } from './videoRequest.js';

export interface GenerationSubmitterDeps {
  repo: GenerationRepo;
  transaction: Transaction;
  ledger: CreditLedger;
  /** Ends a generation the API never took on. */
  lifecycle: Pick<GenerationLifecycle, 'fail'>;
  /** The operator's keys: each holds itself when its account is empty or after unknown outcomes in a row. */
  pool: KeyPool;
  clock: Clock;
  timing: PollTiming;
  /** Tells the operator, once, that the account is empty or the key paused (a DM to each; no words in here). */
  alertOperator: AlertOperator;
  /** A server's own key answering: its owner is told, and its server's standing kept (not the operator's). */
  serverKeys?: Pick<ServerKeys, 'accountEmpty' | 'accountTookRequest' | 'refused'>;
  /** The server's key a generation went out on, readable or not (see ServerLaneKeys' `sentOn`); for a restart's recovery. */
  serverKeyOf?: (guildId: string, fingerprint: string) => PoolKey | undefined;
  log: Logger;
}

export type GenerationSubmitter = ReturnType<typeof createGenerationSubmitter>;

/** The submission protocol: one call to the API per generation, and whatever it answered, recorded. */
export function createGenerationSubmitter({ repo, transaction, ledger, lifecycle, pool, clock, timing, alertOperator, serverKeys, serverKeyOf, log }: GenerationSubmitterDeps) {
  /**
   * Sends a queued generation to the API once, on `key`, on a request slot the caller took there;
   * its outcome is always recorded. `submitting` marks the call in flight, for a restart to find,
   * with the key it went out on.
   */
  async function send(generation: Generation, key: PoolKey): Promise<Generation> {
    const images = generation.imageUrls;
    const type = generationTypeOf[generation.mode];
    repo.markSubmitting(generation.id, key.fingerprint);
    let result: GenerateResult;
    try {
      result = await key.veo.generate({
        resolution: generation.resolution,
        shots: generation.shots.map((shot) => ({
          id: shot.id,
          prompt: shot.prompt,
          generationType: type,
          aspectRatio: generation.aspectRatio,
          imageUrls: images,
        })),
      });
    } catch (error) {
      if (error instanceof VeoApiError && error.code === 'API_KEY_RATE_LIMIT_EXCEEDED') requeue(generation, key, error);
      else if (error instanceof VeoApiError && error.code === 'INSUFFICIENT_CREDITS') holdForCredits(generation, key, error);
      else if (key.server !== undefined && error instanceof VeoApiError && (error.status === 401 || error.code === 'LOGIN_REQUIRED')) refusedServerKey(generation, key.server);
      else reject(generation, key, error);
      return repo.get(generation.id)!;
    }
    // Outside the try above: once the vendor took the request, nothing may turn it into a refund.
    record(generation, key, result);
    return repo.get(generation.id)!;
  }

  /**
   * Records an accepted request. A database error is retried; if it persists, the task ids are
   * stored on their own (so the poller still delivers what was paid for, and the reservation stays
   * counted) and the error is thrown up to the caller, logged as an error, never made a refund.
   */
  function record(generation: Generation, key: PoolKey, result: GenerateResult): void {
    for (let attempt = 1; ; attempt += 1) {
      try {
        accept(generation, key, result);
        return;
      } catch (error) {
        if (attempt < RECORD_ATTEMPTS) {
          log.warn({ generationId: generation.id, attempt, err: error }, 'could not record an accepted generation; trying again');
          continue;
        }
        const stored = storeTasksOnly(generation, result);
        log.error(
          { generationId: generation.id, taskIds: result.shots.map((shot) => shot.taskId), tasksStored: stored, err: error },
          'the vendor accepted a generation the database could not record: its reservation stays open; settle it by hand',
        );
        throw error;
      }
    }
  }

  /** The last resort of `record`: the task ids and the running state, without the ledger. */
  function storeTasksOnly(generation: Generation, result: GenerateResult): boolean {
    try {
      const now = clock.now();
      const submitted = { submittedAt: now, shotCount: generation.shots.length };
      transaction(() => {
        const tasks = new Map(result.shots.map((shot) => [shot.shotId, shot.taskId]));
        for (const shot of generation.shots) {
          const taskId = tasks.get(shot.id);
          if (taskId !== undefined) repo.startShot(shot.id, taskId);
        }
        repo.markRunning(generation.id, {
          creditsUsed: result.creditsUsed ?? generation.credits,
          submittedAt: now,
          expectedAt: expectedFinish(submitted, timing),
          nextPollAt: firstPollAt(submitted, timing),
        });
      });
      return true;
    } catch {
      return false;
    }
  }

  /** A 429 means the vendor did not take the request: it waits, first in line, and this key backs off (the others do not). */
  function requeue(generation: Generation, key: PoolKey, error: VeoApiError): void {
    const until = key.budget.rateLimited(error.retryAfterMs, timing.pollIntervalMs);
    repo.returnToQueue(generation.id);
    log.warn({ generationId: generation.id, keyFingerprint: key.fingerprint, until }, 'rate limited on submit; the generation waits in the queue');
  }

  /**
   * The key's vendor account is empty: not the member's fault, and the vendor took nothing. The
   * request waits, in its turn, and nothing is submitted on this key until its account has credits
   * (but for retries of cheaper requests); the pool's other keys go on.
   */
  function holdForCredits(generation: Generation, key: PoolKey, error: VeoApiError): void {
    repo.returnToQueue(generation.id);
    if (key.server !== undefined) {
      // A server's own key: only its lane waits, and its owner (not the operator) is told, once.
      key.account.emptied(error.requiredCredits ?? generation.credits);
      serverKeys?.accountEmpty(key.server);
      repo.setQueuedWaitReason('account_empty', { guildId: key.server });
      log.warn({ generationId: generation.id, guildId: key.server, keyFingerprint: key.fingerprint }, "the server's own nanophoto account is out of credits: its requests wait");
      return;
    }
    // The vendor says what the refused request needed (its price); only cheaper ones are retried.
    const firstNotice = transaction(() => {
      const first = key.account.emptied(error.requiredCredits ?? generation.credits);
      pool.syncWaitReason();
      return first;
    });
    if (!firstNotice) {
      log.warn({ generationId: generation.id, keyFingerprint: key.fingerprint }, "the key's vendor account is still empty; the key stays held");
      return;
    }
    // Read once per emptying, for the operator: what the whole queue needs, this request included.
    const waitingCredits = repo.waiting().reduce((sum, waiting) => sum + waiting.credits, 0);
    log.error(
      { generationId: generation.id, keyFingerprint: key.fingerprint, requiredCredits: error.requiredCredits, waitingCredits },
      "the nanophoto account of this key is out of credits: nothing goes out on it until it is topped up (/veo-operator resume)",
    );
    alertOperator({ kind: 'account_empty', requiredCredits: error.requiredCredits, waitingCredits, ...keyNote(key) });
  }

  /**
   * The vendor refuses a server's own key (401): nothing was taken. The request is released with
   * a sentence that names no setting, the server's other requests follow it (see the queue's
   * closed lanes), and its admins are told once.
   */
  function refusedServerKey(generation: Generation, guildId: string): void {
    serverKeys?.refused(guildId);
    lifecycle.fail(generation, 'SERVER_KEY_REFUSED');
    log.warn({ generationId: generation.id, guildId }, "the vendor refused the server's own key (401): its requests pause");
  }

  /** Which key, when the operator has more than one. */
  const keyNote = (key: PoolKey) => (pool.keys.length > 1 ? { keyFingerprint: key.fingerprint, otherKeys: pool.keys.length - 1 } : {});

  function accept(generation: Generation, key: PoolKey, result: GenerateResult): void {
    const now = clock.now();
    const creditsUsed = result.creditsUsed ?? generation.credits;
    const submitted = { submittedAt: now, shotCount: generation.shots.length };
    const tasks = new Map(result.shots.map((shot) => [shot.shotId, shot]));
    const acceptedTask = (shotId: string) => {
      const task = tasks.get(shotId);
      return task && task.status !== 'failed' ? task : undefined;
    };
    const price = shotPrice(generation.resolution);
    const acceptedCount = generation.shots.filter((shot) => acceptedTask(shot.id)).length;
    // Unaccepted shots are refunded only out of what was charged beyond the accepted ones, so a
    // vendor that already left them out of `creditsUsed` is not refunded twice.
    let refundable = Math.max(0, creditsUsed - acceptedCount * price);
    transaction(() => {
      const wasEmpty = key.account.isEmpty();
      key.account.accepted(generation.credits);
      if (key.server !== undefined) {
        if (!key.account.isEmpty()) {
          serverKeys?.accountTookRequest(key.server);
          repo.setQueuedWaitReason(null, { guildId: key.server });
        }
      } else if (wasEmpty && !key.account.isEmpty()) pool.syncWaitReason();
      key.unknowns.accepted();
      ledger.settle(generation.id, creditsUsed);
      for (const shot of generation.shots) {
        const task = acceptedTask(shot.id);
        if (task) {
          repo.startShot(shot.id, task.taskId);
          continue;
        }
        repo.failShot(shot.id, 'not_accepted', now);
        const refund = Math.min(price, refundable);
        if (refund > 0) ledger.refund(generation.id, refund, `shot ${shot.position + 1} not accepted`);
        refundable -= refund;
      }
      if (acceptedCount > 0) {
        repo.markRunning(generation.id, { creditsUsed, submittedAt: now, expectedAt: expectedFinish(submitted, timing), nextPollAt: firstPollAt(submitted, timing) });
      } else {
        repo.markNoShotAccepted(generation.id, creditsUsed, now);
      }
    });
    if (creditsUsed !== generation.credits) {
      log.warn({ generationId: generation.id, priced: generation.credits, creditsUsed }, 'API charged a different amount than our price');
    }
    log.info({ generationId: generation.id, shots: result.shots.length, accepted: acceptedCount, creditsUsed }, 'generation accepted');
  }

  /** `key` is the one it went out on; undefined when that key has left the settings. */
  function reject(generation: Generation, key: PoolKey | undefined, error: unknown): void {
    const code = errorCodeOf(error);
    const fields = { generationId: generation.id, code, err: error };
    if (!(error instanceof VeoTransportError && error.outcomeUnknown)) {
      lifecycle.fail(generation, code);
      log.warn(fields, 'generation rejected by the API');
      return;
    }
    // The member is not charged, but the vendor may have been: the operator's limits count it.
    const { mayHaveCost, pausedAfter } = transaction(() => {
      lifecycle.fail(generation, code);
      const paused = key?.unknowns.counted() ?? null;
      if (paused !== null && key?.server === undefined) pool.syncWaitReason();
      return { mayHaveCost: ledger.unknown(generation.id, 'the outcome of the submit is unknown'), pausedAfter: paused };
    });
    log.error({ ...fields, keyFingerprint: key?.fingerprint, mayHaveCost }, 'generate outcome unknown at the vendor: released the reservation, not re-sent');
    if (pausedAfter !== null && key?.server !== undefined) {
      log.error({ guildId: key.server, keyFingerprint: key.fingerprint, unknownOutcomes: pausedAfter }, "submissions on the server's own key paused after unknown outcomes in a row; its lane waits until its admins store the key again");
    } else if (pausedAfter !== null && key) {
      log.error({ keyFingerprint: key.fingerprint, unknownOutcomes: pausedAfter }, 'submissions on the API key paused after unknown outcomes in a row (/veo-operator resume)');
      alertOperator({ kind: 'unknown_outcomes', count: pausedAfter, ...keyNote(key) });
    }
  }

  /** The key a generation went out on, whichever lane: the operator's pool first, then the server's own; undefined when neither has it. */
  function sentOn({ guildId, keyFingerprint }: Generation): PoolKey | undefined {
    if (keyFingerprint === null) return undefined;
    return pool.get(keyFingerprint) ?? serverKeyOf?.(guildId, keyFingerprint);
  }

  return {
    send,

    /**
     * A generation left in `submitting` was cut off between reserving and hearing from the API
     * (the process died). There is no idempotency key, so it is never re-sent; it counts against
     * its key's pause as any other unknown outcome, on the operator's key or the server's own.
     */
    recoverInterruptedSubmissions(): number {
      const stuck = repo.inState('submitting');
      for (const generation of stuck) {
        reject(generation, sentOn(generation), new VeoTransportError({ kind: 'network', method: 'POST', path: '/api/veo-3/generate', outcomeUnknown: true, message: 'the bot stopped while submitting' }));
      }
      return stuck.length;
    },
  };
}

/** How many times an accepted generation's recording is tried before the error is thrown. */
const RECORD_ATTEMPTS = 3;

function errorCodeOf(error: unknown): FailureCode {
  if (error instanceof VeoApiError) return error.code;
  if (error instanceof VeoTransportError) return error.outcomeUnknown ? 'OUTCOME_UNKNOWN' : transportCodes[error.kind];
  return 'INTERNAL';
}

const transportCodes = { timeout: 'TRANSPORT_TIMEOUT', network: 'TRANSPORT_NETWORK', malformed: 'TRANSPORT_MALFORMED' } as const satisfies Record<
  VeoTransportFailure,
  FailureCode
>;
