import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Opens (creating if needed) the database, applies the committed migrations and returns it.
 * `:memory:` gives a private in-memory database with the same schema, for tests.
 */
export function openDb(path: string): Db {
  if (path !== ':memory:') createPrivateFile(path);
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Erased prompts and links are overwritten on disk, not left in free space for the next backup to copy.
  sqlite.pragma('secure_delete = ON');
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder });
  return db;
}

/**
 * Runs `work` in one immediate (write-locking) transaction. It must be synchronous: an async
 * callback would let the transaction commit before its awaits finish. Nested calls become
 * savepoints of the outer transaction.
 */
export function inTransaction<T>(db: Db, work: () => T): T {
  return db.$client.transaction(work).immediate();
}

/** Runs reads in one deferred transaction: in WAL mode that is one consistent snapshot. */
export function inSnapshot<T>(db: Db, work: () => T): T {
  return db.$client.transaction(work).deferred();
}

/** Closes the database; closing it again does nothing. */
export function closeDb(db: Db): void {
  if (db.$client.open) db.$client.close();
}

// The database holds members' prompts and the ledger: it, its lock and its backups are readable by their owner only.
export function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}
