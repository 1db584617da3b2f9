import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createPrivateFile, type Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { createTimerLoop, type Timers } from '../timerLoop.js';

export interface BackupOptions {
  db: Db;
  databasePath: string;
  dir: string;
  intervalMs: number;
  /** How many of the newest backups are kept; older ones are deleted. */
  keep: number;
  clock: Clock;
  timers?: Timers;
  log: Logger;
}

export interface Backups {
  start(): void;
  /** Backs up now, or joins the backup in flight; never throws (a failure is logged). */
  backUp(): Promise<void>;
  /** Stops the timer and waits for the backup in flight. */
  stop(): Promise<void>;
}

// 2026-11-29T23:30:00.000Z → 20261129T233000000Z: sorts by name, and reads back into the time.
const stampOf = (at: Date) => at.toISOString().replace(/[-:.]/g, '');
const stampPattern = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;
const takenAtOf = (stamp: string) => (stampPattern.test(stamp) ? Date.parse(stamp.replace(stampPattern, '$1-$2-$3T$4:$5:$6.$7Z')) : NaN);

/**
 * Online copies of the live database through SQLite's backup API (safe while the bot writes),
 * each readable by its owner only, named `<database>-<UTC timestamp>.db`.
 */
export function createBackups({ db, databasePath, dir, intervalMs, keep, clock, timers, log }: BackupOptions): Backups {
  const prefix = `${basename(databasePath, extname(databasePath))}-`;
  let inFlight: Promise<void> | undefined;

  const ours = () => {
    try {
      return readdirSync(dir).filter((file) => file.startsWith(prefix));
    } catch {
      return [];
    }
  };

  /** Backups in the folder, oldest first, with the time in their name. */
  function existing(): { file: string; takenAt: number }[] {
    return ours()
      .filter((file) => file.endsWith('.db'))
      .map((file) => ({ file, takenAt: takenAtOf(file.slice(prefix.length, -'.db'.length)) }))
      .filter((backup) => Number.isFinite(backup.takenAt))
      .sort((a, b) => a.file.localeCompare(b.file));
  }

  async function run(): Promise<void> {
    const startedAt = clock.now();
    const target = join(dir, `${prefix}${stampOf(startedAt)}.db`);
    // Written under another name first: a backup cut off half-way is never mistaken for one.
    const partial = `${target}.partial`;
    try {
      createPrivateFile(partial);
      await db.$client.backup(partial);
      renameSync(partial, target);
      const old = existing().slice(0, -keep);
      for (const { file } of old) rmSync(join(dir, file), { force: true });
      log.info({ file: target, durationMs: clock.now().getTime() - startedAt.getTime(), deleted: old.length }, 'database backed up');
    } catch (error) {
      try {
        rmSync(partial, { force: true });
      } catch {
        // the folder itself is unusable; the error below says why
      }
      log.error({ err: error, dir }, 'database backup failed; trying again at the next interval');
    }
  }

  function backUp(): Promise<void> {
    inFlight ??= run().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  const loop = createTimerLoop({ run: backUp, intervalMs, ...(timers ? { timers } : {}) });
  let started = false;

  return {
    start() {
      if (started) return;
      started = true;
      // Cut off by a kill mid-backup; only this process backs up this database (the instance lock).
      for (const file of ours().filter((name) => name.endsWith('.partial'))) rmSync(join(dir, file), { force: true });
      // Counted from the newest backup, so neither frequent restarts skip backups nor a restart
      // loop replaces the good ones with copies taken a minute apart.
      const newest = existing().at(-1)?.takenAt;
      const dueInMs = newest === undefined ? 0 : newest + intervalMs - clock.now().getTime();
      loop.start(Math.min(intervalMs, Math.max(0, dueInMs)));
    },
    backUp,
    async stop() {
      started = false;
      loop.stop();
      await inFlight;
    },
  };
}
