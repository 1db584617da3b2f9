import type { GenerationRepo } from '../../db/generationRepo.js';
import type { Logger } from '../log.js';
import type { KeyPool } from './keyPool.js';
import type { PollOutcomes } from './pollOutcome.js';
import { createPollRunner, type PollRunner, type PollRunnerDeps } from './pollRunner.js';

export interface KeyedPollsDeps extends Omit<PollRunnerDeps, 'key'> {
  repo: GenerationRepo;
  pool: Pick<KeyPool, 'keys' | 'fingerprints'>;
  outcomes: PollOutcomes;
  log: Logger;
}

/**
 * Polls each key's generations with that key, batched per key and on its own budget: one key
 * backing off after a 429 never holds another key's polls. A running generation whose key has
 * left the settings can be asked about by no key: it ends, refunded, and the operator's books
 * keep what the vendor charged for it.
 */
export function createKeyedPolls(deps: KeyedPollsDeps): PollRunner {
  const { repo, pool, outcomes, log } = deps;
  const runners = pool.keys.map((key) => createPollRunner({ ...deps, key, log: log.child({ keyFingerprint: key.fingerprint }) }));

  function endOrphans(): void {
    for (const generation of repo.runningWithoutKey(pool.fingerprints())) {
      const refunded = outcomes.orphan(generation);
      log.warn({ generationId: generation.id, keyFingerprint: generation.keyFingerprint, refunded }, 'no configured API key can poll this generation; ended and refunded');
    }
  }

  return {
    async pollDue(stopping?: AbortSignal): Promise<void> {
      endOrphans();
      for (const runner of runners) {
        if (stopping?.aborted) return;
        await runner.pollDue(stopping);
      }
    },
    async pollIfStarved(stopping?: AbortSignal): Promise<void> {
      for (const runner of runners) {
        if (stopping?.aborted) return;
        await runner.pollIfStarved(stopping);
      }
    },
  };
}
