import type { common as english } from '../en/common.js';
import type { Words } from '../words.js';
import { number, relative } from './format.js';

export const common = {
  number: (p) => number(p.value),
  'time.relative': (p) => relative(p.at),
  'list.more': (p) => `…ほか${number(p.count)}件`,
} satisfies Words<typeof english>;
