import { parseVideoRequest } from '../../src/domain/videoRequest.js';
import { originOf, readVideoRequest, requireGuild, roleIdsOf } from '../../src/discord/interactionInput.js';
import type { Command } from '../command.js';

/**
 * `/veo prompt`: checks and reserves before answering (so refusals stay private and instant),
 * then defers a public reply, submits, and shows the generation. The poller finishes the reply.
 */
export const runPrompt: Command['execute'] = async (interaction, deps) => {
  const guildInteraction = requireGuild(interaction);
  const request = parseVideoRequest(readVideoRequest(guildInteraction));
  const generation = deps.generations.create(originOf(guildInteraction), roleIdsOf(guildInteraction), request);
  const release = deps.outbox.hold(generation.id);
  try {
    try {
      await interaction.deferReply();
    } catch (error) {
      deps.generations.abort(generation, 'discord_unavailable', 'Discord did not accept the reply in time.');
      throw error;
    }
    deps.notifier.rememberInteraction(generation.id, interaction.token);
    const sent = await deps.generations.send(generation);
    await deps.outbox.deliver(sent);
  } finally {
    release();
  }
};
