import type { common as english } from '../en/common.js';
import { number, relative } from './format.js';
import type { Words } from '../words.js';

export const common = {
  number: (p) => number(p.value),
  'time.relative': (p) => relative(p.at),
  'list.more': (p) => `…und ${number(p.count)} weitere`,
} satisfies Words<typeof english>;
