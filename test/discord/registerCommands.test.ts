import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, memberCommands, operatorCommands } from '../../commands/index.js';
import type { Command } from '../../commands/command.js';
import { registerAllCommands, registerCommands } from '../../src/discord/registerCommands.js';
import { silentLogger } from '../../src/log.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord/index.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.fake.register-test-token';
const GUILD = '100000000000000001';
const OPERATOR_GUILD = '100000000000000009';

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

async function connect(): Promise<{ fake: FakeDiscord; client: Client<true> }> {
  fake = await startFakeDiscord({ botToken: TOKEN, guilds: [{ id: GUILD }, { id: OPERATOR_GUILD }] });
  const bot = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl } });
  client = bot;
  const ready = once(bot, Events.ClientReady);
  await bot.login(TOKEN);
  await ready;
  return { fake, client: bot as Client<true> };
}

/** The commands with one German word changed, as a new translation would change them. */
function withGermanDescription(description: string): Command[] {
  return commands.map((command) =>
    command.data.name === 'veo'
      ? { ...command, data: { ...command.data, description_localizations: { ...command.data.description_localizations, de: description } } }
      : command,
  );
}

describe('registerCommands', () => {
  it('registers the localised commands once, and again only when a translation changed', async () => {
    const { fake, client } = await connect();
    expect(await registerCommands(client, commands, GUILD, silentLogger)).toBe('updated');
    expect(await registerCommands(client, commands, GUILD, silentLogger)).toBe('unchanged');
    expect(fake.registeredCommands(GUILD)).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'veo', description_localizations: expect.objectContaining({ ja: expect.any(String) }) })]),
    );

    expect(await registerCommands(client, withGermanDescription('Kurze Videos mit Veo'), GUILD, silentLogger)).toBe('updated');
    expect(await registerCommands(client, withGermanDescription('Kurze Videos mit Veo'), GUILD, silentLogger)).toBe('unchanged');
    expect(fake.commandPuts(GUILD)).toBe(2);
  });

  it('is refused by Discord when a translation outgrows a description', async () => {
    const { client } = await connect();
    await expect(registerCommands(client, withGermanDescription('x'.repeat(101)), GUILD, silentLogger)).rejects.toThrow(/100/);
  });

  it('registers the lists the app hands it: the operator\'s command in its own server, or with the others when it is the same one', async () => {
    const { fake, client } = await connect();
    const names = (guildId: string) => fake.registeredCommands(guildId).map((command) => (command as { name: string }).name).sort();

    await registerAllCommands(client, { memberCommands, operatorCommands, memberGuildId: GUILD, operatorGuildId: OPERATOR_GUILD }, silentLogger);
    expect(names(GUILD)).toEqual(['veo', 'veo-admin']);
    expect(names(OPERATOR_GUILD)).toEqual(['veo-operator']);

    await registerAllCommands(client, { memberCommands, operatorCommands, memberGuildId: OPERATOR_GUILD, operatorGuildId: OPERATOR_GUILD }, silentLogger);
    expect(names(OPERATOR_GUILD)).toEqual(['veo', 'veo-admin', 'veo-operator']);
  });
});
