import { UserFacingError } from '../../src/domain/errors.js';
import { originOf, requireGuild } from '../../src/discord/interactionInput.js';
import { renderGeneration } from '../../src/discord/render/generationMessage.js';
import { renderStatusList } from '../../src/discord/render/statusList.js';
import { replyPrivately } from '../../src/discord/replies.js';
import type { Command } from '../command.js';

const RECENT = 10;

/** `/veo status [id]`: the member's own generations in this server, privately. */
export const runStatus: Command['execute'] = async (interaction, deps) => {
  const { guildId, userId } = originOf(requireGuild(interaction));
  const id = interaction.options.getInteger('id');
  if (id === null) {
    const recent = deps.generations.listForMember(guildId, userId, RECENT);
    await replyPrivately(interaction, { embeds: [renderStatusList(recent)] });
    return;
  }
  const generation = deps.generations.get(id);
  if (!generation || generation.guildId !== guildId || generation.userId !== userId) {
    throw new UserFacingError('generation_not_found', `You have no generation #${id} in this server. See /veo status for yours.`);
  }
  const { content, embeds } = renderGeneration(generation);
  await replyPrivately(interaction, { content, embeds });
};
