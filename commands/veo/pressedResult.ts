import type { ButtonInteraction, Message, ModalSubmitInteraction } from 'discord.js';
import type { Generation } from '../../src/domain/generation.js';
import { generationIdOf, type Press } from '../../src/domain/resultActions.js';
import { requireGuild, type GuildButton, type GuildModalSubmit } from '../../src/discord/interactionInput.js';
import type { CommandDeps } from '../command.js';

/** The server and the message a result's button was pressed on; a Remix form carries the message it was opened from. */
export function pressOf(interaction: ButtonInteraction | ModalSubmitInteraction, guildId: string): Press {
  const message: Message | null = interaction.message;
  if (!message) return { guildId, message: null };
  return { guildId, message: { id: message.id, channelId: message.channelId, byBot: message.author.id === interaction.client.user.id } };
}

/**
 * The generation a result's button (or the Remix form it opened) names in its custom id, in the
 * presser's server, on one of its messages and still shown; otherwise the refusal that says why not.
 */
export function pressedResult(interaction: ButtonInteraction, subject: string, deps: CommandDeps): { member: GuildButton; generation: Generation };
export function pressedResult(interaction: ModalSubmitInteraction, subject: string, deps: CommandDeps): { member: GuildModalSubmit; generation: Generation };
export function pressedResult(interaction: ButtonInteraction | ModalSubmitInteraction, subject: string, deps: CommandDeps) {
  const member = requireGuild(interaction);
  return { member, generation: deps.results.find(generationIdOf(subject), pressOf(interaction, member.guildId)) };
}

/** The same for Again, Remix and Details, which also need the result's prompts and links still kept. */
export function pressedKeptResult(interaction: ButtonInteraction, subject: string, deps: CommandDeps): { member: GuildButton; generation: Generation };
export function pressedKeptResult(interaction: ModalSubmitInteraction, subject: string, deps: CommandDeps): { member: GuildModalSubmit; generation: Generation };
export function pressedKeptResult(interaction: ButtonInteraction | ModalSubmitInteraction, subject: string, deps: CommandDeps) {
  const member = requireGuild(interaction);
  return { member, generation: deps.results.findKept(generationIdOf(subject), pressOf(interaction, member.guildId)) };
}
