import type { AspectRatio } from '../../../veo/types.js';
import { number, plural } from './format.js';

/** Copies that fit the upload limit, Extend and Join. */
export const videoWords = {
  'video.smallerCopy': (p: { parts: number }) =>
    p.parts > 1
      ? `📦 A smaller copy of a larger original, in ${number(p.parts)} ${plural(p.parts, { one: 'part', other: 'parts' })} in order; Source has the original.`
      : '📦 A smaller copy of a larger original; Source has the original.',
  'video.extend': () => 'Extend',
  'video.join': () => 'Join',
  'extend.modal.title': (p: { id: number }) => `Extend video #${p.id}`,
  'extend.prompt.label': () => 'The next eight seconds',
  'extend.prompt.description': (p: { aspect: AspectRatio }) => `Starts from the last frame; the aspect ratio stays ${p.aspect}.`,
  'extend.frameNote': (p: { id: number }) => `🎞️ The last frame of video #${p.id}, where its extension starts.`,
  'join.posted': (p: { original: number; extension: number }) => `🔗 Video #${p.original} followed by its extension #${p.extension}, joined.`,
};
