import {
  FileUploadBuilder,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ModalSubmitInteraction,
} from 'discord.js';
import { maxShots, SHOT_SECONDS } from '../../domain/pricing.js';
import { imageLimits, MAX_PROMPT_LENGTH, MAX_SHOT_PROMPT_LENGTH, type StoryInput } from '../../domain/videoRequest.js';
import { aspectRatios } from '../../veo/types.js';
import { customIdPrefixes } from '../customIds.js';
import { toImageInput } from '../interactionInput.js';
import type { Translate } from '../words/catalogue.js';

const field = { shots: 'shots', aspect: 'aspect', images: 'images' } as const;
/** A story's resolution (the one parseStory picks): only 720p takes more than one shot. */
export const STORY_RESOLUTION = '720p';

/** The story form: shots one per line, the aspect ratio, and optional reference images for every shot. */
export function renderStoryModal(say: Translate): ModalBuilder {
  const shots = new TextInputBuilder()
    .setCustomId(field.shots)
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(MAX_PROMPT_LENGTH)
    .setPlaceholder(say('story.shots.placeholder'))
    .setRequired(true);
  const aspect = new StringSelectMenuBuilder()
    .setCustomId(field.aspect)
    .setMinValues(1)
    .setMaxValues(1)
    .addOptions(aspectRatios.map((ratio, index) => ({ label: say('aspect.name', { aspect: ratio }), value: ratio, default: index === 0 })));
  const images = new FileUploadBuilder().setCustomId(field.images).setMinValues(0).setMaxValues(imageLimits.reference.max).setRequired(false);
  return new ModalBuilder()
    .setCustomId(customIdPrefixes.story)
    .setTitle(say('story.modal.title'))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(say('story.shots.label'))
        .setDescription(say('story.shots.description', { maxShots: maxShots(STORY_RESOLUTION), shotSeconds: SHOT_SECONDS, maxLength: MAX_SHOT_PROMPT_LENGTH }))
        .setTextInputComponent(shots),
      new LabelBuilder().setLabel(say('story.aspect.label')).setStringSelectMenuComponent(aspect),
      new LabelBuilder()
        .setLabel(say('story.images.label'))
        .setDescription(say('story.images.description', { max: imageLimits.reference.max }))
        .setFileUploadComponent(images),
    );
}

/** What the member filled the story form in with. */
export function readStoryForm(interaction: ModalSubmitInteraction): StoryInput {
  const { fields } = interaction;
  const files = fields.getUploadedFiles(field.images, false);
  return {
    lines: fields.getTextInputValue(field.shots),
    aspect: fields.getStringSelectValues(field.aspect)[0] ?? null,
    images: [...(files?.values() ?? [])].map(toImageInput),
  };
}
