import type { Generation } from './generation.js';
import { priceOf } from './pricing.js';
import { generationTypeOf, parseStory, parseVideoRequest, type ImageInput, type VideoRequest } from './videoRequest.js';

type Stored = Pick<Generation, 'prompt' | 'mode' | 'aspectRatio' | 'resolution' | 'imageUrls' | 'shots'>;

/** A multi-shot generation is edited as a story, one shot per line; a single shot as one paragraph. */
export const isMultiShot = (generation: Pick<Generation, 'shots'>) => generation.shots.length > 1;

/** The shots' prompts in order, each once: what the member asked for, however it was typed. */
export const shotPromptsOf = (generation: Pick<Generation, 'shots'>) =>
  [...generation.shots].sort((a, b) => a.position - b.position).map((shot) => shot.prompt);

/** The request a stored generation was made from, priced at today's list: what Again asks for. */
export function requestOf(generation: Stored): VideoRequest {
  const shotPrompts = shotPromptsOf(generation);
  return {
    prompt: generation.prompt,
    shotPrompts,
    mode: generation.mode,
    generationType: generationTypeOf[generation.mode],
    aspectRatio: generation.aspectRatio,
    resolution: generation.resolution,
    imageUrls: [...generation.imageUrls],
    credits: priceOf(generation.resolution, shotPrompts.length),
  };
}

/** The text a Remix form starts from: the single prompt as it was, or the shots one per line. */
export function remixText(generation: Stored): string {
  return isMultiShot(generation) ? shotPromptsOf(generation).join('\n') : generation.prompt;
}

/** What the Remix form gave back; `images` null keeps the original images. */
export interface RemixInput {
  text: string;
  aspect: string | null;
  resolution: string | null;
  images: ImageInput[] | null;
}

/**
 * The edited request, checked like a new one: a story stays a story (and so 720p), a single shot
 * keeps its mode; new images replace the old ones, which are otherwise kept as they were. Without
 * `keepImages` (another member than the author) the old images are never sent: no new ones make
 * a text video.
 */
export function remixRequest(original: Stored, input: RemixInput, { keepImages }: { keepImages: boolean } = { keepImages: true }): VideoRequest {
  const images = input.images ?? [];
  const keptImageUrls = input.images === null && keepImages ? original.imageUrls : [];
  if (isMultiShot(original)) {
    return parseStory({ lines: input.text, aspect: input.aspect, resolution: input.resolution, images, keptImageUrls });
  }
  // A text-only video given images becomes a reference video, as /veo prompt would make it; one left without any, a text video.
  const imageless = images.length === 0 && keptImageUrls.length === 0;
  const mode = imageless ? 'text' : original.mode === 'text' ? null : original.mode;
  return parseVideoRequest({ text: input.text, aspect: input.aspect, resolution: input.resolution, mode, images, keptImageUrls });
}

/** What an Extend form starts from: the last shot's prompt. */
export const extensionText = (generation: Pick<Generation, 'shots'>): string => shotPromptsOf(generation).at(-1) ?? '';

/**
 * Extend: one shot from a first frame (the original's last, posted by the bot), at the original's
 * aspect ratio and resolution, checked like any new request, and marked as the original's extension.
 */
export function extensionRequest(original: Pick<Generation, 'id' | 'aspectRatio' | 'resolution'>, text: string, frameUrl: string): VideoRequest {
  const request = parseVideoRequest({ text, aspect: original.aspectRatio, resolution: original.resolution, mode: 'frames', images: [], keptImageUrls: [frameUrl] });
  return { ...request, extendsGenerationId: original.id };
}
