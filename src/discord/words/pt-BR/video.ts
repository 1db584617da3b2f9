import type { videoWords as english } from '../en/video.js';
import type { Words } from '../words.js';
import { number, plural } from './format.js';

/** Cópias que cabem no limite de envio, Estender e Juntar. */
export const videoWords = {
  'video.smallerCopy': (p) =>
    p.parts > 1
      ? `📦 Uma cópia menor de um original maior, em ${number(p.parts)} ${plural(p.parts, { one: 'parte', many: 'partes', other: 'partes' })} em ordem; Fonte leva ao original.`
      : '📦 Uma cópia menor de um original maior; Fonte leva ao original.',
  'video.extend': () => 'Estender',
  'video.join': () => 'Juntar',
  'extend.modal.title': (p) => `Estender o vídeo #${p.id}`,
  'extend.prompt.label': () => 'Os próximos oito segundos',
  'extend.prompt.description': (p) => `Começa do último quadro; a proporção continua ${p.aspect}.`,
  'extend.frameNote': (p) => `🎞️ O último quadro do vídeo #${p.id}, onde começa a sua extensão.`,
  'join.posted': (p) => `🔗 O vídeo #${p.original} seguido da sua extensão #${p.extension}, juntos.`,
} satisfies Words<typeof english>;
