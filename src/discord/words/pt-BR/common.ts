import type { common as english } from '../en/common.js';
import type { Words } from '../words.js';
import { number, relative } from './format.js';

export const common = {
  number: (p) => number(p.value),
  'time.relative': (p) => relative(p.at),
  'list.more': (p) => `…e mais ${number(p.count)}`,
} satisfies Words<typeof english>;
