import {
  FileUploadBuilder,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Generation } from '../../domain/generation.js';
import { isMultiShot, remixText, type RemixInput } from '../../domain/generationRequest.js';
import { maxShots, priceOf } from '../../domain/pricing.js';
import { imageLimits, MAX_PROMPT_LENGTH } from '../../domain/videoRequest.js';
import { aspectRatios, resolutions } from '../../veo/types.js';
import { customId, customIdPrefixes } from '../customIds.js';
import { toImageInput } from '../interactionInput.js';
import type { Translate } from '../words/catalogue.js';

const field = { prompt: 'prompt', aspect: 'aspect', resolution: 'resolution', images: 'images' } as const;

/** How many images may replace the original ones: what its mode takes, references for a text video or a story. */
const maxImages = (generation: Pick<Generation, 'mode'>) => imageLimits[generation.mode === 'frames' ? 'frames' : 'reference'].max;

/**
 * The Remix form, filled in with the original request: its prompt (a story one shot per line),
 * aspect and, for a single shot, resolution; new images replace the original ones when given.
 * Only the author may keep the original images (`keepsImages`); anyone else uploads their own.
 */
export function renderRemixModal(original: Generation, say: Translate, { keepsImages }: { keepsImages: boolean }): ModalBuilder {
  const multi = isMultiShot(original);
  const prompt = new TextInputBuilder()
    .setCustomId(field.prompt)
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(MAX_PROMPT_LENGTH)
    .setValue(remixText(original))
    .setRequired(true);
  const aspect = new StringSelectMenuBuilder()
    .setCustomId(field.aspect)
    .setMinValues(1)
    .setMaxValues(1)
    .addOptions(aspectRatios.map((ratio) => ({ label: say('aspect.name', { aspect: ratio }), value: ratio, default: ratio === original.aspectRatio })));
  const images = new FileUploadBuilder().setCustomId(field.images).setMinValues(0).setMaxValues(maxImages(original)).setRequired(false);
  const labels = [
    new LabelBuilder()
      .setLabel(say(multi ? 'remix.shots.label' : 'remix.prompt.label'))
      .setDescription(multi ? say('remix.shots.description', { maxShots: maxShots('720p') }) : say('remix.prompt.description'))
      .setTextInputComponent(prompt),
    new LabelBuilder().setLabel(say('remix.aspect.label')).setStringSelectMenuComponent(aspect),
  ];
  if (!multi) {
    const resolution = new StringSelectMenuBuilder()
      .setCustomId(field.resolution)
      .setMinValues(1)
      .setMaxValues(1)
      .addOptions(
        resolutions.map((value) => ({
          label: say('remix.resolution.option', { resolution: value, credits: priceOf(value, 1) }),
          value,
          default: value === original.resolution,
        })),
      );
    labels.push(new LabelBuilder().setLabel(say('remix.resolution.label')).setStringSelectMenuComponent(resolution));
  }
  labels.push(
    new LabelBuilder()
      .setLabel(say('remix.images.label'))
      .setDescription(say('remix.images.description', { kept: keepsImages ? original.imageUrls.length : 0, max: maxImages(original) }))
      .setFileUploadComponent(images),
  );
  return new ModalBuilder()
    .setCustomId(customId(customIdPrefixes.remix, original.id))
    .setTitle(say('remix.modal.title', { id: original.id }))
    .addLabelComponents(...labels);
}

/** What the member changed in the Remix form; no new images keeps the original ones. */
export function readRemixForm(interaction: ModalSubmitInteraction): RemixInput {
  const { fields } = interaction;
  const files = [...(fields.getUploadedFiles(field.images, false)?.values() ?? [])];
  const resolution = fields.fields.has(field.resolution) ? (fields.getStringSelectValues(field.resolution)[0] ?? null) : null;
  return {
    text: fields.getTextInputValue(field.prompt),
    aspect: fields.getStringSelectValues(field.aspect)[0] ?? null,
    resolution,
    images: files.length > 0 ? files.map(toImageInput) : null,
  };
}
