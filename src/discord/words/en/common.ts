import type { AspectRatio } from '../../../veo/types.js';
import { number, relative } from './format.js';

const aspectNames: Record<AspectRatio, string> = { '16:9': '16:9 (landscape)', '9:16': '9:16 (portrait)' };

/** Pieces many messages share. */
export const common = {
  number: (p: { value: number }) => number(p.value),
  'time.relative': (p: { at: Date }) => relative(p.at),
  /** An aspect ratio as a form's select shows it. */
  'aspect.name': (p: { aspect: AspectRatio }) => aspectNames[p.aspect],
  'list.more': (p: { count: number }) => `…and ${p.count} more`,
};
