import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../db/client.js';
import { acquireInstanceLock } from '../../src/service/instanceLock.js';
import { RestoreRefusedError, restoreBackup } from '../../src/service/restore.js';
import { insertGeneration } from '../domain/quota/quotaFixture.js';

const member = { guildId: '100000000000000001', userId: '200000000000000001', roleIds: [] as string[] };
let dir: string;
let databasePath: string;
let backupPath: string;

const generationCount = (path: string) => {
  const db = openDb(path);
  try {
    return (db.$client.prepare('select count(*) as n from generations').get() as { n: number }).n;
  } finally {
    closeDb(db);
  }
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'veo-restore-'));
  databasePath = join(dir, 'veo-bot.db');
  backupPath = join(dir, 'veo-bot-20261129T030000000Z.db');
  const db = openDb(databasePath);
  insertGeneration(db, member, 10, new Date());
  await db.$client.backup(backupPath);
  insertGeneration(db, member, 10, new Date());
  closeDb(db);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('restoring a backup', () => {
  it('refuses while a bot holds the database, and changes nothing', () => {
    const lock = acquireInstanceLock(databasePath);
    const before = readFileSync(databasePath);
    try {
      expect(() => restoreBackup(backupPath, databasePath)).toThrow(
        new RestoreRefusedError(`A bot is running on the database ${databasePath}; stop it first, then restore. Nothing was changed.`),
      );
    } finally {
      lock.release();
    }
    expect(readFileSync(databasePath).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((file) => file.includes('restoring'))).toEqual([]);
  });

  it('puts the backup in place, private, without the replaced database’s -wal and -shm', () => {
    expect(generationCount(databasePath)).toBe(2);
    // What a bot killed mid-write leaves beside its database.
    writeFileSync(`${databasePath}-wal`, 'the replaced database’s log');
    writeFileSync(`${databasePath}-shm`, 'its index');
    restoreBackup(backupPath, databasePath);
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
    expect(existsSync(`${databasePath}-shm`)).toBe(false);
    expect(statSync(databasePath).mode & 0o777).toBe(0o600);
    expect(generationCount(databasePath)).toBe(1);
    expect(existsSync(backupPath)).toBe(true);
    expect(readdirSync(dir).filter((file) => file.includes('restoring') || file.endsWith('.lock-journal'))).toEqual([]);
  });

  it('refuses a file that is not a database of this bot, the database itself, or a missing file', () => {
    const before = readFileSync(databasePath);
    const notes = join(dir, 'notes.db');
    writeFileSync(notes, 'not a database at all, just some text that is long enough');
    expect(() => restoreBackup(notes, databasePath)).toThrow(/^The backup is not a usable database of this bot \(.+\); nothing was changed\.$/);
    expect(() => restoreBackup(databasePath, databasePath)).toThrow(RestoreRefusedError);
    expect(() => restoreBackup(join(dir, 'missing.db'), databasePath)).toThrow(/^Cannot read the backup .*missing\.db \(ENOENT\); nothing was changed\.$/);
    expect(readFileSync(databasePath).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((file) => file.includes('restoring'))).toEqual([]);
  });
});
