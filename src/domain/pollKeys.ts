import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Logger } from '../log.js';
import type { KeyPool } from './keyPool.js';
import { serverKeyHandle } from './laneKeys.js';
import type { PollOutcomes } from './pollOutcome.js';
import { createPollRunner, type PollRunner, type PollRunnerDeps } from './pollRunner.js';
import type { VendorKeys } from './ports.js';
import type { ServerKeys } from './serverKeys/serverKeys.js';
import type { Lane } from './turns/lanes.js';

export interface KeyedPollsDeps extends Omit<PollRunnerDeps, 'key' | 'queueWaiting'> {
  /** The lanes where requests wait (one read of the queue): a key's polls give way to its own lane's submits only. */
  waitingLanes: () => ReadonlySet<Lane>;
  repo: GenerationRepo;
  pool: Pick<KeyPool, 'keys' | 'fingerprints'>;
  outcomes: PollOutcomes;
  /** Servers' own keys: their generations are polled with them, on their own budgets. */
  servers?: { keys: Pick<VendorKeys, 'clientFor'>; serverKeys: Pick<ServerKeys, 'stored' | 'budgetFor' | 'purgeRemoved' | 'refusedFingerprint' | 'guildsUsing'> };
  log: Logger;
}

/**
 * Polls each key's generations with that key, batched per key and on its own budget: one key
 * backing off after a 429 never holds another key's polls. The operator's keys and the servers'
 * own (removed ones too, until their last video ended) are polled alike. A running generation
 * whose key is neither can be asked about by no key: it ends, refunded, and the payer's books
 * keep what the vendor charged for it.
 */
export function createKeyedPolls(deps: KeyedPollsDeps): PollRunner {
  const { repo, pool, outcomes, servers, waitingLanes, log } = deps;
  // Which lanes have requests waiting: read at most once per poll step, when a runner first asks,
  // and shared by every key's runner (the queue is read whole; per key and batch it cost a long
  // queue's read many times a tick). A request that joins or leaves during the step counts at the next.
  let lanesThisStep: ReadonlySet<Lane> | undefined;
  const waitsIn = (lane: Lane) => (lanesThisStep ??= waitingLanes()).has(lane);
  const runnerFor = (key: PollRunnerDeps['key'], queueWaiting: () => boolean, onKeyRefused?: () => void) =>
    createPollRunner({ ...deps, key, queueWaiting, ...(onKeyRefused ? { onKeyRefused } : {}), log: log.child({ keyFingerprint: key.fingerprint }) });
  const operatorRunners = pool.keys.map((key) => runnerFor(key, () => waitsIn('operator')));
  // Kept across ticks: a runner remembers which of its generations' batches failed.
  const serverRunners = new Map<string, PollRunner>();

  /** The servers' keys that can poll now; runners of keys forgotten since are dropped. */
  function serverRunnersNow(): { runners: PollRunner[]; stored: string[]; protectedKeys: string[] } {
    if (!servers) return { runners: [], stored: [], protectedKeys: [] };
    const { readable, all, protected: protectedKeys } = servers.serverKeys.stored();
    const operators = new Set(pool.fingerprints());
    const wanted = new Set(readable.filter((fingerprint) => !operators.has(fingerprint)));
    for (const fingerprint of serverRunners.keys()) if (!wanted.has(fingerprint)) serverRunners.delete(fingerprint);
    for (const fingerprint of wanted) {
      if (serverRunners.has(fingerprint)) continue;
      // A server's key the vendor stops accepting on a poll pauses that server, as on a submit.
      const refused = () => servers.serverKeys.refusedFingerprint(fingerprint);
      const { keys, serverKeys } = servers;
      const key = serverKeyHandle(keys, serverKeys, fingerprint);
      // The requests waiting to go out on this key: those of the servers it is in use for.
      const waiting = () => serverKeys.guildsUsing(fingerprint).some((guildId) => waitsIn(`guild:${guildId}`));
      serverRunners.set(fingerprint, runnerFor(key, waiting, refused));
    }
    return { runners: [...serverRunners.values()], stored: all, protectedKeys };
  }

  // A server key that cannot be read now for a wrong secret still owns its generations: they wait, never orphaned.
  // Without any secret no stored key can ever be read: their generations end like any other orphan.
  function endOrphans(serverFingerprints: readonly string[]): void {
    for (const generation of repo.runningWithoutKey([...pool.fingerprints(), ...serverFingerprints])) {
      const refunded = outcomes.orphan(generation);
      log.warn({ generationId: generation.id, keyFingerprint: generation.keyFingerprint, refunded }, 'no configured API key can poll this generation; ended and refunded');
    }
  }

  return {
    async pollDue(stopping?: AbortSignal): Promise<void> {
      lanesThisStep = undefined;
      const { runners, stored, protectedKeys } = serverRunnersNow();
      endOrphans(protectedKeys);
      for (const runner of [...operatorRunners, ...runners]) {
        if (stopping?.aborted) return;
        await runner.pollDue(stopping);
      }
      // A removed server key is kept only while a video of its server is unfinished.
      if (servers && stored.length > 0) servers.serverKeys.purgeRemoved();
    },
    async pollIfStarved(stopping?: AbortSignal): Promise<void> {
      lanesThisStep = undefined;
      for (const runner of [...operatorRunners, ...serverRunnersNow().runners]) {
        if (stopping?.aborted) return;
        await runner.pollIfStarved(stopping);
      }
    },
  };
}
