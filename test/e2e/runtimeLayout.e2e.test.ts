import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultRestOptions } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startChildWorld, waitUntilAllDelivered, type ChildWorld } from '../support/childBot.js';
import { startCommandArgs } from '../support/startCommand.js';

/**
 * The container's runtime stage without a container engine: the built output, the package files
 * and the installed modules pruned to production ones (as the Dockerfile does), run with plain node.
 */
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
};

describe('the runtime layout: dist/ and production dependencies only', () => {
  let app: string;
  let world: ChildWorld | undefined;

  beforeAll(() => {
    run('npm', ['run', 'build'], projectRoot);
    app = mkdtempSync(join(tmpdir(), 'veo-runtime-'));
    for (const entry of ['package.json', 'package-lock.json', 'dist', 'node_modules']) cpSync(join(projectRoot, entry), join(app, entry), { recursive: true });
    // Offline and without install scripts: the native module built once is kept, as in the image.
    run('npm', ['prune', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], app);
  }, 180_000);

  afterAll(async () => {
    await world?.close();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('holds no dev dependency and no source', () => {
    for (const dev of ['typescript', 'tsx', 'vitest', 'drizzle-kit']) expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'better-sqlite3'))).toBe(true);
    expect(existsSync(join(app, 'dist', 'db', 'migrations', 'meta', '_journal.json'))).toBe(true);
    expect(existsSync(join(app, 'dist', 'test'))).toBe(false);
  });

  it('refuses to start without settings, naming each missing one', () => {
    const result = spawnSync(process.execPath, startCommandArgs(projectRoot), { cwd: app, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DISCORD_TOKEN is missing[\s\S]*NANOPHOTO_API_KEY or NANOPHOTO_API_KEYS is missing/);
  });

  it('runs the image and the systemd unit the way npm start runs the bot: node itself, same flags', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(projectRoot, 'Dockerfile'), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...startCommandArgs(projectRoot)]);
    expect(readFileSync(join(projectRoot, 'README.md'), 'utf8')).toContain(`ExecStart=/usr/bin/node ${startCommandArgs(projectRoot).join(' ')}\n`);
  });

  // In flight at a stop: a command's defer, generate, reply edit and credits note (README, Stopping).
  it('gives the bot longer to stop than its longest shutdown, in compose and in the systemd unit', () => {
    const restCallMs = DefaultRestOptions.timeout * (1 + DefaultRestOptions.retries);
    const longestMs = loadConfig({ DISCORD_TOKEN: 'x', NANOPHOTO_API_KEY: 'y' }).nanophoto.timeoutMs + 3 * restCallMs;
    expect(longestMs).toBe(210_000);
    const compose = /stop_grace_period: (\d+)m/.exec(readFileSync(join(projectRoot, 'compose.yaml'), 'utf8'))?.[1];
    const unit = /^TimeoutStopSec=(\d+)$/m.exec(readFileSync(join(projectRoot, 'README.md'), 'utf8'))?.[1];
    expect(Number(compose) * 60_000).toBeGreaterThan(longestMs);
    expect(Number(unit) * 1000).toBeGreaterThan(longestMs);
  });

  it('starts with plain node, reaches READY and delivers a video', async () => {
    world = await startChildWorld({ entry: { cwd: app, args: startCommandArgs(projectRoot) } });
    await world.start();
    const interaction = world.prompt('a lighthouse in the fog');
    const db = await waitUntilAllDelivered(world);
    expect(db.generations.map((g) => g.state)).toEqual(['completed']);
    expect(interaction.original()?.attachments).toHaveLength(1);
    world.bot.kill('SIGTERM');
    expect(await world.bot.exited).toEqual({ code: 0, signal: null });
  });
});
