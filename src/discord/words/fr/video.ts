import type { videoWords as english } from '../en/video.js';
import type { Words } from '../words.js';
import { number, plural } from './format.js';

/** Copies qui tiennent sous la limite d’envoi, Prolonger et Assembler. */
export const videoWords = {
  'video.smallerCopy': (p) =>
    p.parts > 1
      ? `📦 Une copie plus légère d’un original plus lourd, en ${number(p.parts)} ${plural(p.parts, { one: 'partie', many: 'parties', other: 'parties' })} dans l’ordre ; Source mène à l’original.`
      : '📦 Une copie plus légère d’un original plus lourd ; Source mène à l’original.',
  'video.extend': () => 'Prolonger',
  'video.join': () => 'Assembler',
  'extend.modal.title': (p) => `Prolonger la vidéo n° ${p.id}`,
  'extend.prompt.label': () => 'Les huit secondes suivantes',
  'extend.prompt.description': (p) => `Part de la dernière image ; le format reste ${p.aspect}.`,
  'extend.frameNote': (p) => `🎞️ La dernière image de la vidéo n° ${p.id}, d’où part son prolongement.`,
  'join.posted': (p) => `🔗 La vidéo n° ${p.original} suivie de son prolongement n° ${p.extension}, assemblées.`,
} satisfies Words<typeof english>;
