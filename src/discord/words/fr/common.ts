import type { common as english } from '../en/common.js';
import type { Words } from '../words.js';
import { number, relative } from './format.js';

const aspectNames = { '16:9': '16:9 (paysage)', '9:16': '9:16 (portrait)' } as const;

export const common = {
  number: (p) => number(p.value),
  'time.relative': (p) => relative(p.at),
  'aspect.name': (p) => aspectNames[p.aspect],
  'list.more': (p) => `…et ${number(p.count)} de plus`,
} satisfies Words<typeof english>;
