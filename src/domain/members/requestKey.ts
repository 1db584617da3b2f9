import { createHash } from 'node:crypto';
import type { VideoRequest } from '../videoRequest.js';

/** A link without its query string and fragment: Discord signs its attachment links anew, the file stays the same. */
const withoutQuery = (url: string): string => url.split(/[?#]/, 1)[0] ?? url;

/**
 * What a request asks for, hashed: the prompt, the shots, the options and the images (their links
 * without their query strings). Two requests with the same key ask for the same video. An
 * extension's only image is a frame posted anew for each press, so it is known by the video it extends.
 */
export function requestKeyOf(request: Pick<VideoRequest, 'prompt' | 'shotPrompts' | 'mode' | 'aspectRatio' | 'resolution' | 'imageUrls' | 'extendsGenerationId'>): string {
  const images = request.extendsGenerationId === undefined ? request.imageUrls.map(withoutQuery) : { extends: request.extendsGenerationId };
  const asked = [request.prompt, request.shotPrompts, request.mode, request.aspectRatio, request.resolution, images];
  return createHash('sha256').update(JSON.stringify(asked)).digest('hex');
}
