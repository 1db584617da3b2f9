import { userMention } from 'discord.js';
import type { resultWords as english, ShotProgress } from '../en/results.js';
import type { Words } from '../words.js';
import { credits, dateTime, duration, number, plural, relative } from './format.js';

const progressLabels: Record<ShotProgress, string> = {
  done: '✅ lista',
  running: '🎬 generándose',
  waiting: '⏳ en espera',
  failed: '❌ falló',
};

/** Los botones bajo un video terminado, el formulario Remix, los detalles y el progreso de cada toma. */
export const resultWords = {
  'result.again': () => 'Otra vez',
  'result.tryAgain': () => 'Reintentar',
  'result.remix': () => 'Remix',
  'result.details': () => 'Detalles',
  'result.delete': () => 'Eliminar',
  'result.removed': (p) =>
    `Se eliminó el video n.º ${p.id}. Sigue en /veo status, marcado como eliminado; no se movió ningún crédito.`,
  'result.removedField': () => 'Eliminado',
  'result.removedLabel': (p) => `🗑️ eliminado ${relative(p.at)}`,
  'result.removedMessageGone': (p) =>
    `El video n.º ${p.id} está marcado como eliminado y no se volverá a publicar, pero no se pudo borrar su mensaje (quizá ya no existe).`,

  'remix.modal.title': (p) => `Remix del video n.º ${p.id}`,
  'remix.prompt.label': () => 'Prompt',
  'remix.prompt.description': () => 'Edita el prompt; los saltos de línea forman parte de él.',
  'remix.shots.label': () => 'Tomas, una por línea',
  'remix.shots.description': (p) => `Hasta ${p.maxShots} tomas, una por línea; un video de varias tomas siempre es 720p.`,
  'remix.aspect.label': () => 'Relación de aspecto',
  'remix.resolution.label': () => 'Resolución',
  'remix.resolution.option': (p) => `${p.resolution} (${credits(p.credits)})`,
  'remix.images.label': () => 'Imágenes nuevas (opcional)',
  'remix.images.description': (p) =>
    p.kept > 0
      ? `Hasta ${p.max} imágenes reemplazan ${plural(p.kept, { one: 'la imagen original', many: `las ${p.kept} de imágenes originales`, other: `las ${p.kept} imágenes originales` })}; déjalo vacío para conservarlas.`
      : `Hasta ${p.max} imágenes PNG, JPEG o WebP; déjalo vacío para un video solo de texto.`,

  'details.title': (p) => (p.pages > 1 ? `Detalles del video n.º ${p.id} (${p.page}/${p.pages})` : `Detalles del video n.º ${p.id}`),
  'details.askedBy': (p) => `**Pedido por** ${userMention(p.userId)} ${dateTime(p.at)}`,
  'details.state': (p) => `**Estado** ${p.label}`,
  'details.request': (p) =>
    `**Modo** ${p.mode} · **Aspecto** ${p.aspect} · **Resolución** ${p.resolution} · **Tomas** ${number(p.shots)}`,
  'details.cost': (p) =>
    p.charged === null
      ? `**Costo** no se cobró nada (precio: ${credits(p.priced)})`
      : `**Costo** ${credits(p.charged)} ${plural(p.charged, { one: 'cobrado', many: 'cobrados', other: 'cobrados' })}, ${credits(p.refunded)} ${plural(p.refunded, { one: 'devuelto', many: 'devueltos', other: 'devueltos' })}`,
  'details.images': (p) => (p.count === 0 ? '**Imágenes** ninguna' : `**Imágenes** (${number(p.count)})`),
  'details.videos': (p) => (p.count === 0 ? '**Video** sin enlace' : `**Video** (${number(p.count)} ${plural(p.count, { one: 'enlace', many: 'de enlaces', other: 'enlaces' })})`),
  'details.shot': (p) =>
    [
      `**Toma ${p.position}** ${progressLabels[p.progress]}`,
      p.taskId === null ? 'sin id de tarea' : `tarea \`${p.taskId.replace(/`/g, "'")}\``,
      ...(p.seconds === null ? [] : [duration(p.seconds)]),
    ].join(' · '),
  'details.continued': () => '(continuación)',

  'progress.field': () => 'Tomas',
  'progress.shot': (p) =>
    `${p.position}. ${progressLabels[p.progress]}${p.progress === 'running' && p.startedAt ? `, empezó ${relative(p.startedAt)}` : ''}`,
} satisfies Words<typeof english>;
