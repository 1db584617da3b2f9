import { number, relative } from './format.js';

/** Pieces many messages share. */
export const common = {
  number: (p: { value: number }) => number(p.value),
  'time.relative': (p: { at: Date }) => relative(p.at),
  'list.more': (p: { count: number }) => `…and ${p.count} more`,
};
