import { z } from 'zod';
import { aspectRatios, resolutions, type AspectRatio, type GenerationType, type Resolution } from '../veo/types.js';
import { refuse } from './errors.js';
import { modes, type Mode } from './modes.js';
import { maxShots, priceOf } from './pricing.js';

export { modes, type Mode } from './modes.js';

export const SHOT_SEPARATOR = '||';
export const MAX_PROMPT_LENGTH = 4000;
export const MAX_SHOT_PROMPT_LENGTH = 1000;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const imageTypes = new Set(['image/png', 'image/jpeg', 'image/webp']);
const imageExtensions: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };

export const generationTypeOf: Record<Mode, GenerationType> = {
  text: 'TEXT_2_VIDEO',
  frames: 'FIRST_AND_LAST_FRAMES_2_VIDEO',
  reference: 'REFERENCE_2_VIDEO',
};
export const imageLimits: Record<Mode, { min: number; max: number }> = {
  text: { min: 0, max: 0 },
  frames: { min: 1, max: 2 },
  reference: { min: 1, max: 3 },
};

export interface ImageInput {
  name: string;
  url: string;
  contentType: string | null;
  size: number;
}

/** What the member typed, before validation. */
export interface VideoRequestInput {
  text: string;
  images: ImageInput[];
  mode: string | null;
  aspect: string | null;
  resolution: string | null;
  /** Images checked when the request was first made, kept as they were (Again, Remix); `images` come after them. */
  keptImageUrls?: readonly string[];
}

/** A request the API will accept, with its price. */
export interface VideoRequest {
  prompt: string;
  shotPrompts: string[];
  mode: Mode;
  generationType: GenerationType;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  imageUrls: string[];
  credits: number;
  /** Extend: the generation whose last frame is this one's first image. */
  extendsGenerationId?: number;
}

/** What the story form gave: its shots one per line, before validation. */
export interface StoryInput {
  lines: string;
  images: ImageInput[];
  aspect: string | null;
  /** Absent from the form (a story is 720p); a caller that offers it gets the multi-shot check. */
  resolution?: string | null;
  /** Reference images checked when the story was first made, kept as they were (Remix). */
  keptImageUrls?: readonly string[];
}

/** Turns a member's input into a valid request, or throws one short, specific UserFacingError. */
export function parseVideoRequest(input: VideoRequestInput): VideoRequest {
  const mode = pickOption(modes, input.mode, 'mode') ?? (input.images.length + (input.keptImageUrls?.length ?? 0) > 0 ? 'reference' : 'text');
  const aspectRatio = pickOption(aspectRatios, input.aspect, 'aspect') ?? '16:9';
  const resolution = pickOption(resolutions, input.resolution, 'resolution') ?? '720p';
  const prompt = checkPromptText(input.text.trim());
  const shotPrompts = prompt.split(SHOT_SEPARATOR).map((part) => part.trim());
  if (shotPrompts.some(isBlank)) refuse('empty_shot', { separator: SHOT_SEPARATOR });
  const long = shotPrompts.findIndex((shot) => shot.length > MAX_SHOT_PROMPT_LENGTH);
  if (long >= 0 && shotPrompts.length > 1) refuse('shot_too_long', { shot: long + 1, max: MAX_SHOT_PROMPT_LENGTH });

  const max = maxShots(resolution);
  if (shotPrompts.length > max) {
    if (max === 1) refuse('single_shot_resolution', { resolution, separator: SHOT_SEPARATOR });
    refuse('too_many_shots', { count: shotPrompts.length, max });
  }
  if (mode === 'frames' && shotPrompts.length > 1) refuse('frames_multi_shot', { separator: SHOT_SEPARATOR });
  return finish({ prompt, shotPrompts, mode, aspectRatio, resolution }, input.images, input.keptImageUrls);
}

/**
 * A story: one shot per line (blank lines ignored), the same images as references for every
 * shot, 720p unless a caller asks for more, which only a single shot may have.
 */
