import { originOf, requireGuild, roleIdsOf } from '../../src/discord/interactionInput.js';
import { renderCreditsSummary } from '../../src/discord/render/credits.js';
import { memberSpeaker, replyPrivately } from '../../src/discord/replies.js';
import type { Command } from '../command.js';

/** `/veo credits`: the server's budget this period and the member's own use and cap, privately. */
export const runCredits: Command['execute'] = async (interaction, deps) => {
  const guildInteraction = requireGuild(interaction);
  const { guildId, userId } = originOf(guildInteraction);
  const summary = deps.checks.summary({ guildId, userId, roleIds: roleIdsOf(guildInteraction) });
  await replyPrivately(interaction, { embeds: [renderCreditsSummary(summary, memberSpeaker(interaction))] });
};
