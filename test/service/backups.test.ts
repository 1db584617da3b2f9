import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { ManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/log.js';
import type { Timers } from '../../src/timerLoop.js';
import { createBackups, type BackupOptions } from '../../src/service/backups.js';
import { ledgerRows, quotaOn, submit, type Quota } from '../domain/quota/quotaFixture.js';

const guildId = '100000000000000001';
const alice = { guildId, userId: '200000000000000001', roleIds: [] as string[] };
const bob = { guildId, userId: '200000000000000002', roleIds: [] as string[] };
const hour = 3_600_000;

/** Timers that fire only when the test says so. */
function manualTimers() {
  const pending: { callback: () => void; ms: number }[] = [];
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const entry = { callback, ms };
      pending.push(entry);
      return entry;
    },
    clearTimeout: (handle) => pending.splice(pending.indexOf(handle as (typeof pending)[number]) >>> 0, 1),
  };
  return { timers, pending };
}

let dir: string;
let db: Db;
let clock: ManualClock;
let logs: { msg: string; [field: string]: unknown }[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'veo-backup-'));
  db = openDb(join(dir, 'data', 'veo-bot.db'));
  clock = new ManualClock(Date.UTC(2026, 10, 18, 12));
  logs = [];
});

afterEach(() => {
  closeDb(db);
  rmSync(dir, { recursive: true, force: true });
});

function backups(options: Partial<BackupOptions> = {}) {
  const { timers, pending } = manualTimers();
  const log = createLogger({ write: (line) => logs.push(JSON.parse(line) as (typeof logs)[number]) });
  const service = createBackups({ db, databasePath: join(dir, 'data', 'veo-bot.db'), dir: join(dir, 'backups'), intervalMs: 6 * hour, keep: 3, clock, timers, log, ...options });
  /** Fires the due timer after its delay and waits for the backup it started. */
  async function fire(): Promise<void> {
    const next = pending.shift();
    if (!next) throw new Error('no backup scheduled');
    clock.advance(next.ms);
    next.callback();
    await service.backUp();
  }
  return { service, pending, fire };
}

const backupFiles = () => readdirSync(join(dir, 'backups')).sort();

describe('database backups', () => {
  it('restores to a database whose ledger balances, row for row', async () => {
    const quota: Quota = quotaOn({ db, clock, defaults: { budget: 300, period: 'week', memberCap: null, confirmThreshold: 30 } });
    const settled = submit(db, quota, clock, alice, 30);
    quota.ledger.settle(settled, 30);
    quota.ledger.refund(settled, 10, 'shot 2 failed');
    const released = submit(db, quota, clock, bob, 14);
    quota.ledger.release(released, 'the API refused it');
    submit(db, quota, clock, bob, 10);
    quota.admin.adjust(guildId, alice.userId, 5, 'the video came out broken', '900000000000000001');
    const before = { rows: ledgerRows(db), usage: quota.admin.usage(guildId) };

    await backups().service.backUp();
    // The README's restore: stop the bot, copy the backup over DATABASE_PATH, start.
    const [file] = backupFiles();
    const restoredPath = join(dir, 'restored', 'veo-bot.db');
    mkdirSync(join(dir, 'restored'));
    copyFileSync(join(dir, 'backups', file!), restoredPath);
    const restored = openDb(restoredPath);
    try {
      const restoredQuota = quotaOn({ db: restored, clock, defaults: { budget: 300, period: 'week', memberCap: null, confirmThreshold: 30 } });
      expect(ledgerRows(restored)).toEqual(before.rows);
      const usage = restoredQuota.admin.usage(guildId);
      expect(usage).toEqual(before.usage);
      const { settled: s, refunded, open, adjusted } = usage.breakdown;
      expect(usage.used).toBe(s - refunded + open + adjusted);
      expect(usage.breakdown).toEqual({ settled: 30, refunded: 10, open: 10, adjusted: -5 });
    } finally {
      closeDb(restored);
    }
  });

  it('backs up at once when none exists, then every interval, named by time, private, keeping the newest', async () => {
    const { service, pending, fire } = backups();
    service.start();
    expect(pending.map((p) => p.ms)).toEqual([0]);
    const taken: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await fire();
      taken.push(`veo-bot-${clock.now().toISOString().replace(/[-:.]/g, '')}.db`);
      expect(pending.map((p) => p.ms)).toEqual([6 * hour]);
    }
    expect(backupFiles()).toEqual(taken.slice(-3));
    expect(taken[1]).toBe('veo-bot-20261118T180000000Z.db');
    expect(statSync(join(dir, 'backups')).mode & 0o777).toBe(0o700);
    for (const file of backupFiles()) expect(statSync(join(dir, 'backups', file)).mode & 0o777).toBe(0o600);
    await service.stop();
    expect(pending).toEqual([]);
  });

  it('counts the next backup from the newest one, so restarts neither skip nor churn backups', async () => {
    await backups().service.backUp();
    clock.advance(hour);
    const cutOff = join(dir, 'backups', 'veo-bot-20261118T123000000Z.db.partial');
    writeFileSync(cutOff, 'half a database, from a bot killed mid-backup');
    const { service, pending } = backups();
    service.start();
    expect(pending.map((p) => p.ms)).toEqual([5 * hour]);
    expect(existsSync(cutOff)).toBe(false);
    await service.stop();
  });

  it('logs a failing backup, leaves no partial file, and tries again at the next interval', async () => {
    writeFileSync(join(dir, 'backups'), 'a file where the folder should be');
    const { service, pending, fire } = backups();
    service.start();
    await fire();
    expect(logs.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual(['database backup failed; trying again at the next interval']);
    expect(pending.map((p) => p.ms)).toEqual([6 * hour]);

    rmSync(join(dir, 'backups'));
    await fire();
    expect(backupFiles()).toHaveLength(1);
    expect(backupFiles()[0]).toMatch(/^veo-bot-\d{8}T\d{9}Z\.db$/);
    expect(existsSync(join(dir, 'backups', `${backupFiles()[0]!}.partial`))).toBe(false);
    expect(logs.at(-1)?.msg).toBe('database backed up');
    await service.stop();
  });
});
