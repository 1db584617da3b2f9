import type { videoWords as english } from '../en/video.js';
import type { Words } from '../words.js';
import { number, plural } from './format.js';

/** Copias que caben bajo el límite de subida, Extender y Unir. */
export const videoWords = {
  'video.smallerCopy': (p) =>
    p.parts > 1
      ? `📦 Una copia más pequeña de un original más grande, en ${number(p.parts)} ${plural(p.parts, { one: 'parte', many: 'partes', other: 'partes' })} en orden; Fuente lleva al original.`
      : '📦 Una copia más pequeña de un original más grande; Fuente lleva al original.',
  'video.extend': () => 'Extender',
  'video.join': () => 'Unir',
  'extend.modal.title': (p) => `Extender el video #${p.id}`,
  'extend.prompt.label': () => 'Los siguientes ocho segundos',
  'extend.prompt.description': (p) => `Empieza en el último fotograma; la relación de aspecto sigue siendo ${p.aspect}.`,
  'extend.frameNote': (p) => `🎞️ El último fotograma del video #${p.id}, donde empieza su extensión.`,
  'join.posted': (p) => `🔗 El video #${p.original} seguido de su extensión #${p.extension}, unidos.`,
} satisfies Words<typeof english>;
