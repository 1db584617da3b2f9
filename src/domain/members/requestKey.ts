import { createHash } from 'node:crypto';
import type { VideoRequest } from '../videoRequest.js';

/** A link without its query string and fragment: Discord signs its attachment links anew, the file stays the same. */
const withoutQuery = (url: string): string => url.split(/[?#]/, 1)[0] ?? url;

/**
 * What a request asks for, hashed: the prompt, the shots, the options and the images (their links
 * without their query strings). Two requests with the same key ask for the same video.
 */
export function requestKeyOf(request: Pick<VideoRequest, 'prompt' | 'shotPrompts' | 'mode' | 'aspectRatio' | 'resolution' | 'imageUrls'>): string {
  const asked = [request.prompt, request.shotPrompts, request.mode, request.aspectRatio, request.resolution, request.imageUrls.map(withoutQuery)];
  return createHash('sha256').update(JSON.stringify(asked)).digest('hex');
}
