import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readDatabase, spawnChildBot, startChildWorld, type ChildWorld } from '../support/childBot.js';

/** One bot per database: a second would double the polls and could submit a video twice. */
describe('one bot per database', () => {
  let world: ChildWorld;
  afterEach(async () => world?.close());

  const secondBot = () => spawnChildBot({ discordUrl: world.discord.restUrl, apiUrl: world.api.url, databasePath: world.databasePath });

  it('refuses a second bot on the same database in one sentence naming it, before it logs in', async () => {
    world = await startChildWorld();
    await world.start();
    const identifiesBefore = world.discord.identifies().length;
    const second = secondBot();
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.lines).toEqual([
      `Another bot is already running on the database ${world.databasePath}; stop it first, or give this one its own DATABASE_PATH.`,
    ]);
    expect(world.discord.identifies()).toHaveLength(identifiesBefore);
    expect(world.bot.alive()).toBe(true);
    // The lock lives in its own file: a backup or copy of the database carries none of it.
    expect(existsSync(`${world.databasePath}.lock`)).toBe(true);
    expect(existsSync(`${world.databasePath}.lock-journal`)).toBe(false);
  });

  it('takes over at once from a bot killed without cleanup, and again after a clean stop', async () => {
    world = await startChildWorld();
    await world.start();
    world.bot.kill('SIGKILL');
    expect((await world.bot.exited).signal).toBe('SIGKILL');
    await world.start();
    world.prompt('a fox in the snow');
    await world.discord.waitFor(() => readDatabase(world.databasePath).generations[0]?.state === 'completed');
    world.bot.kill('SIGTERM');
    expect((await world.bot.exited).code).toBe(0);
    await world.start();
    expect(world.bot.alive()).toBe(true);
  });
});
