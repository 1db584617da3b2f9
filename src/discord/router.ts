import { randomUUID } from 'node:crypto';
import type { Interaction } from 'discord.js';
import type { Command, CommandDeps } from '../../commands/command.js';
import { UserFacingError } from '../domain/errors.js';
import type { Logger } from '../log.js';
import { replyPrivately } from './replies.js';

/**
 * Dispatches interactions to commands. Expected refusals become the member's private answer;
 * anything else is logged with a reference the member can quote.
 */
export function createInteractionRouter(commands: readonly Command[], deps: CommandDeps, log: Logger) {
  const byName = new Map(commands.map((command) => [command.data.name, command]));

  return async (interaction: Interaction): Promise<void> => {
    if (!interaction.isChatInputCommand()) return;
    const command = byName.get(interaction.commandName);
    if (!command) return;
    const context = {
      command: interaction.commandName,
      subcommand: interaction.options.getSubcommand(false),
      interactionId: interaction.id,
      guildId: interaction.guildId,
      userId: interaction.user.id,
    };
    try {
      await command.execute(interaction, deps);
    } catch (error) {
      let content: string;
      if (error instanceof UserFacingError) {
        log.info({ ...context, code: error.code }, 'request refused');
        content = error.message;
      } else {
        const reference = randomUUID().slice(0, 8);
        log.error({ ...context, reference, err: error }, 'command failed');
        content = `Something went wrong on our side (reference \`${reference}\`). Please try again later.`;
      }
      await replyPrivately(interaction, { content }).catch((replyError: unknown) =>
        log.warn({ ...context, err: replyError }, 'could not tell the member about an error'),
      );
    }
  };
}
