import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createPrivateFile } from '../../db/client.js';
import { InstanceLockedError, acquireInstanceLock } from './instanceLock.js';

/** A restore that was not done, in one sentence for the operator; the database is untouched. */
export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
}

const sameFile = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/** SQLite's own quick check of a copy, so a truncated or foreign file never replaces the database. */
function checkCopy(path: string): void {
  let copy: Database.Database | undefined;
  try {
    copy = new Database(path, { fileMustExist: true });
    const result = copy.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(String(result));
    if (!copy.prepare("select 1 from sqlite_master where type = 'table' and name = 'generations'").get()) throw new Error('it holds no generations table');
  } catch (error) {
    throw new RestoreRefusedError(`The backup is not a usable database of this bot (${error instanceof Error ? error.message : String(error)}); nothing was changed.`);
  } finally {
    copy?.close();
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
  }
}

/**
 * Puts a backup in the database's place, only while no bot holds the database: copied beside it
 * under another name, checked, then renamed over it, so the database is at every moment either
 * the old one or the whole backup. The old database's `-wal` and `-shm` go first: left beside the
 * backup, SQLite would read them as its own.
 */
export function restoreBackup(backupPath: string, databasePath: string): void {
  if (databasePath === ':memory:') throw new RestoreRefusedError('DATABASE_PATH is :memory:; there is no database file to restore.');
  if (!existsSync(backupPath)) throw new RestoreRefusedError(`Cannot read the backup ${backupPath} (ENOENT); nothing was changed.`);
  if (sameFile(backupPath, databasePath)) throw new RestoreRefusedError(`${backupPath} is the database itself; name a backup.`);
  let lock;
  try {
    lock = acquireInstanceLock(databasePath);
  } catch (error) {
    if (!(error instanceof InstanceLockedError)) throw error;
    throw new RestoreRefusedError(`A bot is running on the database ${databasePath}; stop it first, then restore. Nothing was changed.`);
  }
  const partial = `${databasePath}.restoring`;
  try {
    createPrivateFile(partial);
    try {
      copyFileSync(backupPath, partial);
    } catch (error) {
      throw new RestoreRefusedError(`Cannot read the backup ${backupPath} (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was changed.`);
    }
    chmodSync(partial, 0o600);
    checkCopy(partial);
    const fd = openSync(partial, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    rmSync(`${databasePath}-wal`, { force: true });
    rmSync(`${databasePath}-shm`, { force: true });
    renameSync(partial, databasePath);
  } finally {
    rmSync(partial, { force: true });
    lock.release();
  }
}
