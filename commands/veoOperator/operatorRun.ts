import type { ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../../src/domain/errors.js';
import { replyPrivately } from '../../src/discord/replies.js';
import type { CommandDeps } from '../command.js';

export type OperatorRun = (interaction: ChatInputCommandInteraction, operatorId: string, deps: CommandDeps) => Promise<void>;

const SNOWFLAKE = /^\d{17,20}$/;

/** The `server` option: an id, which autocomplete fills from the servers' names. */
export function serverOption(interaction: ChatInputCommandInteraction): { guildId: string; name: string | null } {
  const value = interaction.options.getString('server', true).trim();
  if (!SNOWFLAKE.test(value)) throw new UserFacingError('invalid_server', { value });
  return { guildId: value, name: interaction.client.guilds.cache.get(value)?.name ?? null };
}

/** Logs an operator's change with who made it, then tells the operator what changed. */
export async function reportOperatorChange(
  interaction: ChatInputCommandInteraction,
  operatorId: string,
  deps: CommandDeps,
  change: Record<string, unknown>,
  content: string,
): Promise<void> {
  deps.log.info({ operatorId, ...change }, 'operator changed a rule');
  await replyPrivately(interaction, { content });
}
