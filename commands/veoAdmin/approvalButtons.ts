import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { ApprovalCheck } from '../../src/domain/moderation/approvals.js';
import type { ModeratorRef } from '../../src/domain/moderation/moderationSettings.js';
import { generationIdOf } from '../../src/domain/resultActions.js';
import { customIdPrefixes } from '../../src/discord/customIds.js';
import { managesMessages, requireGuild, roleIdsOf } from '../../src/discord/interactionInput.js';
import { readDenyReason, renderDenyModal } from '../../src/discord/render/denyForm.js';
import { memberSpeaker, noPings, replyPrivately } from '../../src/discord/replies.js';
import type { Translate } from '../../src/discord/words/catalogue.js';
import type { ButtonHandler, ModalHandler } from '../command.js';

/** Who pressed, with the rights Discord gives them now: checked at every press, never remembered. */
function moderatorOf(interaction: ButtonInteraction | ModalSubmitInteraction): ModeratorRef {
  const member = requireGuild(interaction);
  return { guildId: member.guildId, userId: member.user.id, roleIds: roleIdsOf(member), managesMessages: managesMessages(member) };
}

/** Why a press decides nothing, in one sentence. */
function notOpenText(found: Exclude<ApprovalCheck, { kind: 'open' }>, say: Translate): string {
  switch (found.kind) {
    case 'unknown':
      return say('approval.press.unknown');
    case 'not_moderator':
      return say('approval.press.notModerator');
    case 'own_request':
      return say('approval.press.own');
    case 'ended':
      return say('approval.press.ended', { state: found.state, deciderId: found.deciderId });
  }
}

const tellPrivately = (interaction: ButtonInteraction | ModalSubmitInteraction, content: string) =>
  interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: noPings });

/**
 * Approve: the request goes on through the start path, as if its member had just confirmed it.
 * Checked before anything is acknowledged, so a refusal is one private sentence; the image links
 * are checked after, which can take longer than Discord's 3 seconds.
 */
export const approveButton: ButtonHandler = {
  prefix: customIdPrefixes.approve,
  async execute(interaction, subject, deps) {
    const moderator = moderatorOf(interaction);
    const id = generationIdOf(subject);
    const say = memberSpeaker(interaction);
    const found = deps.approvals.check(id, moderator);
    if (found.kind !== 'open') return replyPrivately(interaction, { content: notOpenText(found, say) });
    await interaction.deferUpdate();
    const approved = await deps.startGeneration.approve(id, moderator);
    // Someone else decided in the meantime.
    if (approved.kind !== 'open') await tellPrivately(interaction, notOpenText(approved, say));
  },
};

/** Deny: opens the form for an optional reason; nothing changes until it is submitted. */
export const denyButton: ButtonHandler = {
  prefix: customIdPrefixes.deny,
  async execute(interaction, subject, deps) {
    const id = generationIdOf(subject);
    const say = memberSpeaker(interaction);
    const found = deps.approvals.check(id, moderatorOf(interaction));
    if (found.kind !== 'open') return replyPrivately(interaction, { content: notOpenText(found, say) });
    await interaction.showModal(renderDenyModal(id, say));
  },
};

/** The Deny form submitted: rights and state checked again, then the request is released with the reason. */
export const denyReasonModal: ModalHandler = {
  prefix: customIdPrefixes.denyReason,
  async execute(interaction, subject, deps) {
    const moderator = moderatorOf(interaction);
    const say = memberSpeaker(interaction);
    const denied = await deps.approvals.deny(generationIdOf(subject), moderator, readDenyReason(interaction));
    await replyPrivately(interaction, { content: denied.kind === 'open' ? say('approval.press.denied') : notOpenText(denied, say) });
  },
};
