import type { ApplicationCommand, Client } from 'discord.js';
import type { Command } from '../../commands/command.js';
import type { Logger } from '../log.js';

// discord.js compares raw command JSON fine; its type only lacks exactOptionalPropertyTypes.
type Comparable = Parameters<ApplicationCommand['equals']>[0];

/**
 * Registers the slash commands only when Discord's copy differs: registration is rate limited,
 * and an unchanged PUT would still reset clients' command caches.
 */
export async function registerCommands(
  client: Client<true>,
  commands: readonly Command[],
  guildId: string | undefined,
  log: Logger,
): Promise<'updated' | 'unchanged'> {
  const manager = client.application.commands;
  // Discord leaves the localizations out of a listing unless asked, and they are compared too.
  const existing = await manager.fetch({ ...(guildId ? { guildId } : {}), withLocalizations: true });
  const wanted = commands.map((command) => command.data);
  const unchanged =
    existing.size === wanted.length &&
    wanted.every((data) => existing.find((command) => command.name === data.name)?.equals(data as Comparable, true) ?? false);
  if (unchanged) {
    log.info({ scope: guildId ?? 'global', count: wanted.length }, 'slash commands unchanged');
    return 'unchanged';
  }
  if (guildId) await manager.set(wanted, guildId);
  else await manager.set(wanted);
  log.info({ scope: guildId ?? 'global', count: wanted.length }, 'slash commands registered');
  return 'updated';
}
