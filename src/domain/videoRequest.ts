import { z } from 'zod';
import { aspectRatios, resolutions, type AspectRatio, type GenerationType, type Resolution } from '../veo/types.js';
import { refuse } from './errors.js';
import { maxShots, priceOf } from './pricing.js';

export const modes = ['text', 'frames', 'reference'] as const;
export type Mode = (typeof modes)[number];

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
const imageLimits: Record<Mode, { min: number; max: number }> = {
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
}

/** Turns a member's input into a valid request, or throws one short, specific UserFacingError. */
export function parseVideoRequest(input: VideoRequestInput): VideoRequest {
  const mode = pickOption(modes, input.mode, 'mode') ?? (input.images.length > 0 ? 'reference' : 'text');
  const aspectRatio = pickOption(aspectRatios, input.aspect, 'aspect') ?? '16:9';
  const resolution = pickOption(resolutions, input.resolution, 'resolution') ?? '720p';
  const prompt = input.text.trim();
  const shotPrompts = splitShots(prompt);

  const max = maxShots(resolution);
  if (shotPrompts.length > max) {
    if (max === 1) refuse('single_shot_resolution', { resolution, separator: SHOT_SEPARATOR });
    refuse('too_many_shots', { count: shotPrompts.length, max });
  }
  if (mode === 'frames' && shotPrompts.length > 1) refuse('frames_multi_shot', { separator: SHOT_SEPARATOR });
  input.images.forEach(checkImage);
  checkImageCount(mode, input.images.length);

  return {
    prompt,
    shotPrompts,
    mode,
    generationType: generationTypeOf[mode],
    aspectRatio,
    resolution,
    imageUrls: input.images.map((image) => image.url),
    credits: priceOf(resolution, shotPrompts.length),
  };
}

function pickOption<T extends string>(allowed: readonly T[], value: string | null, option: 'mode' | 'aspect' | 'resolution'): T | undefined {
  if (value === null) return undefined;
  const parsed = z.enum(allowed as [T, ...T[]]).safeParse(value);
  return parsed.success ? parsed.data : refuse('bad_option', { option, value, allowed });
}

// Zero-width and other format characters survive trim() but show nothing.
const invisible = /[\p{Cf}\p{Zs}\s]/gu;

function splitShots(prompt: string): string[] {
  if (prompt.replace(invisible, '').length === 0) refuse('empty_prompt');
  if (prompt.length > MAX_PROMPT_LENGTH) refuse('prompt_too_long', { length: prompt.length, max: MAX_PROMPT_LENGTH });
  // Newlines and tabs are fine in a prompt; other control characters are never intended.
  if (/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(prompt)) refuse('prompt_control_chars');
  const shots = prompt.split(SHOT_SEPARATOR).map((part) => part.trim());
  if (shots.some((shot) => shot.replace(invisible, '').length === 0)) refuse('empty_shot', { separator: SHOT_SEPARATOR });
  const long = shots.findIndex((shot) => shot.length > MAX_SHOT_PROMPT_LENGTH);
  if (long >= 0 && shots.length > 1) refuse('shot_too_long', { shot: long + 1, max: MAX_SHOT_PROMPT_LENGTH });
  return shots;
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
