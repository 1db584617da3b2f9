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
    timing: { shotMinMs: 120_000, shotMaxMs: 300_000, pollIntervalMs: 30_000, pollMaxIntervalMs: 300_000, pollBatchSize: 50, generationGraceMs: 1_800_000, queueMaxWaitMs: 21_600_000, queueMaxTextWaitMs: 86_400_000, deliveryRetryMs: 30_000 },
    rateLimit: { limit: 100, windowMs: 3_600_000, pollReserve: 12, submitReserve: 5, burst: 20 },
    quota: { budget: 300, period: 'week', memberCap: null, confirmThreshold: 30 },
    operator: { ...noOperatorLimits, emptyAccountRetryMs: 900_000, unknownOutcomePause: 3 },
    members: { activeLimit: 3, duplicateWindowMs: 10_000, failureLimit: 5 },
    videoFiles: { enabled: true, concurrency: 2, retries: 3 },
    promptRetentionDays: null,
    alertOperator: () => undefined,
    moderationPosts: { showApproval: unused, showLog: unused },
    approvalTtlMs: 86_400_000,
    log: silentLogger,
  });
}

describe('the composition root', () => {
  let db: Db | undefined;
  afterEach(() => {
    if (db) closeDb(db);
    db = undefined;
  });

  it("looks each key's client up by its fingerprint and gives every key its own request budget", () => {
    db = openDb(':memory:');
    const [first, second] = [fingerprintOf('the-first-key'), fingerprintOf('the-second-key')];
    const asked: string[] = [];
    const domain = build(db, {
      fingerprints: () => [first, second],
      clientFor: (wanted) => (asked.push(wanted), vendor),
      learn: () => first,
      forget: () => {},
    });
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect(first).not.toContain('the-first-key');
    expect(asked).toEqual([first, second]);
    expect(domain.pool.fingerprints()).toEqual([first, second]);
    expect(domain.pool.get(first)!.budget).not.toBe(domain.pool.get(second)!.budget);
    expect(domain.pool.get('unknown')).toBeUndefined();
  });

  it('refuses to start without any key', () => {
    db = openDb(':memory:');
    expect(() => build(db!, { fingerprints: () => [], clientFor: () => vendor, learn: () => 'k', forget: () => {} })).toThrow('no vendor API key');
  });

  it('returns the tick steps in their order', () => {
    db = openDb(':memory:');
    const domain = build(db, { fingerprints: () => ['k'], clientFor: () => vendor, learn: () => 'k', forget: () => {} });
    expect(domain.steps.map((step) => step.name)).toEqual(['moderation', 'poll-starved', 'submit', 'poll', 'deliver', 'erase']);
  });
});
