import type { common as english } from '../en/common.js';
import { number, relative } from './format.js';
import type { Words } from '../words.js';

const aspectNames = { '16:9': '16:9 (Querformat)', '9:16': '9:16 (Hochformat)' } as const;

export const common = {
  number: (p) => number(p.value),
  'time.relative': (p) => relative(p.at),
  'aspect.name': (p) => aspectNames[p.aspect],
  'list.more': (p) => `…und ${number(p.count)} weitere`,
} satisfies Words<typeof english>;
