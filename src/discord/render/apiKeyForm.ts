import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import { customId, customIdPrefixes } from '../customIds.js';
import type { Translate } from '../words/catalogue.js';

const field = 'key';

/** The private form a server's admin pastes its own key in: a modal, never a slash option (those stay in the client's history). */
export function renderApiKeyModal(say: Translate): ModalBuilder {
  const key = new TextInputBuilder().setCustomId(field).setStyle(TextInputStyle.Short).setMinLength(8).setMaxLength(200).setRequired(true);
  return new ModalBuilder()
    .setCustomId(customId(customIdPrefixes.apiKey, 'set'))
    .setTitle(say('serverKeys.form.title'))
    .addLabelComponents(new LabelBuilder().setLabel(say('serverKeys.form.label')).setDescription(say('serverKeys.form.description')).setTextInputComponent(key));
}

export const readApiKeyForm = (interaction: ModalSubmitInteraction): string => interaction.fields.getTextInputValue(field);
