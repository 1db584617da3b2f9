import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import type { Generation } from '../../domain/generation.js';
import { extensionText } from '../../domain/generationRequest.js';
import { MAX_PROMPT_LENGTH } from '../../domain/videoRequest.js';
import { customId, customIdPrefixes } from '../customIds.js';
import type { Translate } from '../words/catalogue.js';

const field = { prompt: 'prompt' } as const;

/**
 * The Extend form: the prompt of the next eight seconds, filled in with the last shot's; the
 * aspect ratio is the original's and is only named, since the frame it starts from has it.
 */
export function renderExtendModal(original: Generation, say: Translate): ModalBuilder {
  const prompt = new TextInputBuilder()
    .setCustomId(field.prompt)
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(MAX_PROMPT_LENGTH)
    .setValue(extensionText(original).slice(0, MAX_PROMPT_LENGTH))
    .setRequired(true);
  return new ModalBuilder()
    .setCustomId(customId(customIdPrefixes.extend, original.id))
    .setTitle(say('extend.modal.title', { id: original.id }))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(say('extend.prompt.label'))
        .setDescription(say('extend.prompt.description', { aspect: original.aspectRatio }))
        .setTextInputComponent(prompt),
    );
}

/** The prompt the member gave the extension. */
export const readExtendForm = (interaction: ModalSubmitInteraction): string => interaction.fields.getTextInputValue(field.prompt);
