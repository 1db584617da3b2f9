import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import { MAX_DENY_REASON_LENGTH } from '../../domain/moderation/approvals.js';
import { customId, customIdPrefixes } from '../customIds.js';
import type { Translate } from '../words/catalogue.js';

const REASON = 'reason';

/** The Deny form: an optional reason its member reads. */
export function renderDenyModal(generationId: number, say: Translate): ModalBuilder {
  const reason = new TextInputBuilder()
    .setCustomId(REASON)
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(MAX_DENY_REASON_LENGTH)
    .setPlaceholder(say('approval.denyForm.placeholder'))
    .setRequired(false);
  return new ModalBuilder()
    .setCustomId(customId(customIdPrefixes.denyReason, generationId))
    .setTitle(say('approval.denyForm.title'))
    .addLabelComponents(new LabelBuilder().setLabel(say('approval.denyForm.reason')).setTextInputComponent(reason));
}

/** The reason typed, or null for none (blank counts as none). */
export function readDenyReason(interaction: ModalSubmitInteraction): string | null {
  const text = interaction.fields.getTextInputValue(REASON).trim();
  return text === '' ? null : text.slice(0, MAX_DENY_REASON_LENGTH);
}
