import type { videoWords as english } from '../en/video.js';
import type { Words } from '../words.js';
import { number, plural } from './format.js';

/** Kopien, die unter das Upload-Limit passen, Verlängern und Zusammenfügen. */
export const videoWords = {
  'video.smallerCopy': (p) =>
    p.parts > 1
      ? `📦 Eine kleinere Kopie eines größeren Originals, in ${number(p.parts)} ${plural(p.parts, { one: 'Teil', other: 'Teilen' })} der Reihe nach; unter „Quelle“ liegt das Original.`
      : '📦 Eine kleinere Kopie eines größeren Originals; unter „Quelle“ liegt das Original.',
  'video.extend': () => 'Verlängern',
  'video.join': () => 'Zusammenfügen',
  'extend.modal.title': (p) => `Video #${p.id} verlängern`,
  'extend.prompt.label': () => 'Die nächsten acht Sekunden',
  'extend.prompt.description': (p) => `Beginnt mit dem letzten Bild; das Seitenverhältnis bleibt ${p.aspect}.`,
  'extend.frameNote': (p) => `🎞️ Das letzte Bild von Video #${p.id}, mit dem seine Verlängerung beginnt.`,
  'join.posted': (p) => `🔗 Video #${p.original}, gefolgt von seiner Verlängerung #${p.extension}, zusammengefügt.`,
} satisfies Words<typeof english>;
