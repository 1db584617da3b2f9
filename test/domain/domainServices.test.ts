import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { createRepos } from '../../db/repos.js';
import { ManualClock } from '../../src/clock.js';
import { createDomainServices } from '../../src/domain/domainServices.js';
import { noOperatorLimits } from '../../src/domain/operator/operatorRules.js';
import type { Notifier, VendorKeys } from '../../src/domain/ports.js';
import { silentLogger } from '../../src/log.js';
import { createTaskPool } from '../../src/taskPool.js';
import { fingerprintOf } from '../../src/veo/vendorKeys.js';
import type { VeoClient } from '../../src/veo/types.js';

const unused = () => Promise.reject(new Error('not called in these tests'));
const vendor: VeoClient = { generate: unused, checkStatus: unused };
const notifier: Notifier = { deliver: unused, deliverFiles: unused };

function build(db: Db, keys: VendorKeys) {
  return createDomainServices({
    repos: createRepos(db),
    keys,
    notifier,
    downloader: { download: unused },
    imageLinks: { allAnswer: unused },
    createTaskPool,
    clock: new ManualClock(),
    timing: { shotMinMs: 120_000, shotMaxMs: 300_000, pollIntervalMs: 30_000, pollMaxIntervalMs: 300_000, pollBatchSize: 50, generationGraceMs: 1_800_000, queueMaxWaitMs: 21_600_000, deliveryRetryMs: 30_000 },
    rateLimit: { limit: 100, windowMs: 3_600_000, pollReserve: 12, submitReserve: 5, burst: 20 },
    quota: { budget: 300, period: 'week', memberCap: null, confirmThreshold: 30 },
    operator: { ...noOperatorLimits, emptyAccountRetryMs: 900_000, unknownOutcomePause: 3 },
    videoFiles: { enabled: true, concurrency: 2, retries: 3 },
    alertOperator: () => undefined,
    log: silentLogger,
  });
}

describe('the composition root', () => {
  let db: Db | undefined;
  afterEach(() => {
    if (db) closeDb(db);
    db = undefined;
  });

  it("looks a key's client and request budget up by its fingerprint, and hands out the budget the poller uses", () => {
    db = openDb(':memory:');
    const fingerprint = fingerprintOf('the-only-key');
    const asked: string[] = [];
    const domain = build(db, {
      fingerprints: () => [fingerprint],
      clientFor: (wanted) => (asked.push(wanted), vendor),
      learn: () => fingerprint,
      forget: () => {},
    });
    expect(fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprint).not.toContain('the-only-key');
    expect(asked).toEqual([fingerprint]);
    expect(domain.budgetFor(fingerprint)).toBe(domain.budget);
    expect(() => domain.budgetFor('unknown')).toThrow('no vendor key with fingerprint unknown');
  });

  it('returns the tick steps in their order', () => {
    db = openDb(':memory:');
    const domain = build(db, { fingerprints: () => ['k'], clientFor: () => vendor, learn: () => 'k', forget: () => {} });
    expect(domain.steps.map((step) => step.name)).toEqual(['poll-starved', 'submit', 'poll', 'deliver']);
  });
});
