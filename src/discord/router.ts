import { randomUUID } from 'node:crypto';
import type { Interaction, RepliableInteraction } from 'discord.js';
import { UserFacingError } from '../domain/errors.js';
import type { Logger } from '../log.js';
import type { Command, ComponentHandler, RouterDeps } from './commandTypes.js';
import { splitCustomId } from './customIds.js';
import { refusalText } from './render/refusal.js';
import { memberSpeaker, replyPrivately } from './replies.js';

/**
 * Dispatches slash commands, buttons and modal submissions (the last two by custom-id prefix), and
 * autocompletion. Expected refusals become the member's private answer; anything else is logged
 * with a reference the member can quote. In a server the operator did not enable, every command
 * answers the same one sentence, and nothing else happens.
 */
export function createInteractionRouter<D extends RouterDeps>(commands: readonly Command<D>[], deps: D, log: Logger) {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  const buttons = byPrefix(commands.flatMap((command) => command.buttons ?? []));
  const modals = byPrefix(commands.flatMap((command) => command.modals ?? []));

  async function dispatchByPrefix<I extends RepliableInteraction & { customId: string }>(
    handlers: ReadonlyMap<string, ComponentHandler<I, D>>,
    interaction: I,
    context: Record<string, unknown>,
    kind: 'button' | 'modal',
  ): Promise<void> {
    const { prefix, subject } = splitCustomId(interaction.customId);
    const handler = handlers.get(prefix);
    if (!handler) {
      log.debug({ ...context, [kind]: prefix }, 'no handler for this custom id');
      return;
    }
    const run = enabled(interaction) ? () => handler.execute(interaction, subject, deps) : notEnabled;
    await runSafely(interaction, { ...context, [kind]: prefix }, run);
  }

  const enabled = (interaction: Interaction, command?: Command<D>) =>
    command?.anyServer === true || interaction.guildId === null || deps.operator.rules.allows(interaction.guildId);
  const notEnabled = async () => {
    throw new UserFacingError('guild_not_enabled');
  };

  async function runSafely(interaction: RepliableInteraction, context: Record<string, unknown>, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const say = memberSpeaker(interaction);
      let content: string;
      if (error instanceof UserFacingError) {
        log.info({ ...context, code: error.code }, 'request refused');
        content = refusalText(error, say);
      } else {
        const reference = randomUUID().slice(0, 8);
        log.error({ ...context, reference, err: error }, 'interaction failed');
        content = say('error.internal', { reference });
      }
      await replyPrivately(interaction, { content }).catch((replyError: unknown) =>
        log.warn({ ...context, err: replyError }, 'could not tell the member about an error'),
      );
    }
  }

  return async (interaction: Interaction): Promise<void> => {
    const context = { interactionId: interaction.id, guildId: interaction.guildId, userId: interaction.user.id };
    if (interaction.isChatInputCommand()) {
      const command = byName.get(interaction.commandName);
      if (!command) return;
      const subcommand = interaction.options.getSubcommand(false);
      const run = enabled(interaction, command) ? () => command.execute(interaction, deps) : notEnabled;
      await runSafely(interaction, { ...context, command: interaction.commandName, subcommand }, run);
    } else if (interaction.isButton()) {
      await dispatchByPrefix(buttons, interaction, context, 'button');
    } else if (interaction.isModalSubmit()) {
      await dispatchByPrefix(modals, interaction, context, 'modal');
    } else if (interaction.isAutocomplete()) {
      const command = byName.get(interaction.commandName);
      if (!command?.autocomplete) return;
      const suggest = enabled(interaction, command) ? command.autocomplete(interaction, deps) : interaction.respond([]);
      // Autocompletion has no reply to carry a refusal: a failure is only logged.
      await suggest.catch((error: unknown) => log.warn({ ...context, command: interaction.commandName, err: error }, 'autocomplete failed'));
    }
  };
}

function byPrefix<H extends { prefix: string }>(handlers: H[]): Map<string, H> {
  const map = new Map<string, H>();
  for (const handler of handlers) {
    if (map.has(handler.prefix)) throw new Error(`two handlers for the custom id prefix ${handler.prefix}`);
    map.set(handler.prefix, handler);
  }
  return map;
}
