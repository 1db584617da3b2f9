import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { Generation } from '../../src/domain/generation.js';
import { generationIdOf } from '../../src/domain/resultActions.js';
import { requireGuild, type GuildButton, type GuildModalSubmit } from '../../src/discord/interactionInput.js';
import type { CommandDeps } from '../command.js';

/**
 * The generation a result's button (or the Remix form it opened) names in its custom id, in the
 * presser's server and still shown; otherwise the refusal that says why not.
 */
export function pressedResult(interaction: ButtonInteraction, subject: string, deps: CommandDeps): { member: GuildButton; generation: Generation };
export function pressedResult(interaction: ModalSubmitInteraction, subject: string, deps: CommandDeps): { member: GuildModalSubmit; generation: Generation };
export function pressedResult(interaction: ButtonInteraction | ModalSubmitInteraction, subject: string, deps: CommandDeps) {
  const member = requireGuild(interaction);
  return { member, generation: deps.results.find(generationIdOf(subject), member.guildId) };
}