export function parseStory(input: StoryInput): VideoRequest {
  const aspectRatio = pickOption(aspectRatios, input.aspect, 'aspect') ?? '16:9';
  const resolution = pickOption(resolutions, input.resolution ?? null, 'resolution') ?? '720p';
  const text = input.lines.replace(/\r\n?/g, '\n');
  const shotPrompts = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !isBlank(line));
  if (shotPrompts.length === 0) refuse('story_empty');
  checkPromptText(text);
  const long = shotPrompts.findIndex((shot) => shot.length > MAX_SHOT_PROMPT_LENGTH);
  if (long >= 0) refuse('shot_too_long', { shot: long + 1, max: MAX_SHOT_PROMPT_LENGTH });
  const max = maxShots(resolution);
  if (shotPrompts.length > max) {
    if (max === 1) refuse('story_resolution', { resolution, shots: shotPrompts.length });
    refuse('too_many_shots', { count: shotPrompts.length, max });
  }
  const kept = input.keptImageUrls ?? [];
  const mode: Mode = input.images.length + kept.length > 0 ? 'reference' : 'text';
  return finish({ prompt: shotPrompts.join('\n'), shotPrompts, mode, aspectRatio, resolution }, input.images, kept);
}

/** The checks and the price every request shares, whatever form it came in. */
function finish(shape: Omit<VideoRequest, 'generationType' | 'imageUrls' | 'credits'>, images: ImageInput[], kept: readonly string[] = []): VideoRequest {
  images.forEach(checkImage);
  const imageUrls = [...kept, ...images.map((image) => image.url)];
  checkImageCount(shape.mode, imageUrls.length);
  return {
    ...shape,
    generationType: generationTypeOf[shape.mode],
    imageUrls,
    credits: priceOf(shape.resolution, shape.shotPrompts.length),
  };
}

function pickOption<T extends string>(allowed: readonly T[], value: string | null, option: 'mode' | 'aspect' | 'resolution'): T | undefined {
  if (value === null) return undefined;
  const parsed = z.enum(allowed as [T, ...T[]]).safeParse(value);
  return parsed.success ? parsed.data : refuse('bad_option', { option, value, allowed });
}

// Zero-width and other format characters survive trim() but show nothing.
const invisible = /[\p{Cf}\p{Zs}\s]/gu;

const isBlank = (text: string) => text.replace(invisible, '').length === 0;

/** The whole text a member typed: something visible, within the limit, no control characters. */
function checkPromptText(prompt: string): string {
  if (isBlank(prompt)) refuse('empty_prompt');
  if (prompt.length > MAX_PROMPT_LENGTH) refuse('prompt_too_long', { length: prompt.length, max: MAX_PROMPT_LENGTH });
  // Newlines and tabs are fine in a prompt; other control characters are never intended.
  if (/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(prompt)) refuse('prompt_control_chars');
  return prompt;
}

function checkImage(image: ImageInput): void {
  const type = image.contentType?.split(';')[0]?.trim().toLowerCase() ?? extensionType(image.name);
  if (type === undefined || !imageTypes.has(type)) refuse('not_an_image', { name: image.name });
  if (image.size > MAX_IMAGE_BYTES) refuse('image_too_large', { name: image.name, bytes: image.size, maxBytes: MAX_IMAGE_BYTES });
  if (!/^https?:\/\//.test(image.url)) refuse('image_not_public', { name: image.name });
}

function checkImageCount(mode: Mode, count: number): void {
  const { min, max } = imageLimits[mode];
  if (mode === 'text') {
    if (count > 0) refuse('images_with_text_mode');
    return;
  }
  if (count < min) refuse('too_few_images', { mode });
  if (count > max) refuse('too_many_images', { mode, count, max });
}

function extensionType(name: string): string | undefined {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  return imageExtensions[extension];
}
