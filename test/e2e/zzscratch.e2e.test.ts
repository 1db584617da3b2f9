import { afterEach, expect, it } from 'vitest';
import { killLeftoverChildren, startChildWorld, type ChildWorld } from '../support/childBot.js';

let world: ChildWorld;
afterEach(async () => { await killLeftoverChildren(); await world?.close(); });

it('scratch', async () => {
  const t0 = Date.now();
  world = await startChildWorld();
  await world.start();
  console.log('ready after', Date.now() - t0);
  const i = world.prompt('a fox || a hen');
  await world.discord.waitFor(() => i.original()?.content.startsWith('https://'), 10000);
  console.log('video after', Date.now() - t0);
  world.bot.kill('SIGTERM');
  console.log(await world.bot.exited, Date.now() - t0);
  console.log(world.allLines().join('\n'));
  expect(1).toBe(1);
});
