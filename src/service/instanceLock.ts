import Database from 'better-sqlite3';
import { createPrivateFile } from '../../db/client.js';

/** The bot's hold on its database, released on clean shutdown and by the OS when the process dies. */
export interface InstanceLock {
  path: string;
  release(): void;
}

export class InstanceLockedError extends Error {
  override readonly name = 'InstanceLockedError';
}

export const lockPathFor = (databasePath: string) => `${databasePath}.lock`;

/**
 * Takes `<database>.lock` with an SQLite exclusive transaction kept open for the process's life:
 * a second bot on the same database would double the polls and could submit a video twice. The
 * lock is the operating system's, so a process killed without cleanup leaves nothing to wait out,
 * and the empty lock file is never part of a backup.
 */
export function acquireInstanceLock(databasePath: string): InstanceLock {
  const path = lockPathFor(databasePath);
  // A private in-memory database (tests): no other process can open it.
  if (databasePath === ':memory:') return { path, release: () => {} };
  createPrivateFile(path);
  const lockDb = new Database(path, { timeout: 0 });
  try {
    lockDb.pragma('journal_mode = MEMORY');
    lockDb.pragma('locking_mode = EXCLUSIVE');
    lockDb.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lockDb.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new InstanceLockedError(`Another bot is already running on the database ${databasePath}; stop it first, or give this one its own DATABASE_PATH.`);
  }
  return { path, release: () => lockDb.close() };
}
