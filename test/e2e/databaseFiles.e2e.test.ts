import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readDatabase, startChildWorld, waitUntilAllDelivered, type ChildWorld } from '../support/childBot.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run restore -- <file>` as the operator types it, with only DATABASE_PATH set. */
function restore(backup: string, databasePath: string) {
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATABASE_PATH: databasePath };
  const result = spawnSync('npm', ['run', '--silent', 'restore', '--', backup], { cwd: projectRoot, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('the files beside the database', () => {
  let world: ChildWorld;
  afterEach(async () => world?.close());

  it('keeps downloads in a folder named after the database, emptied at start, and leaves other bots’ folders alone', async () => {
    world = await startChildWorld();
    const data = dirname(world.databasePath);
    const ours = `${world.databasePath}.videos-in-flight`;
    // Left by a crash of this bot; and the folders of a bot on another database in the same folder (old and new names).
    for (const folder of [ours, join(data, 'other.db.videos-in-flight'), join(data, 'videos-in-flight')]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'download.mp4'), 'half a video');
    }
    await world.start();
    expect(existsSync(join(ours, 'download.mp4'))).toBe(false);

    const interaction = world.prompt('a heron on one leg');
    await waitUntilAllDelivered(world);
    expect(interaction.original()?.attachments).toHaveLength(1);
    expect(readdirSync(join(data, 'other.db.videos-in-flight'))).toEqual(['download.mp4']);
    expect(readdirSync(join(data, 'videos-in-flight'))).toEqual(['download.mp4']);
  });

  it('restores a backup with npm run restore only once the bot stopped', async () => {
    world = await startChildWorld();
    const backups = join(dirname(world.databasePath), 'backups');
    // The first backup is taken at start, before any video.
    await world.start({ BACKUP_DIR: backups });
    await world.bot.waitForLog((entry) => entry.msg === 'database backed up');
    const [backup] = readdirSync(backups);
    world.prompt('a lantern on a jetty');
    expect((await waitUntilAllDelivered(world)).generations).toHaveLength(1);

    const backupPath = join(backups, backup!);
    expect(restore(backupPath, world.databasePath)).toEqual({
      status: 1,
      stdout: '',
      stderr: `A bot is running on the database ${world.databasePath}; stop it first, then restore. Nothing was changed.`,
    });
    expect(readDatabase(world.databasePath).generations).toHaveLength(1);

    world.bot.kill('SIGTERM');
    expect((await world.bot.exited).code).toBe(0);
    expect(restore(backupPath, world.databasePath)).toMatchObject({ status: 0, stderr: '', stdout: expect.stringMatching(/^Restored .+ over .+bot\.db\. Start the bot/) });
    expect(existsSync(`${world.databasePath}-wal`)).toBe(false);
    expect(readDatabase(world.databasePath).generations).toEqual([]);

    await world.start();
    expect(world.bot.alive()).toBe(true);
  });
});
