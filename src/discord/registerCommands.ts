import type { ApplicationCommand, Client } from 'discord.js';
import type { Logger } from '../log.js';
import type { CommandDefinition } from './commandTypes.js';

// discord.js compares raw command JSON fine; its type only lacks exactOptionalPropertyTypes.
type Comparable = Parameters<ApplicationCommand['equals']>[0];

/**
 * Registers the slash commands only when Discord's copy differs: registration is rate limited,
 * and an unchanged PUT would still reset clients' command caches.
 */
export async function registerCommands(
  client: Client<true>,
  commands: readonly CommandDefinition[],
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

/**
 * Every server's commands globally (or in DISCORD_GUILD_ID), `/veo-operator` in the operator's
 * server only; both in one list when they are the same server (a PUT replaces a server's list).
 */
export async function registerAllCommands(
  client: Client<true>,
  scopes: {
    memberCommands: readonly CommandDefinition[];
    operatorCommands: readonly CommandDefinition[];
    memberGuildId: string | undefined;
    operatorGuildId: string | undefined;
  },
  log: Logger,
): Promise<void> {
  const { memberCommands, operatorCommands, memberGuildId, operatorGuildId } = scopes;
  const together = operatorGuildId !== undefined && operatorGuildId === memberGuildId;
  await registerCommands(client, together ? [...memberCommands, ...operatorCommands] : memberCommands, memberGuildId, log);
  if (operatorGuildId === undefined || together) return;
  try {
    await registerCommands(client, operatorCommands, operatorGuildId, log);
  } catch (error) {
    // A bot not (yet) in the operator's server still serves every other server.
    log.error({ err: error, operatorGuildId }, 'could not register /veo-operator: is the bot in OPERATOR_GUILD_ID?');
  }
}
