import { PermissionFlagsBits } from 'discord.js';
import { generationIdOf } from '../../src/domain/resultActions.js';
import { customIdPrefixes } from '../../src/discord/customIds.js';
import { requireGuild } from '../../src/discord/interactionInput.js';
import { renderGeneration } from '../../src/discord/render/generationMessage.js';
import { noPings } from '../../src/discord/replies.js';
import type { ButtonHandler } from '../command.js';

/**
 * Cancel on a waiting request's reply: for its member, or anyone with Manage Messages (read from
 * this press, not from when the reply was made). Its credits are released at once and the reply
 * says who cancelled it; a press after it was sent, or a second press, is refused privately.
 */
export const withdrawButton: ButtonHandler = {
  prefix: customIdPrefixes.withdraw,
  async execute(interaction, subject, deps) {
    const member = requireGuild(interaction);
    const canManageMessages = member.memberPermissions.has(PermissionFlagsBits.ManageMessages);
    // Answered first: releasing a request awaiting approval edits Discord messages, past the 3 seconds Discord waits.
    // A refusal then comes as a private follow-up.
    await interaction.deferUpdate();
    const cancelled = await deps.withdrawals.withdraw(generationIdOf(subject), { guildId: member.guildId, userId: member.user.id, canManageMessages });
    deps.log.info({ generationId: cancelled.id, userId: member.user.id, moderator: cancelled.userId !== member.user.id }, 'waiting request cancelled');
    const { content, embeds, components } = renderGeneration(cancelled);
    await interaction.editReply({ content, embeds, components, allowedMentions: noPings });
  },
};
