import { UserFacingError } from '../../src/domain/errors.js';
import { originOf, requireGuild } from '../../src/discord/interactionInput.js';
import { renderGeneration } from '../../src/discord/render/generationMessage.js';
import { renderStatusList } from '../../src/discord/render/statusList.js';
import { memberSpeaker, replyPrivately } from '../../src/discord/replies.js';
import type { Command } from '../command.js';

const RECENT = 10;

/** `/veo status [id]`: the member's own generations in this server, waiting ones first, privately and in their language. */
export const runStatus: Command['execute'] = async (interaction, deps) => {
  const { guildId, userId } = originOf(requireGuild(interaction));
  const id = interaction.options.getInteger('id');
  if (id === null) {
    const recent = deps.generations.listForMember(guildId, userId, RECENT);
    const waiting = deps.members.waitingFor(guildId, userId);
    await replyPrivately(interaction, { embeds: [renderStatusList(recent, memberSpeaker(interaction), waiting)] });
    return;
  }
  const generation = deps.generations.get(id);
  if (!generation || generation.guildId !== guildId || generation.userId !== userId) {
    throw new UserFacingError('generation_not_found', { id });
  }
  const { content, embeds } = renderGeneration(generation, { locale: interaction.locale });
  await replyPrivately(interaction, { content, embeds });
};
