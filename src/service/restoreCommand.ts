import { existsSync } from 'node:fs';
import { DEFAULT_DATABASE_PATH } from '../config.js';
import { RestoreRefusedError, restoreBackup } from './restore.js';

/**
 * `npm run restore -- <backup file>` (or `node dist/src/service/restoreCommand.js <backup file>`
 * where only the build is installed): puts a backup in the place of DATABASE_PATH, refusing while
 * a bot runs on it.
 */
if (existsSync('.env')) process.loadEnvFile('.env');
const databasePath = process.env['DATABASE_PATH']?.trim() || DEFAULT_DATABASE_PATH;
const [backupPath, ...extra] = process.argv.slice(2);

if (!backupPath || extra.length > 0) {
  console.error('Usage: npm run restore -- <backup file>   (restores it over DATABASE_PATH; stop the bot first)');
  process.exit(2);
}
try {
  restoreBackup(backupPath, databasePath);
  console.log(`Restored ${backupPath} over ${databasePath}. Start the bot; videos requested after the backup was taken are unknown to it.`);
} catch (error) {
  if (!(error instanceof RestoreRefusedError)) throw error;
  console.error(error.message);
  process.exit(1);
}
