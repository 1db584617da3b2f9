import type { common as english } from '../en/common.js';
import type { Words } from '../words.js';
import { number, relative } from './format.js';

const aspectNames = { '16:9': '16:9（横長）', '9:16': '9:16（縦長）' } as const;

export const common = {
  number: (p) => number(p.value),
  'time.relative': (p) => relative(p.at),
  'aspect.name': (p) => aspectNames[p.aspect],
  'list.more': (p) => `…ほか${number(p.count)}件`,
} satisfies Words<typeof english>;
