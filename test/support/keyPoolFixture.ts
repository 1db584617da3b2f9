import type { Repos } from '../../db/repos.js';
import type { Clock } from '../../src/domain/ports.js';
import { createKeyPool } from '../../src/domain/keyPool.js';
import { silentLogger } from '../../src/log.js';
import type { VeoClient } from '../../src/veo/types.js';

const noVendor: VeoClient = {
  generate: () => Promise.reject(new Error('this pool sends nothing')),
  checkStatus: () => Promise.reject(new Error('this pool sends nothing')),
};

/** A key pool over `repos` whose keys send nothing: for what reads and changes the keys' state only. */
export function keyPoolOver(repos: Repos, clock: Clock, fingerprints: readonly string[] = ['test-key']) {
  return createKeyPool({
    keys: { fingerprints: () => fingerprints, clientFor: () => noVendor, learn: () => fingerprints[0]!, forget: () => {} },
    budgets: repos.apiBudget,
    operatorRepo: repos.operator,
    generations: repos.generations,
    transaction: repos.transaction,
    clock,
    rateLimit: { limit: 100, windowMs: 3_600_000, pollReserve: 12, submitReserve: 5, burst: 20 },
    emptyAccountRetryMs: 60_000,
    unknownOutcomePause: 3,
    log: silentLogger,
  });
}
