import type { ApplicationCommand, Client } from 'discord.js';
import type { Command } from '../../commands/command.js';
import type { Logger } from '../log.js';

// discord.js compares raw command JSON fine; its type only lacks exactOptionalPropertyTypes.
type Comparable = Parameters<ApplicationCommand['equals']>[0];

/** Commands and where they go: a server's id, or undefined for global. */
export interface CommandScope {
  guildId: string | undefined;
  commands: readonly Command[];
}

/**
 * Registers each scope's slash commands only when Discord's copy differs: registration is rate
 * limited, and an unchanged PUT would still reset clients' command caches. Scopes naming the same
 * server are registered together (a PUT replaces the server's whole list).
 */
export async function registerCommands(client: Client<true>, scopes: readonly CommandScope[], log: Logger): Promise<('updated' | 'unchanged')[]> {
  const merged = new Map<string | undefined, Command[]>();
  for (const { guildId, commands } of scopes) merged.set(guildId, [...(merged.get(guildId) ?? []), ...commands]);
  const results: ('updated' | 'unchanged')[] = [];
  for (const [guildId, commands] of merged) results.push(await registerScope(client, commands, guildId, log));
  return results;
}

async function registerScope(client: Client<true>, commands: readonly Command[], guildId: string | undefined, log: Logger): Promise<'updated' | 'unchanged'> {
  const manager = client.application.commands;
  const existing = guildId ? await manager.fetch({ guildId }) : await manager.fetch();
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
