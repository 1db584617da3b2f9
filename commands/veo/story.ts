import {
  FileUploadBuilder,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ModalSubmitInteraction,
} from 'discord.js';
import { maxShots, priceOf, SHOT_SECONDS } from '../../src/domain/pricing.js';
import { imageLimits, MAX_PROMPT_LENGTH, MAX_SHOT_PROMPT_LENGTH, parseStory, type StoryInput } from '../../src/domain/videoRequest.js';
import { customIdPrefixes } from '../../src/discord/customIds.js';
import { requireGuild, toImageInput } from '../../src/discord/interactionInput.js';
import { memberSpeaker } from '../../src/discord/replies.js';
import type { Translate } from '../../src/discord/words/catalogue.js';
import { aspectRatios } from '../../src/veo/types.js';
import type { Command, ModalHandler } from '../command.js';
import { admit } from './admit.js';
import { askToConfirm } from './confirmation.js';

const field = { shots: 'shots', aspect: 'aspect', images: 'images' } as const;
const STORY_RESOLUTION = '720p';

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

function readStory(interaction: ModalSubmitInteraction): StoryInput {
  const { fields } = interaction;
  const files = fields.getUploadedFiles(field.images, false);
  return {
    lines: fields.getTextInputValue(field.shots),
    aspect: fields.getStringSelectValues(field.aspect)[0] ?? null,
    images: [...(files?.values() ?? [])].map(toImageInput),
  };
}

/**
 * `/veo story`: the form must be the command's first answer, so only quick, local checks come
 * before it; a server where even one shot is refused says so before the member types a story.
 */
export const runStory: Command['execute'] = async (interaction, deps) => {
  admit(requireGuild(interaction), priceOf(STORY_RESOLUTION, 1), deps);
  await interaction.showModal(renderStoryModal(memberSpeaker(interaction)));
};

/** The filled-in form: always shows the shots and their cost and asks to confirm (a story is never cheap). */
export const storyModal: ModalHandler = {
  prefix: customIdPrefixes.story,
  async execute(interaction, _rest, deps) {
    const guildInteraction = requireGuild(interaction);
    const request = parseStory(readStory(guildInteraction));
    const { origin, roleIds, remainingAfter } = admit(guildInteraction, request.credits, deps);
    await askToConfirm(interaction, { origin, roleIds, request, command: 'story', question: interaction }, remainingAfter, deps);
  },
};
