import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { UserFacingError } from '../../src/domain/errors.js';
import { generationIdOf } from '../../src/domain/resultActions.js';
import { customIdPrefixes } from '../../src/discord/customIds.js';
import { requireGuild } from '../../src/discord/interactionInput.js';
import { renderDetails } from '../../src/discord/render/details.js';
import { memberSpeaker, noPings, replyPrivatelyInPages } from '../../src/discord/replies.js';
import type { ButtonHandler } from '../command.js';
import { pressedKeptResult, pressOf } from './pressedResult.js';
import { startFor } from './startFor.js';

/**
 * Again (and Try again): the same request, paid by whoever presses, shown in a reply of its own.
 * Its images are sent again only for their author, and only if their links still answer;
 * otherwise the member is told to upload new ones with Remix.
 */
export const againButton: ButtonHandler = {
  prefix: customIdPrefixes.again,
  async execute(interaction, subject, deps) {
    const { member, generation: original } = pressedKeptResult(interaction, subject, deps);
    const request = deps.results.againRequest(original, member.user.id);
    const keptImages = { urls: request.imageUrls, expired: new UserFacingError('result_images_expired', { id: original.id }) };
    await startFor(member, 'again', { request, keptImages }, deps);
  },
};

/** Details: everything about the generation, privately, over as many messages as it takes; the images' links only to their author. */
export const detailsButton: ButtonHandler = {
  prefix: customIdPrefixes.details,
  async execute(interaction, subject, deps) {
    const { member, generation } = pressedKeptResult(interaction, subject, deps);
    await replyPrivatelyInPages(interaction, renderDetails(generation, memberSpeaker(interaction), { imageLinks: generation.userId === member.user.id }));
  },
};

/**
 * Delete: for the member who asked or anyone with Manage Messages. The generation is marked
 * removed first, so no later delivery can bring the message back; then the message goes.
 */
export const deleteButton: ButtonHandler = {
  prefix: customIdPrefixes.delete,
  async execute(interaction, subject, deps) {
    const member = requireGuild(interaction);
    const canManageMessages = member.memberPermissions.has(PermissionFlagsBits.ManageMessages);
    const removed = deps.results.remove(generationIdOf(subject), { ...pressOf(interaction, member.guildId), userId: member.user.id, canManageMessages });
    deps.log.info({ generationId: removed.id, userId: member.user.id, moderator: removed.userId !== member.user.id }, 'result removed');
    const say = memberSpeaker(interaction);
    await interaction.reply({ content: say('result.removed', { id: removed.id }), flags: MessageFlags.Ephemeral, allowedMentions: noPings });
    try {
      await interaction.message.delete();
    } catch (error) {
      deps.log.warn({ generationId: removed.id, err: error }, 'could not delete a removed result message');
      await interaction.editReply({ content: say('result.removedMessageGone', { id: removed.id }), allowedMentions: noPings });
    }
  },
};
