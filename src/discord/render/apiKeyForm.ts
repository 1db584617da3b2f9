import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import { z } from 'zod';
import { UserFacingError } from '../../domain/errors.js';
import { serverKeyShape } from '../../domain/serverKeys/serverKeys.js';
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

/** The pasted key, trimmed, in the shape the domain checks. */
const pastedKey = z.string().trim().regex(serverKeyShape);

/** The pasted key, or the refusal an admin reads when it is not shaped like a key (nothing is sent to the vendor then). */
export function readApiKeyForm(interaction: Pick<ModalSubmitInteraction, 'fields'>): string {
  const parsed = pastedKey.safeParse(interaction.fields.getTextInputValue(field));
  if (!parsed.success) throw new UserFacingError('server_key_malformed');
  return parsed.data;
}
